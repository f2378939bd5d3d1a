#!/usr/bin/env bash
# Builds the image and runs it as Airbyte and `docker run` users would: spec, check, discover and
# read against the emulator on the host (config mounted read-only at /secrets/config.json,
# --network host), plus the Singer tap it offers. Checks live in test/docker/smoke.test.ts.
#   DOCKER=../shared/tools/docker scripts/docker-smoke.sh     (default: docker)
set -euo pipefail
cd "$(dirname "$0")/.."
DOCKER=${DOCKER:-docker}
version=$(node -p "require('./package.json').version")
image=${SMOKE_IMAGE:-source-claude-admin:$version}

echo "docker-smoke: building $image with $DOCKER"
"$DOCKER" build -t "$image" .
echo "docker-smoke: running the image"
DOCKER=$DOCKER SMOKE_IMAGE=$image npx vitest run --config vitest.docker.config.ts

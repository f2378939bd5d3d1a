# source-claude-admin: the Airbyte source (default entrypoint), the Singer tap
# (`--entrypoint tap-claude-admin`) and the Admin API emulator (`emulator` command).
# Multi-stage: the final image holds production dependencies only and runs as `node` (uid 1000).
FROM node:24-bookworm-slim AS build
WORKDIR /build
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY src ./src
COPY schemas ./schemas
RUN npm run build && npm prune --omit=dev && chmod 0755 dist/src/main.js dist/src/singer/main.js

FROM node:24-bookworm-slim
RUN mkdir -p /airbyte/integration_code && chown -R node:node /airbyte
WORKDIR /airbyte/integration_code
COPY --from=build --chown=node:node /build/node_modules ./node_modules
COPY --from=build --chown=node:node /build/dist/src ./dist/src
COPY --from=build --chown=node:node /build/schemas ./schemas
COPY --chown=node:node package.json ./
# Both commands on PATH, for `docker run --entrypoint tap-claude-admin …` and shells.
RUN ln -s /airbyte/integration_code/dist/src/main.js /usr/local/bin/source-claude-admin \
 && ln -s /airbyte/integration_code/dist/src/singer/main.js /usr/local/bin/tap-claude-admin
ENV NODE_ENV=production
ENV AIRBYTE_ENTRYPOINT="node /airbyte/integration_code/dist/src/main.js"
ENTRYPOINT ["node", "/airbyte/integration_code/dist/src/main.js"]
USER node
LABEL io.airbyte.name=source-claude-admin
LABEL io.airbyte.version=0.1.0

# source-claude-admin: the Airbyte source (default entrypoint), the Singer tap
# (`--entrypoint tap-claude-admin`) and the Admin API emulator (`emulator` command).
# Multi-stage: the build bundles the code and its production dependencies into dist/bundle,
# so the final image holds no node_modules at all. Runs as `node` (uid 1000).
FROM node:24-bookworm-slim AS build
WORKDIR /build
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
RUN npm ci --no-audit --no-fund
COPY src ./src
COPY schemas ./schemas
RUN npm run build && chmod 0755 dist/bundle/main.js dist/bundle/tap.js

FROM node:24-bookworm-slim
RUN mkdir -p /airbyte/integration_code && chown -R node:node /airbyte
WORKDIR /airbyte/integration_code
COPY --from=build --chown=node:node /build/dist/bundle ./dist/bundle
COPY --chown=node:node schemas ./schemas
COPY --chown=node:node package.json ./
# Both commands on PATH, for `docker run --entrypoint tap-claude-admin …` and shells.
RUN ln -s /airbyte/integration_code/dist/bundle/main.js /usr/local/bin/source-claude-admin \
 && ln -s /airbyte/integration_code/dist/bundle/tap.js /usr/local/bin/tap-claude-admin
ENV NODE_ENV=production
ENV AIRBYTE_ENTRYPOINT="node /airbyte/integration_code/dist/bundle/main.js"
ENTRYPOINT ["node", "/airbyte/integration_code/dist/bundle/main.js"]
USER node
LABEL io.airbyte.name=source-claude-admin
LABEL io.airbyte.version=0.1.0

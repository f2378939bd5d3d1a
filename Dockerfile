# Airbyte source image: multi-stage, production dependencies only, non-root (uid 1000).
FROM node:24-bookworm-slim AS build
WORKDIR /build
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
RUN npm ci --ignore-scripts
COPY src ./src
COPY schemas ./schemas
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
RUN mkdir -p /airbyte/integration_code && chown -R node:node /airbyte
WORKDIR /airbyte/integration_code
COPY --from=build --chown=node:node /build/node_modules ./node_modules
COPY --from=build --chown=node:node /build/dist ./dist
COPY --from=build --chown=node:node /build/schemas ./schemas
COPY --chown=node:node package.json ./
ENV NODE_ENV=production
ENV AIRBYTE_ENTRYPOINT="node /airbyte/integration_code/dist/src/main.js"
ENTRYPOINT ["node", "/airbyte/integration_code/dist/src/main.js"]
USER node
LABEL io.airbyte.name=source-claude-admin
LABEL io.airbyte.version=0.1.0

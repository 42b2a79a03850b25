# One image for the API, the worker and the migration job; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# The Temporal CLI and test server are for local runs and tests; a deployment talks to a Temporal cluster.
ENV DUBAN_SKIP_TEMPORAL_INSTALL=1
COPY package.json package-lock.json ./
COPY scripts/install-temporal-binaries.js scripts/
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Evidence files live here unless EVIDENCE_STORAGE=s3; docker-compose.yml mounts a volume on it.
RUN mkdir -p /var/lib/duban && chown node:node /var/lib/duban
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]

# One image for the four services; docker-compose.yml picks the entry point.
# Its node_modules come from `npm ci --omit=dev`: the same install scripts/prod-start-check.sh starts every service
# and the CLI from in CI, so a runtime import of a devDependency fails there before it fails here.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json package-lock.json ./
COPY bin ./bin
# The aggregator's default store (DATABASE_URL pglite://./data/aggregator) is written here by the unprivileged user.
RUN mkdir -p data && chown node:node data
USER node
CMD ["node", "dist/apps/ingestor/src/main.js"]

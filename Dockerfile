# The API and the worker share one image; the command picks the process.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY workflows ./workflows
COPY activities ./activities
COPY scripts/build-console.mjs ./scripts/
# The staff console (/staf) is bundled here, while esbuild (a dev dependency) is still installed.
RUN npx tsc -p tsconfig.build.json && node scripts/build-console.mjs && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production DATA_DIR=/data
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
# Workflow sources are bundled by the worker at start-up.
COPY workflows ./workflows
COPY activities ./activities
COPY src ./src
# The citizens' pages (complaint form and tracking), served by the API.
COPY public ./public
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
CMD ["node", "dist/src/api/main.js"]

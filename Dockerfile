# syntax=docker/dockerfile:1.7
#
# ops-console: the BFF serving the built SPA, one process per container. See docs/deployment.md.
# NOTE: this recipe was written without a Docker engine at hand and has not been built; the steps
# mirror what `npm start` does (build web + bff, run apps/bff/dist/index.js).
#
#   docker build -t ops-console .
#   docker run --rm -p 8080:8080 -e PUBLIC_ORIGIN=https://ops.example.com \
#     -e DATABASE_URL_FILE=/run/secrets/database_url ... ops-console

# Node 20.20 is what the repository is tested on (engines: >=20.19). Pin by digest in production.
ARG NODE_VERSION=20.20

# ── build: all dependencies, then the SPA and the BFF bundle, then drop dev dependencies ──────────
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary; these let it compile from source when it cannot.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# The npm the lockfile was written with (package.json "packageManager").
RUN npm install -g npm@11.19.1 --no-audit --no-fund

# Manifests first, so the dependency layer is reused until a package.json or the lock changes.
COPY package.json package-lock.json ./
COPY apps/bff/package.json apps/bff/
COPY apps/web/package.json apps/web/
COPY packages/bench/package.json packages/bench/
COPY packages/cloud-client/package.json packages/cloud-client/
COPY packages/cloud-sim/package.json packages/cloud-sim/
COPY packages/config-typescript/package.json packages/config-typescript/
COPY packages/contracts/package.json packages/contracts/
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

COPY . .
# Workspace libraries export TypeScript source and are bundled into apps/bff/dist by esbuild;
# every other npm package stays external and is loaded from node_modules at run time.
RUN npm run build -w @ops-console/web \
 && npm run build -w @ops-console/bff \
 && npm prune --omit=dev --no-audit --no-fund

# ── runtime: the bundle, the SPA and production node_modules, as the unprivileged `node` user ──────
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    SQLITE_PATH=/data/ops-console.db
WORKDIR /app
# Root-owned and read-only to the app user; only /data (SQLite, single replica only) is writable.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
# "type": "module" of this package.json makes the .js bundle ESM.
COPY --from=build /app/apps/bff/package.json apps/bff/
COPY --from=build /app/apps/bff/dist apps/bff/dist
# src/index.ts serves ../../web/dist relative to the bundle, i.e. this directory.
COPY --from=build /app/apps/web/dist apps/web/dist
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 8080
# Readiness, not just liveness: /readyz answers 200 only while the database takes writes.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains in-flight requests (up to 10 s) and exits 0; give the runtime a longer stop timeout.
STOPSIGNAL SIGTERM
CMD ["node", "apps/bff/dist/index.js"]

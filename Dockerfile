# syntax=docker/dockerfile:1.7
#
# ops-console: the BFF serving the built SPA, one process per container. See docs/deployment.md.
# NOTE: written without a Docker engine at hand (none runs on the development machines) and not
# built here; the steps mirror what `npm start` does (build web + bff, run apps/bff/dist/index.js).
#
#   docker build -t ops-console .
#   docker run --rm -p 8080:8080 -e PUBLIC_ORIGIN=https://ops.example.com \
#     -e DATABASE_URL_FILE=/run/secrets/database_url ... ops-console

# Node 24 LTS (engines: ^22.22.2 || >=24.15.0), pinned by the digest of its multi-arch index. The
# digest was read from public Dockerfiles pinning the same tag, not from the registry (unreachable
# here): confirm it with `docker buildx imagetools inspect node:24.19.0-bookworm-slim` when bumping.
ARG NODE_IMAGE=node:24.19.0-bookworm-slim@sha256:3638d9a6fe4030bd716be989438248074489337ba3275657f93595428be4fc03

# ── base: the npm the lockfile was written with (package.json "packageManager") ──────────────────
# No compiler toolchain: better-sqlite3 13 ships prebuilt Node-API binaries, nothing compiles.
FROM ${NODE_IMAGE} AS base
RUN npm install -g npm@11.19.1 --no-audit --no-fund
WORKDIR /app
# Manifests first, so the dependency layers are reused until a package.json or the lock changes.
COPY package.json package-lock.json ./
COPY apps/bff/package.json apps/bff/
COPY apps/web/package.json apps/web/
COPY packages/bench/package.json packages/bench/
COPY packages/cloud-client/package.json packages/cloud-client/
COPY packages/cloud-sim/package.json packages/cloud-sim/
COPY packages/config-typescript/package.json packages/config-typescript/
COPY packages/contracts/package.json packages/contracts/
COPY packages/lossless-json/package.json packages/lossless-json/

# ── build: every dependency, then the SPA and the BFF bundle ─────────────────────────────────────
FROM base AS build
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
# Workspace libraries export TypeScript source and are bundled into apps/bff/dist by esbuild;
# every other npm package stays external and is loaded from node_modules at run time.
RUN npm run build -w @ops-console/web && npm run build -w @ops-console/bff

# ── prod-deps: only the BFF's production dependencies (not the web's, the bench's or any dev tool) ─
FROM base AS prod-deps
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --workspace @ops-console/bff --no-audit --no-fund \
 && rm -rf node_modules/@ops-console

# ── runtime: the bundle, the SPA and those dependencies, as the unprivileged `node` user ──────────
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    SQLITE_PATH=/data/ops-console.db
WORKDIR /app
# Root-owned and read-only to the app user; only /data (SQLite, single replica only) is writable.
COPY --from=prod-deps /app/package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
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

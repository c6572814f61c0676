# syntax=docker/dockerfile:1
# Costudio in a container: the same install and build scripts CI and the README use, then plain
# node as an unprivileged user. Not built on the machines Costudio is developed on (no Docker
# engine there): see docs/operations.md, "Containers", for what was and was not tested.
#
#   docker build -t costudio .
#   docker run -p 1234:1234 -v costudio-data:/data costudio

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: install every workspace package, build client and server, then drop dev packages
FROM ${NODE_IMAGE} AS build
# better-sqlite3 falls back to building from source (node-gyp) when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
RUN npm install -g pnpm@12.4.2
ENV CI=true
WORKDIR /app
# The manifests first, so the dependency layer is reused while only sources change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY client/package.json client/
COPY server/package.json server/
COPY shared/package.json shared/
COPY tests/package.json tests/
COPY bench/package.json bench/
COPY scripts/ scripts/
RUN node scripts/install.mjs
COPY . .
RUN pnpm run build
# Production packages only (the server bundles @costudio/shared; its npm imports stay external).
RUN node scripts/install.mjs --prod

# ---- runtime: the built client and server, their production node_modules, nothing else
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=1234 \
    DATA_DIR=/data
RUN groupadd --system --gid 10001 costudio \
 && useradd --system --uid 10001 --gid costudio --home-dir /app --shell /usr/sbin/nologin costudio \
 && mkdir -p /data \
 && chown costudio:costudio /data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules/ node_modules/
COPY --from=build /app/shared/ shared/
COPY --from=build /app/server/package.json server/
COPY --from=build /app/server/node_modules/ server/node_modules/
COPY --from=build /app/server/dist/ server/dist/
COPY --from=build /app/client/dist/ client/dist/
USER costudio
VOLUME ["/data"]
EXPOSE 1234
# Ready means storage answers (GET /readyz), not merely that the process runs (/healthz).
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||1234)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM (docker stop) goes straight to node, PID 1 here: it closes sockets with 1001, commits,
# checkpoints and exits 0. Give it more than Docker's default 10 s with `--stop-timeout 30`.
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "server/dist/main.js"]

# Transforma: one image for every process of an installation (docs/deploy.md).
#   docker build -t transforma .
#   docker run -p 8080:8080 -v transforma-data:/data --shm-size=256m transforma   # one process, SQLite
# (--shm-size: Chromium prints PDF exports from /dev/shm, and Docker's default 64 MB is tight.)
# compose.yaml runs two of them behind nginx, on PostgreSQL and Redis.

# Build stage: every dependency (native ones compile here: better-sqlite3), then the client.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

# Run stage: Debian's Chromium prints the PDF exports (launched on the first one, with
# --no-sandbox: the container is the sandbox); tini reaps Chromium's children and forwards
# SIGTERM, on which the server stores every open workshop before it exits (stop within 10 s).
FROM node:20-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium fonts-dejavu-core fonts-liberation tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    PORT=8080 \
    DATA_DIR=/data \
    CLIENT_DIR=/app/dist/client \
    CHROMIUM_PATH=/usr/bin/chromium
# The server runs compiled (dist/server/main.js, bundled by `npm run build` as `npm run serve`
# runs it: no TypeScript loader in the process); its packages stay in node_modules.
COPY --from=build /app/package.json /app/tsconfig.json /app/tsconfig.base.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/client ./dist/client
COPY --from=build /app/dist/server ./dist/server
COPY --from=build /app/server ./server
COPY --from=build /app/shared ./shared
# The code stays root's and read-only to the server; only /data (SQLite) is the server's.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 8080
# Liveness only (/healthz): a database or Redis outage is /readyz's business, not a reason to
# restart the process.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/server/main.js"]

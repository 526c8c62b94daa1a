# syntax=docker/dockerfile:1
# The headless LAN server (`npm run serve`) as an image: see README.md § Docker and docs/platform.md.
# Two stages: the build needs the dev dependencies (vite, TypeScript); the image holds only the
# runtime ones (`npm ci --omit=dev`), the server bundle (dist-server/serve.cjs, its export worker
# and the migrations) and the built UI (dist/renderer) that serve.cjs serves to browsers.

# The official Node image of the major package.json pins (the `node` dev dependency, ^24).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:renderer && npm run build:server

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    FRONTDESK_DATA=/data \
    FRONTDESK_PORT=8787 \
    FRONTDESK_HOST=0.0.0.0 \
    FRONTDESK_LOG_LEVEL=info
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist-server ./dist-server
COPY --from=build /app/dist/renderer ./dist/renderer
# The database, its WAL and the logs live in the volume, owned by the image's non-root user.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.FRONTDESK_PORT || 8787) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# --lan: listen on FRONTDESK_HOST:FRONTDESK_PORT (refused while the admin password is the default,
# so the first start needs FRONTDESK_ADMIN_PASSWORD).
CMD ["node", "--max-semi-space-size=4", "--max-old-space-size=256", "--no-maglev", "--no-parallel-scavenge", "--no-memory-reducer", "dist-server/serve.cjs", "--lan"]

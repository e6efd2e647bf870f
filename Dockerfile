# syntax=docker/dockerfile:1
# One image for every app; choose it with --build-arg APP=api|worker|bot|web.
# Multi-stage: dependencies and the Prisma client are built once, the runtime stage keeps
# only production dependencies and runs as an unprivileged user.

FROM node:24-bookworm-slim AS deps
WORKDIR /app
# No update checks or usage reports from the image (npm's notifier, Next.js telemetry).
ENV npm_config_update_notifier=false NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY apps ./apps
COPY packages ./packages
# Every workspace's manifest, tooling and bench included: `npm ci` installs from the lockfile,
# which lists them all.
COPY tooling ./tooling
COPY bench/package.json ./bench/package.json
# Keep only the manifests for the install layer's cache, then the sources below.
RUN find apps packages tooling -type f ! -name package.json ! -name schema.prisma ! -name prisma.config.ts -delete \
    && npm ci --no-audit --no-fund

FROM deps AS build
ARG APP=api
COPY . .
# The dashboard serves a production build; it is made here, before dev dependencies go.
# Then the test and dev tooling goes (tooling/: the WB emulator, the fake Telegram, the
# embedded PostgreSQL and its 60 MB of binaries, the test harness; bench/). npm counts every
# workspace's `dependencies` as production ones, so those workspaces are removed first and
# `npm prune --omit=dev` then drops whatever only they or a devDependency needed. The apps and
# packages reach tooling only through devDependencies (checked by
# scripts/boundaries/production-dependencies.test.ts), so nothing they run needs it.
RUN npm run generate -w @wb-assist/db \
    && if [ "$APP" = web ]; then npm run build -w @wb-assist/web; fi \
    && rm -rf tooling bench \
    && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ARG APP=api
# A 16 MB young generation: the same throughput with ~70 MB less RSS (bench/sync-fleet.ts).
ENV NODE_ENV=production HOST=0.0.0.0 APP=${APP} NODE_OPTIONS=--max-semi-space-size=16 NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
WORKDIR /app/apps/${APP}
# Every app starts with its package's `start` (node src/main.ts; the dashboard: next start).
CMD ["sh", "-c", "if [ -f src/main.ts ]; then exec node src/main.ts; else exec node scripts/start.ts; fi"]

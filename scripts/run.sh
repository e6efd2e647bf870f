#!/usr/bin/env bash
# Runs a command with the Node the project needs and its dependencies installed.
# Every root npm script goes through here, so `npm start` and `npm test` work on a fresh
# clone even when the system Node is too old and `npm ci` has not been run yet.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=ensure-node.sh
source "$root/scripts/ensure-node.sh"

# node_modules/.package-lock.json is written by npm at the end of a successful install:
# missing or older than the lockfile means the dependencies are not the locked ones.
if [ ! -f "$root/node_modules/.package-lock.json" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  echo "Installing dependencies (npm ci)..." >&2
  (cd "$root" && npm ci --no-audit --no-fund)
fi

# `npm test` also needs Debian's chromium for the dashboard's end-to-end tests. When it cannot
# be had, ensure-chromium.sh says why and the tests run anyway: that suite fails, the rest count.
if [ "${1:-}" = vitest ]; then
  bash "$root/scripts/ensure-chromium.sh" || true
fi

export PATH="$root/node_modules/.bin:$PATH"
exec "$@"

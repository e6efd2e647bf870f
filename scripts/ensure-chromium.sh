#!/usr/bin/env bash
# The dashboard's end-to-end tests (apps/web/src/e2e) drive Debian's chromium through
# playwright-core. `npm test` (scripts/run.sh) and .ci/run call this to install it when it is
# missing, the way ensure-node.sh brings Node: with apt-get as root, else through passwordless
# sudo. Never `npx playwright install`: it downloads from a CDN, not from Debian.
# CHROMIUM_PATH names another browser, which is then used as it is and never installed.
# Exits non-zero with one line saying why when chromium is not there in the end: `npm test`
# goes on, and the e2e suite fails (and is counted as failed) instead of passing unnoticed.
set -euo pipefail

missing() {
  echo "ensure-chromium: $1: the dashboard's end-to-end tests (apps/web/src/e2e) will fail." >&2
  exit 1
}

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || missing "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file"
  exit 0
fi

chromium=/usr/bin/chromium
[ -x "$chromium" ] && exit 0

if [ "$EUID" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  missing "$chromium is missing and installing it needs root (run \`sudo apt-get install chromium\`, or set CHROMIUM_PATH)"
fi
command -v apt-get >/dev/null 2>&1 ||
  missing "$chromium is missing and there is no apt-get to install Debian's chromium (set CHROMIUM_PATH to a Chromium)"

echo "Installing Debian's chromium for the dashboard's end-to-end tests (apt-get)..." >&2
{
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium
} >&2 || missing "apt-get could not install chromium (see above)"
[ -x "$chromium" ] || missing "apt-get finished, yet $chromium is still missing"

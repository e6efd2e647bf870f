#!/usr/bin/env bash
# The web e2e tests drive Debian's chromium through playwright-core; install it when missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: /usr/bin/chromium"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium

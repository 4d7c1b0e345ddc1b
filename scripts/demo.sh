#!/usr/bin/env bash
# One command for a newcomer: install what is missing, build, and open Chromium with Parapet on demo feeds.
#   bash scripts/demo.sh            demo feeds served at the real addresses (no account, no network needed)
#   bash scripts/demo.sh --live     the real sites instead (needs a display and a network)
#   bash scripts/demo.sh --headless no window even if there is a display: screenshots into demo-output/
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium from apt…"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
echo "Installing dependencies…"
npm ci --no-audit --no-fund --loglevel=error
echo "Building…"
npx wxt build >/dev/null
npx tsx scripts/demo.ts "$@"

#!/usr/bin/env bash
# Runs MCP Tray: installs what it needs, builds, and starts the tray app (or the headless host).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
# The Node 22 that ensure-deps.sh installed (when the system's is older) builds and serves.
. scripts/node22.sh
node22_use
exec npm start --silent -- "$@"

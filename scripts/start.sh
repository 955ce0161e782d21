#!/usr/bin/env bash
# Runs MCP Tray: installs what it needs, builds what changed, and starts the tray app (or the
# headless host). A failed package install keeps the packages installed before (ensure-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
# The Node 22 that ensure-deps.sh installed (when the system's is older) builds and serves.
. scripts/node22.sh
node22_use
scripts/build-if-changed.sh
exec node scripts/start.mjs "$@"

#!/usr/bin/env bash
# Runs MCP Tray: installs what it needs, builds, and starts the tray app (or the headless host).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
exec npm start --silent -- "$@"

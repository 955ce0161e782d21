#!/usr/bin/env bash
# Installs everything the tests need (system packages when root) and runs the whole suite:
# typecheck, lint, format, build, unit + integration, e2e in Chromium, Electron specs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh --for-tests
# The Node 22 that ensure-deps.sh installed (when the system's is older) runs everything below.
. scripts/node22.sh
node22_use

# Everything runs against a real Secret Service in a throwaway HOME (see with-keyring.sh).
exec scripts/with-keyring.sh npm test --silent

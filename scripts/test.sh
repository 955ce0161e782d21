#!/usr/bin/env bash
# Installs everything the tests need (system packages when root) and runs the whole suite:
# typecheck, lint, format, build, unit + integration, e2e in Chromium, Electron specs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh --for-tests

# Everything runs against a real Secret Service in a throwaway HOME (see with-keyring.sh).
exec scripts/with-keyring.sh npm test --silent

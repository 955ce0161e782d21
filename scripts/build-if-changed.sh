#!/usr/bin/env bash
# Builds (npm run build) only when a source file changed since the last build: the build records
# a hash of every source file's path, size and modification time in dist/.build-stamp.
# Usage: scripts/build-if-changed.sh [DIR]   (default: the project folder)
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"

sources=()
for entry in electron renderer servers resources scripts/build-node.mjs scripts/guardian-build.mjs package.json package-lock.json tsconfig.json tsconfig.base.json; do
  [ -e "$entry" ] && sources+=("$entry")
done
# Tests do not go into the build; neither do installed packages.
hash=$(find "${sources[@]}" -type f -not -path '*/node_modules/*' -not -name '*.test.ts' -not -name '*.test.tsx' \
  -printf '%p %s %T@\n' | LC_ALL=C sort | sha256sum | cut -c1-64)
stamp=dist/.build-stamp
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
  exit 0
fi
echo "building MCP Tray"
npm run build --silent
mkdir -p dist
echo "$hash" >"$stamp"

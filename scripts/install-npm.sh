#!/usr/bin/env bash
# Installs a folder's npm packages (its package-lock.json) without ever breaking what works:
# - reinstalls only when the lockfile, package.json or the Node ABI changed (a stamp in
#   node_modules records the hash of the three);
# - `npm ci` runs in a fresh folder beside the project and the result replaces node_modules only
#   when it succeeded, so a failed install (a native build that fails, no network) leaves the old
#   node_modules in place and working.
# Usage: scripts/install-npm.sh [DIR]   (default: the current folder). Exit 1 when the install
# failed; the old packages, if any, are still there.
set -euo pipefail
cd "${1:-.}"

stamp_name=.mcp-tray-install-stamp
want=$( (sha256sum package-lock.json package.json; node -p 'process.version + " " + process.versions.modules') | sha256sum | cut -c1-64)
if [ -f "node_modules/$stamp_name" ] && [ "$(cat "node_modules/$stamp_name")" = "$want" ]; then
  exit 0
fi

echo "installing npm packages in $(pwd)"
# In the project folder: the swap below is a rename on the same file system.
fresh=$(mktemp -d "$(pwd)/.npm-install.XXXXXX")
trap 'rm -rf "$fresh"' EXIT
cp package.json package-lock.json "$fresh/"
[ -f .npmrc ] && cp .npmrc "$fresh/"
# Electron's binary and Playwright's browsers are never downloaded: tests use Debian's Chromium.
if ! (cd "$fresh" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 \
  npm ci --no-audit --no-fund --loglevel=error); then
  if [ -d node_modules ]; then
    echo "mcp-tray: npm ci failed; the packages installed before are kept and still used" >&2
  else
    echo "mcp-tray: npm ci failed and no packages were installed before" >&2
  fi
  exit 1
fi
# A project without dependencies gets no node_modules from npm: the stamp needs one.
mkdir -p "$fresh/node_modules"
echo "$want" >"$fresh/node_modules/$stamp_name"
if [ -d node_modules ]; then mv node_modules "$fresh/node_modules.old"; fi
mv "$fresh/node_modules" node_modules

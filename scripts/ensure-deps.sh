#!/usr/bin/env bash
# Installs what MCP Tray needs on Debian/Ubuntu: system packages (as root) and npm packages.
# Idempotent and fast when nothing changed. Usage: scripts/ensure-deps.sh [--for-tests]
set -euo pipefail
cd "$(dirname "$0")/.."

# libsecret-1-dev builds keytar; the rest are only needed by the tests (browser, Secret Service).
pkgs=(libsecret-1-dev pkg-config)
if [ "${1:-}" = "--for-tests" ]; then
  # bubblewrap, socat and ripgrep: the sandbox (@anthropic-ai/sandbox-runtime) on Linux.
  pkgs+=(chromium gnome-keyring dbus dbus-daemon libsecret-tools libglib2.0-bin bubblewrap socat ripgrep)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "mcp-tray: missing system packages: ${missing[*]}" >&2
    echo "run: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Node >= 22.12: the system's, or the pinned one from the npm registry in .cache/node22.
# shellcheck source=scripts/node22.sh
. scripts/node22.sh
node22_ensure

# Reinstall npm packages only when the lockfile or the Node ABI changed since the last install
# (keytar is compiled for one Node ABI; moving to another Node must rebuild it).
stamp=node_modules/.mcp-tray-install-stamp
want=$( (sha256sum package-lock.json package.json; node -p 'process.version + " " + process.versions.modules') | sha256sum | cut -c1-64)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "installing npm packages"
  # Electron's binary and Playwright's browsers are never downloaded: tests use Debian's Chromium.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 \
    npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
fi

# Real external MCP clients used as test peers, kept out of the app's tree (their own lockfile).
if [ "${1:-}" = "--for-tests" ]; then
  peers=scripts/peers
  peers_stamp=$peers/node_modules/.mcp-tray-install-stamp
  peers_want=$( (sha256sum $peers/package.json $peers/package-lock.json; node --version) | sha256sum | cut -c1-64)
  if [ ! -f "$peers_stamp" ] || [ "$(cat "$peers_stamp")" != "$peers_want" ]; then
    echo "installing test peers (MCP Inspector, the MCP conformance suite)"
    (cd $peers && npm ci --no-audit --no-fund --loglevel=error)
    echo "$peers_want" >"$peers_stamp"
  fi
fi

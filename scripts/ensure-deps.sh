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

# npm packages: reinstalled only when the lockfile or the Node ABI changed (keytar is compiled
# for one Node ABI), into a fresh folder swapped in on success (scripts/install-npm.sh). A failed
# install keeps the old packages: starting carries on with them when there are any.
if ! scripts/install-npm.sh .; then
  [ -d node_modules ] || exit 1
fi

# Real external MCP clients used as test peers, kept out of the app's tree (their own lockfile).
if [ "${1:-}" = "--for-tests" ]; then
  peers=scripts/peers
  scripts/install-npm.sh "$peers"
fi

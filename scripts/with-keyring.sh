#!/usr/bin/env bash
# Runs a command in a private D-Bus session with an unlocked gnome-keyring, so keychain code uses
# a real Secret Service. HOME is a throwaway folder: the keyring file is written there.
# Example: scripts/with-keyring.sh npx vitest run servers/notion
set -euo pipefail
test_home=$(mktemp -d /tmp/mcp-tray-test-home.XXXXXX)
trap 'rm -rf "$test_home" 2>/dev/null || true' EXIT
export MCP_TRAY_TEST_KEYRING=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1
export NPM_CONFIG_CACHE="${NPM_CONFIG_CACHE:-$HOME/.npm}" NPM_CONFIG_UPDATE_NOTIFIER=false
env HOME="$test_home" XDG_DATA_HOME="$test_home/.local/share" dbus-run-session -- sh -c '
  echo -n "mcp-tray-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' sh "$@" 2> >(grep -v "Failed to set fd limit" >&2)

#!/usr/bin/env bash
# Runs a command in a private D-Bus session with an unlocked gnome-keyring, so keychain code uses
# a real Secret Service. HOME is a throwaway folder: the keyring file is written there.
# Example: scripts/with-keyring.sh npx vitest run servers/notion
set -euo pipefail
# Tests run on the project's Node 22 (keytar is built for its ABI); see node22.sh.
. "$(dirname "$0")/node22.sh"
node22_use || { echo "mcp-tray: no Node >= $NODE22_MIN; run scripts/ensure-deps.sh first" >&2; exit 1; }
test_home=$(mktemp -d /tmp/mcp-tray-test-home.XXXXXX)
# gnome-keyring-daemon can outlive its D-Bus session (holding our stderr open): stop the one
# whose HOME is ours, then remove the folder.
cleanup() {
  for pid in $(pgrep -x gnome-keyring-d 2>/dev/null); do
    if tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ" | grep -qx "HOME=$test_home"; then kill "$pid" 2>/dev/null || true; fi
  done
  rm -rf "$test_home" 2>/dev/null || true
}
trap cleanup EXIT
export MCP_TRAY_TEST_KEYRING=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1
export NPM_CONFIG_CACHE="${NPM_CONFIG_CACHE:-$HOME/.npm}" NPM_CONFIG_UPDATE_NOTIFIER=false
env HOME="$test_home" XDG_DATA_HOME="$test_home/.local/share" dbus-run-session -- sh -c '
  echo -n "mcp-tray-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' sh "$@"

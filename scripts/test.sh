#!/usr/bin/env bash
# Installs everything the tests need (system packages when root) and runs the whole suite:
# typecheck, lint, format, build, unit + integration, e2e in Chromium, Electron specs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh --for-tests

# A private D-Bus session with an unlocked gnome-keyring, so keychain tests use a real Secret
# Service. HOME is a throwaway folder: the keyring file is written there.
test_home=$(mktemp -d /tmp/mcp-tray-test-home.XXXXXX)
trap 'rm -rf "$test_home"' EXIT
export MCP_TRAY_TEST_KEYRING=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1
export NPM_CONFIG_CACHE="${NPM_CONFIG_CACHE:-$HOME/.npm}" NPM_CONFIG_UPDATE_NOTIFIER=false
exec env HOME="$test_home" XDG_DATA_HOME="$test_home/.local/share" dbus-run-session -- sh -c '
  echo -n "mcp-tray-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec npm test --silent
' 2> >(grep -v "Failed to set fd limit" >&2)

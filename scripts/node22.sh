# Node 22 for the project's scripts. Sourced (not run) by ensure-deps.sh, test.sh, start.sh and
# with-keyring.sh, because it has to change the caller's PATH.
#
# The app needs Node >= 22.12 (@anthropic-ai/sandbox-runtime requires it; Node 20 is end of
# life). Where the system's Node is older, the `node` package from the npm registry (the only
# registry reachable on our machines besides Debian's) is installed into .cache/node22 from the
# pinned lockfile in scripts/node22/ and put first on PATH. The same Node runs the build, the
# tests, the test peers and `serve`. npm itself stays the system's: it is a script and runs on
# whichever `node` is first on PATH.
#
#   node22_use      put an installed Node 22 first on PATH (no download); quiet when not needed
#   node22_ensure   install it when needed, then node22_use; a failed install keeps the old one

NODE22_MIN="22.12.0"
NODE22_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE22_DIR="$NODE22_ROOT/.cache/node22"
NODE22_BIN="$NODE22_DIR/node_modules/node/bin"
# The platform package the `node` package installs; it carries include/node for node-gyp.
NODE22_HEADERS="$NODE22_DIR/node_modules/node/node_modules"

# True when $1 (a `node` binary) is at least NODE22_MIN.
node22_is_new_enough() {
  "$1" -e '
    const [a, b, c] = process.versions.node.split(".").map(Number);
    const [x, y, z] = process.argv[1].split(".").map(Number);
    process.exit(a !== x ? (a > x ? 0 : 1) : b !== y ? (b > y ? 0 : 1) : c >= z ? 0 : 1);
  ' "$NODE22_MIN" 2>/dev/null
}

# The version the lockfile pins, e.g. 22.23.3.
node22_pinned() {
  sed -n 's/^ *"node": "\([0-9.]*\)".*/\1/p' "$NODE22_ROOT/scripts/node22/package.json" | head -1
}

node22_system_ok() {
  local sys
  sys=$(PATH="${PATH#"$NODE22_BIN:"}" command -v node 2>/dev/null) || return 1
  node22_is_new_enough "$sys"
}

node22_use() {
  if node22_system_ok; then return 0; fi
  if [ -x "$NODE22_BIN/node" ] && node22_is_new_enough "$NODE22_BIN/node"; then
    case ":$PATH:" in *":$NODE22_BIN:"*) ;; *) export PATH="$NODE22_BIN:$PATH" ;; esac
    # node-gyp (keytar builds from source) must compile against this Node's headers, not the
    # system's (an ~/.npmrc may point nodedir at /usr): otherwise the addon gets Node 20's ABI.
    local platform_pkg
    for platform_pkg in "$NODE22_HEADERS"/node-*; do
      if [ -f "$platform_pkg/include/node/node.h" ]; then
        export npm_config_nodedir="$platform_pkg"
        break
      fi
    done
    return 0
  fi
  return 1
}

node22_ensure() {
  if node22_system_ok; then return 0; fi
  local want have=""
  want=$(node22_pinned)
  [ -x "$NODE22_BIN/node" ] && have=$("$NODE22_BIN/node" --version 2>/dev/null || true)
  if [ "$have" != "v$want" ]; then
    echo "installing Node $want from the npm registry into .cache/node22 (system Node is older than $NODE22_MIN)"
    # Install beside the current one and swap only when the new binary runs: a failed download
    # leaves the previous Node 22 (if any) in place and working.
    local next="$NODE22_DIR.next.$$"
    rm -rf "$next" && mkdir -p "$next"
    cp "$NODE22_ROOT/scripts/node22/package.json" "$NODE22_ROOT/scripts/node22/package-lock.json" "$next/"
    if (cd "$next" && npm ci --no-audit --no-fund --loglevel=error) &&
      [ "$("$next/node_modules/node/bin/node" --version 2>/dev/null)" = "v$want" ]; then
      rm -rf "$NODE22_DIR.old"
      [ -d "$NODE22_DIR" ] && mv "$NODE22_DIR" "$NODE22_DIR.old"
      mv "$next" "$NODE22_DIR"
      rm -rf "$NODE22_DIR.old"
    else
      rm -rf "$next"
      echo "mcp-tray: could not install Node $want from the npm registry" >&2
      if [ -z "$have" ]; then
        echo "mcp-tray: MCP Tray needs Node >= $NODE22_MIN; install it (https://nodejs.org) and try again" >&2
        return 1
      fi
      echo "mcp-tray: keeping the Node 22 already in .cache/node22 ($have)" >&2
    fi
  fi
  node22_use
}

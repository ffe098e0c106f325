#!/bin/sh
# The end-to-end test: installs what is missing (cached outside the repository, see
# e2e-setup.sh), packages the extension, and runs e2e/run.mjs in code-server + headless Chromium.
# Usage: sh scripts/e2e.sh [editor] [debugger]   (default: both)
set -eu
cd "$(dirname "$0")/.."
CACHE=$(sh scripts/e2e-setup.sh | tail -n 1)
[ -d node_modules ] || npm ci --no-audit --no-fund
[ -n "${BYTELENS_E2E_SKIP_PACKAGE:-}" ] && [ -f bytelens.vsix ] || npm run package --silent >/dev/null
node e2e/run.mjs "$CACHE" bytelens.vsix "$@"

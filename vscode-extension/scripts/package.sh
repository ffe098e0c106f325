#!/bin/sh
# Builds vscode-extension/bytelens.vsix from a clean install and reports its size.
set -eu
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm run package
echo "bytelens.vsix: $(wc -c < bytelens.vsix) bytes"

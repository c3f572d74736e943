#!/usr/bin/env bash
# Vendors the explorer page's one library, Cytoscape.js, into web/static/vendor/
# from the npm registry (no CDN: the page must work offline and in CI). The
# output is committed; run this only to change the pinned version.
set -euo pipefail
cd "$(dirname "$0")/.."

version=3.34.4
dest=web/static/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "cytoscape@$version" >/dev/null && tar -xzf "cytoscape-$version.tgz")
mkdir -p "$dest"
cp "$tmp/package/dist/cytoscape.min.js" "$dest/cytoscape.min.js"
cp "$tmp/package/LICENSE" "$dest/cytoscape.LICENSE"
echo "cytoscape $version (MIT) from the npm registry" >"$dest/VERSIONS"
echo "vendored cytoscape $version into $dest"

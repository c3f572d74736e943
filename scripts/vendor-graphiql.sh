#!/usr/bin/env bash
# Vendors GraphiQL and the React it runs on into web/graphiql/ from the npm
# registry, so the GraphQL playground at / works offline (gqlgen's page
# loads them from a CDN by default). The output is committed and embedded in
# the binary; run this only to change the pinned versions, which match the
# ones gqlgen's playground page is written for.
set -euo pipefail
cd "$(dirname "$0")/.."

graphiql=4.1.2
react=18.2.0
dest=web/graphiql
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "graphiql@$graphiql" "react@$react" "react-dom@$react" >/dev/null)
for pkg in "graphiql-$graphiql" "react-$react" "react-dom-$react"; do
  mkdir -p "$tmp/$pkg"
  tar -xzf "$tmp/$pkg.tgz" -C "$tmp/$pkg"
done
mkdir -p "$dest"
cp "$tmp/graphiql-$graphiql/package/graphiql.min.js" "$tmp/graphiql-$graphiql/package/graphiql.min.css" "$dest/"
cp "$tmp/graphiql-$graphiql/package/LICENSE" "$dest/graphiql.LICENSE"
cp "$tmp/react-$react/package/umd/react.production.min.js" "$dest/"
cp "$tmp/react-$react/package/LICENSE" "$dest/react.LICENSE"
cp "$tmp/react-dom-$react/package/umd/react-dom.production.min.js" "$dest/"
cp "$tmp/react-dom-$react/package/LICENSE" "$dest/react-dom.LICENSE"
cat >"$dest/VERSIONS" <<VERSIONS
graphiql $graphiql (MIT), react $react (MIT), react-dom $react (MIT), from the npm registry
(scripts/vendor-graphiql.sh)
VERSIONS
echo "vendored graphiql $graphiql, react and react-dom $react into $dest"

#!/usr/bin/env bash
# GraphQL-over-HTTP conformance: builds geokg, starts it with the seed article
# on a free loopback port and runs the audit suite of npm graphql-http
# (auditServer, pinned in audit/package-lock.json) against /graphql. Prints
# one line per audit and "N passed, N failed"; exits non-zero if any MUST
# audit fails (SHOULD and MAY failures are reported, not fatal). Installs the
# npm packages (npm ci) when missing. The server log lands in test-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
artifacts="$root/test-artifacts"
mkdir -p "$artifacts"
. scripts/lib-server.sh

if ! (cd audit && npm ls --depth=0 graphql-http graphql >/dev/null 2>&1); then
  echo "==> npm ci (audit/)"
  (cd audit && npm ci --no-audit --no-fund --loglevel=error)
fi

tmp=$(mktemp -d)
trap 'geokg_stop; rm -rf "$tmp"' EXIT
geokg_build "$tmp"
# The embedded store (NEO4J_URI empty), so the audit never races the Go
# tests for the shared Neo4j database.
# --rate 0: the audit fires its requests at once; it checks the protocol, not the limits.
NEO4J_URI= geokg_start "$tmp/geokg" "$artifacts/graphql-audit-server.log" --rate 0

echo "==> graphql-http auditServer $GEOKG_URL/graphql"
set +e
node audit/audit.mjs
rc=$?
set -e
if [ "$rc" != 0 ]; then
  echo "graphql-audit: a MUST audit failed (exit $rc); server log: test-artifacts/graphql-audit-server.log" >&2
fi
exit "$rc"

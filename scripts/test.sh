#!/usr/bin/env bash
# The whole test suite, as run by `make test` and .ci/run.
#
# Starts the project's own Neo4j 5.26 test server unless NEO4J_URI is already
# set, checks generated code is fresh, runs go vet and every Go test with the
# Neo4j suites enabled, and stops what it started. Exits non-zero on any
# failure. Test artefacts land in test-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
artifacts="$root/test-artifacts"
mkdir -p "$artifacts"

step() { printf '\n==> %s\n' "$*"; }

step "setup"
scripts/setup.sh

step "generated code is fresh (go generate ./resolvers/...)"
go generate ./resolvers/...
if git rev-parse --git-dir >/dev/null 2>&1; then
  if ! git diff --exit-code --stat -- resolvers schema.graphqls gqlgen.yml; then
    echo "generated GraphQL code is stale: run 'go generate ./resolvers/...' and commit" >&2
    exit 1
  fi
fi

started_neo4j=0
cleanup() {
  if [ "$started_neo4j" = 1 ]; then
    scripts/neo4j-test-server.sh stop || true
  fi
}
trap cleanup EXIT

if [ -z "${NEO4J_URI:-}" ]; then
  step "starting the Neo4j test server"
  export NEO4J_TEST_PORT="${NEO4J_TEST_PORT:-17687}"
  scripts/neo4j-test-server.sh start
  started_neo4j=1
  export NEO4J_URI="bolt://127.0.0.1:${NEO4J_TEST_PORT}"
fi
echo "Neo4j suites run against $NEO4J_URI"

step "go vet ./..."
go vet ./...

step "go test ./... (race detector on)"
set +e
go test -race -count=1 -json ./... >"$artifacts/go-test.jsonl"
go_rc=$?
set -e
set +e
python3 scripts/gotest-summary.py "$artifacts/go-test.jsonl" | tee "$artifacts/go-test-summary.txt"
sum_rc=${PIPESTATUS[0]}
set -e
if [ "$go_rc" != 0 ] || [ "$sum_rc" != 0 ]; then
  echo "go test failed (exit $go_rc)" >&2
  exit 1
fi
read -r go_pass go_fail go_skip < <(tail -n 1 "$artifacts/go-test-summary.txt" | awk '{print $1, $3, $5}')

# The seeds of every fuzz target ran above; here each target also explores
# for a few seconds (FUZZTIME; 10m each by hand before a release).
step "fuzz (${FUZZTIME:-10s} per target)"
for target in loader:FuzzReadArticle loader:FuzzFrontMatter loader:FuzzExtract resolvers:FuzzRequest; do
  pkg=${target%%:*} fn=${target#*:}
  go test "./$pkg" -run '^$' -fuzz "^$fn\$" -fuzztime "${FUZZTIME:-10s}" -parallel 2 2>&1 | tail -n 20
done

# The browser tests use the embedded store so they never race the Go tests
# for the shared Neo4j database; the notebook runs against Neo4j so its
# direct-Cypher cell really executes.
step "browser tests (headless Chromium)"
env -u NEO4J_URI scripts/e2e.sh 2>&1 | tee "$artifacts/e2e.log"
read -r e2e_pass e2e_fail < <(awk '/^(# |ℹ )pass /{p=$NF} /^(# |ℹ )fail /{f=$NF} END{print p+0, f+0}' "$artifacts/e2e.log")

step "GraphQL-over-HTTP audit (graphql-http auditServer)"
scripts/graphql-audit.sh 2>&1 | tee "$artifacts/graphql-audit.log"
read -r audit_pass audit_fail < <(grep -E '^[0-9]+ passed, [0-9]+ failed' "$artifacts/graphql-audit.log" | tail -n 1 | awk '{print $1, $3}')

# Kills and restarts its own Neo4j (port 17850) in the middle of a load.
step "Neo4j down mid-load (resilience)"
scripts/resilience-test.sh 2>&1 | tee "$artifacts/resilience.log"
read -r res_pass res_fail < <(grep -E '^[0-9]+ passed, [0-9]+ failed' "$artifacts/resilience.log" | tail -n 1 | awk '{print $1, $3}')

step "research notebook"
scripts/notebook-test.sh

total_pass=$((go_pass + e2e_pass + ${audit_pass:-0} + ${res_pass:-0} + 1))
echo
echo "go: $go_pass passed, $go_fail failed, $go_skip skipped; browser: $e2e_pass passed, $e2e_fail failed; GraphQL audit: ${audit_pass:-0} passed, ${audit_fail:-0} failed; resilience: ${res_pass:-0} passed, ${res_fail:-0} failed; notebook: 1 passed"
echo "$total_pass passed, 0 failed, $go_skip skipped"

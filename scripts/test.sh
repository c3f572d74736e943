#!/usr/bin/env bash
# The whole test suite, as `make test` runs it after `make setup` (which
# installs everything; nothing here does). Starts the Neo4j test server unless
# NEO4J_URI is set, checks generated code and go vet, then runs every suite
# (test text, Go with -race, fuzzing, browser, GraphQL audit, resilience on
# its own Neo4j at RESILIENCE_PORT (17850), notebook, a short load test, a
# smoke run of bench/api and bench/scale), each ending "N passed, N failed".
# Closes with their sum in that form; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
artifacts="$PWD/test-artifacts"
mkdir -p "$artifacts"
step() { printf '\n==> %s\n' "$*"; }

step "generated code is fresh"
go generate ./resolvers/...
if git rev-parse --git-dir >/dev/null 2>&1 && ! git diff --exit-code --stat -- resolvers schema.graphqls gqlgen.yml; then
  echo "generated GraphQL code is stale: run 'go generate ./resolvers/...' and commit" >&2
  exit 1
fi

started_neo4j=0
trap '[ "$started_neo4j" = 0 ] || scripts/neo4j-test-server.sh stop || true' EXIT
if [ -z "${NEO4J_URI:-}" ]; then
  step "starting the Neo4j test server"
  export NEO4J_TEST_PORT="${NEO4J_TEST_PORT:-17687}"
  scripts/neo4j-test-server.sh start
  started_neo4j=1
  export NEO4J_URI="bolt://127.0.0.1:${NEO4J_TEST_PORT}"
fi
echo "Neo4j suites run against $NEO4J_URI"

step "go vet ./..." && go vet ./...

passed=0 failed=0 results=()
# suite NAME COMMAND...: runs COMMAND (log in test-artifacts/NAME.log), adding
# its last "N passed, N failed" to the totals; failing without one counts 1.
suite() {
  local name=$1 rc=0 p=0 f=0 line
  shift
  step "$name"
  "$@" 2>&1 | tee "$artifacts/$name.log" || rc=$?
  line=$(grep -oE '[0-9]+ passed, [0-9]+ failed' "$artifacts/$name.log" | tail -n 1 || true)
  [ -z "$line" ] || read -r p _ f _ <<<"$line"
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  results+=("$name: $p passed, $f failed")
  passed=$((passed + p)) failed=$((failed + f))
}
# gotest NAME ARGS...: go test -json ARGS, summarised by scripts/gotest-summary.py.
gotest() {
  local out="$artifacts/$1.jsonl" rc=0
  shift
  go test -count=1 -json "$@" >"$out" || rc=$?
  python3 scripts/gotest-summary.py "$out" && return "$rc"
}
# Each fuzz target runs FUZZTIME: a count of executions by default, not a
# duration, because go1.26's fuzz coordinator can fail a target with a bare
# "context deadline exceeded" when a duration expires on a busy machine
# (golang/go#75804, fixed in go1.27). By hand before a release: FUZZTIME=10m.
fuzz() {
  local t p=0 f=0
  for t in loader:FuzzReadArticle loader:FuzzFrontMatter loader:FuzzExtract resolvers:FuzzRequest; do
    go test "./${t%%:*}" -run '^$' -fuzz "^${t#*:}\$" -fuzztime "${FUZZTIME:-50000x}" -parallel 2 2>&1 | tail -n 20 && p=$((p + 1)) || f=$((f + 1))
  done
  echo "$p passed, $f failed"
  [ "$f" = 0 ]
}
# node's spec reporter ends with "ℹ pass N" and "ℹ fail N".
browser() {
  env -u NEO4J_URI scripts/e2e.sh | awk '{print} /^(# |ℹ )pass /{p=$NF} /^(# |ℹ )fail /{f=$NF} END{print p+0 " passed, " f+0 " failed"}'
}

suite test-text python3 scripts/check-test-text.py # tests write their own sentences, never an evaluation article's
suite go gotest go-test -race -skip '^TestResilience$' ./... # TestResilience is its own suite below
suite fuzz fuzz
suite browser browser # the embedded store, so it never races the Go tests for Neo4j
suite graphql-audit scripts/graphql-audit.sh
export GEOKG_RESILIENCE_PORT="${RESILIENCE_PORT:-17850}" # TestResilience skips without it
suite resilience gotest resilience -timeout 30m -run '^TestResilience$' .
suite notebook scripts/notebook-test.sh # against Neo4j, so its direct-Cypher cell runs
suite load scripts/load-smoke.sh # bench/load briefly on both stores: no failed request, p99 within LOAD_MAX_P99
suite bench-smoke scripts/bench-smoke.sh # a short run of bench/api and bench/scale, on Neo4j servers of their own

echo
printf '%s\n' "${results[@]}"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

#!/usr/bin/env bash
# A short run of each benchmark, so they cannot rot unnoticed: bench/api
# (answers of geokg, the @neo4j/graphql peer and the Go-driver floor checked
# equal, then a few autocannon requests each) and bench/scale (two tiny
# corpus sizes, the table and the plot). Each starts its own Neo4j test
# server (ports 17724 and 17728). Ends "N passed, N failed", one test per
# benchmark; logs in test-artifacts/bench-*.log.
set -euo pipefail
cd "$(dirname "$0")/.."
artifacts="$PWD/test-artifacts"
mkdir -p "$artifacts"

passed=0 failed=0
run() {
  local name=$1 rc=0
  shift
  echo "==> $name: $*"
  "$@" >"$artifacts/bench-$name.log" 2>&1 || rc=$?
  tail -n 25 "$artifacts/bench-$name.log"
  if [ "$rc" = 0 ]; then
    echo "ok: $name"
    passed=$((passed + 1))
  else
    echo "FAILED: $name (exit $rc; log test-artifacts/bench-$name.log)"
    failed=$((failed + 1))
  fi
}
BENCH_API_PORT=17724 run api bench/api/run.sh -smoke
BENCH_SCALE_PORT=17728 run scale bench/scale/run.sh -smoke
echo "bench-smoke: $passed passed, $failed failed"
[ "$failed" = 0 ]

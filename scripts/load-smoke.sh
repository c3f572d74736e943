#!/usr/bin/env bash
# A short run of the load scenario (bench/load) against geokg on each store:
# LOAD_CLIENTS clients (10) for LOAD_DURATION (10s) mixing reads with
# ingestArticle and deleteArticle. A store passes with no failed request and
# a p99 of all requests within LOAD_MAX_P99 (5s: generous, since the test
# machine may be busy; the full 50 clients × 60 s run is by hand, see
# bench/load). Neo4j runs against NEO4J_URI and is skipped without it; the
# run deletes every article it wrote. Ends "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
clients=${LOAD_CLIENTS:-10} duration=${LOAD_DURATION:-10s} maxp99=${LOAD_MAX_P99:-5s}
tmp=$(mktemp -d)
server=
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
go build -o "$tmp/geokg" . && go build -o "$tmp/load" ./bench/load || { echo "0 passed, 1 failed"; exit 1; }

# run STORE [NEO4J_URI]: starts geokg on a free port, runs the load, stops it.
run() {
  local store=$1 uri=${2:-} log="$tmp/$1.log" addr= rc=0
  echo "== $store: $clients clients × $duration"
  NEO4J_URI=$uri GEOKG_API_TOKEN=smoke "$tmp/geokg" serve --addr 127.0.0.1:0 --rate 0 --no-seed >"$log" 2>&1 &
  server=$!
  for _ in $(seq 300); do
    addr=$(grep -oE 'msg=listening addr=[0-9.:]+' "$log" | cut -d= -f3)
    [ -n "$addr" ] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$addr" ]; then
    echo "geokg did not start on $store:"
    tail -n 20 "$log"
    rc=1
  else
    GEOKG_API_TOKEN=smoke "$tmp/load" -url "http://$addr/graphql" -clients "$clients" -duration "$duration" \
      -pid "$server" -max-p99 "$maxp99" -cleanup || rc=$?
  fi
  kill "$server" 2>/dev/null
  wait "$server" 2>/dev/null
  server=
  return "$rc"
}

passed=0 failed=0
if run memory; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
if [ -n "${NEO4J_URI:-}" ]; then
  if run neo4j "$NEO4J_URI"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
else
  echo "== neo4j: skipped (NEO4J_URI is not set)"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

#!/usr/bin/env bash
# geokg against the @neo4j/graphql peer on one Neo4j 5.26 (issue 10): loads
# N synthetic articles (bench/synth.py) and the team-written ones into a
# private Neo4j test server, serves the graph with geokg (on Neo4j and on
# its memory store) and with the peer (peer/, typeDefs over geokg's own
# labels and types), checks that all of them and the Go-driver floor
# (floor/) give equal answers to Q1–Q4, then drives each with autocannon in
# interleaved rounds and prints a table of req/s, p50, p99 and CPU ms per
# request of each server and of Neo4j, with the ratios.
#
#   bench/api/run.sh [-articles 2000] [-rounds 3] [-duration 5] [-connections 8,32]
#   bench/api/run.sh -smoke      # 16 articles, 20 requests per run, for scripts/bench-smoke.sh
#
# Ports: BENCH_API_PORT (17720) for Neo4j, the next three for geokg, the
# peer and geokg's memory store. Needs `make setup` (bench/api/node_modules).
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/api/lib.sh

articles=2000 rounds=3 duration=5 amount=0 connections=8,32 team=all
while [ $# -gt 0 ]; do
  case "$1" in
    -articles) articles=$2; shift 2 ;;
    -rounds) rounds=$2; shift 2 ;;
    -duration) duration=$2; shift 2 ;;
    -connections) connections=$2; shift 2 ;;
    -smoke) articles=10 rounds=1 amount=20 connections=8 team=small; shift ;;
    *) echo "usage: $0 [-articles N] [-rounds N] [-duration SECONDS] [-connections 8,32] [-smoke]" >&2; exit 2 ;;
  esac
done
if [ ! -d bench/api/node_modules/@neo4j/graphql ] || [ ! -d bench/api/node_modules/autocannon ]; then
  echo "bench/api: its npm packages are missing; run 'make setup' (npm ci in bench/api)" >&2
  exit 1
fi

port=${BENCH_API_PORT:-17720}
tmp=$(mktemp -d)
export NEO4J_TEST_PORT=$port NEO4J_TEST_STATE="$tmp/neo4j"
geokg_pid="" peer_pid="" memory_pid=""
cleanup() {
  stop_pids "$geokg_pid" "$peer_pid" "$memory_pid"
  scripts/neo4j-test-server.sh stop >/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

echo "==> building geokg and the floor"
go build -o "$tmp/geokg" .
go build -o "$tmp/floor" ./bench/api/floor
corpus "$tmp/corpus" "$articles" "$team"

scripts/neo4j-test-server.sh start
export NEO4J_URI="bolt://127.0.0.1:$port"
echo "==> geokg load into Neo4j"
start=$(date +%s%N)
"$tmp/geokg" load "$tmp/corpus" 2>"$tmp/load.log" || { tail -n 20 "$tmp/load.log" >&2; exit 1; }
grep '^loaded ' "$tmp/load.log"
echo "load: $((($(date +%s%N) - start) / 1000000)) ms"

# The rate limit is off (autocannon is one client) and expensive operations
# may all run at once, so neither server answers 429 under 32 connections.
serve=(serve --no-seed --rate 0 --max-expensive 64)
"$tmp/geokg" "${serve[@]}" --addr "127.0.0.1:$((port + 1))" >"$tmp/geokg.log" 2>&1 &
geokg_pid=$!
PORT=$((port + 2)) node bench/api/peer/server.mjs >"$tmp/peer.log" 2>&1 &
peer_pid=$!
env -u NEO4J_URI "$tmp/geokg" "${serve[@]}" --articles "$tmp/corpus" --addr "127.0.0.1:$((port + 3))" >"$tmp/memory.log" 2>&1 &
memory_pid=$!
wait_ready "http://127.0.0.1:$((port + 1))/readyz" "$geokg_pid" "$tmp/geokg.log"
wait_line "^peer ready" "$peer_pid" "$tmp/peer.log"
wait_ready "http://127.0.0.1:$((port + 3))/readyz" "$memory_pid" "$tmp/memory.log"
echo "==> servers ready: geokg $((port + 1)), peer $((port + 2)), geokg memory $((port + 3)); Neo4j $port"

NEO4J_PID=$(cat "$NEO4J_TEST_STATE/$port/server.pid") \
  GEOKG_URL="http://127.0.0.1:$((port + 1))" GEOKG_PID=$geokg_pid \
  PEER_URL="http://127.0.0.1:$((port + 2))" PEER_PID=$peer_pid \
  MEMORY_URL="http://127.0.0.1:$((port + 3))" MEMORY_PID=$memory_pid \
  FLOOR="$tmp/floor" CLK_TCK="$(getconf CLK_TCK)" \
  ROUNDS=$rounds DURATION=$duration AMOUNT=$amount CONNECTIONS=$connections \
  node bench/api/run.mjs

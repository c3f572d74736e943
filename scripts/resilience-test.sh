#!/usr/bin/env bash
# Neo4j dies mid-load: geokg must say what is wrong, never crash, and never
# leave half an article in the graph; `serve` must answer 503 on /readyz and
# a clear GraphQL error while Neo4j is down, and recover without a restart.
#
# Starts its own Neo4j test server (RESILIENCE_PORT, default 17850) and
# stops it on exit. Two rounds: a crash (kill -9) and a clean stop, each
# after RESILIENCE_KILL_AFTER articles of RESILIENCE_ARTICLES (100 of 600).
# Prints "N passed, N failed" and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

port=${RESILIENCE_PORT:-17850}
articles=${RESILIENCE_ARTICLES:-600}
kill_after=${RESILIENCE_KILL_AFTER:-100}
tmp=$(mktemp -d /tmp/geokg-resilience.XXXXXX)
export NEO4J_TEST_PORT=$port NEO4J_TEST_STATE=$tmp/state
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  export NEO4J_TEST_DATA=/dev/shm/geokg-resilience-$port
else
  export NEO4J_TEST_DATA=$tmp/data
fi
uri="bolt://127.0.0.1:$port"
export NEO4J_URI=$uri
server() { scripts/neo4j-test-server.sh "$@"; }

. scripts/lib-server.sh
load_pid=""
cleanup() {
  if [ -n "$load_pid" ]; then kill "$load_pid" 2>/dev/null || true; fi
  geokg_stop
  server stop >/dev/null 2>&1 || true
  rm -rf "$tmp" "$NEO4J_TEST_DATA"
}
trap cleanup EXIT

pass=0
fail=0
check() { # check NAME COMMAND...
  local name=$1
  shift
  if "$@"; then
    pass=$((pass + 1))
    echo "ok   $name"
  else
    fail=$((fail + 1))
    echo "FAIL $name"
  fi
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }
secs() { printf '%d.%03d s' $(($1 / 1000)) $(($1 % 1000)); }

# http METHOD URL [BODY] -> prints "STATUS BODY"
http() {
  python3 - "$@" <<'EOF'
import sys, urllib.request, urllib.error
method, url = sys.argv[1], sys.argv[2]
data = sys.argv[3].encode() if len(sys.argv) > 3 else None
req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
try:
    with urllib.request.urlopen(req, timeout=30) as r:
        print(r.status, r.read().decode())
except urllib.error.HTTPError as e:
    print(e.code, e.read().decode())
except Exception as e:
    print(0, repr(e))
EOF
}
query='{"query":"{ entity(name: \"Russia\") { name } }"}'
# What must never reach a client: driver internals and crash output.
leak='ConnectivityError|dial tcp|pool|bolt3|bolt4|bolt5|goroutine|panic|Neo\.|TransactionExecutionLimit'

echo "==> Neo4j test server on port $port"
server start
echo "==> $articles synthetic articles, geokg binary"
python3 bench/synth.py "$articles" "$tmp/articles" >/dev/null
geokg_build "$tmp"
bin=$tmp/geokg

# check_db LABEL: every article in the database is whole; prints totals.
check_db() {
  local out=$tmp/check-$1.log
  if GEOKG_RESILIENCE_URI=$uri GEOKG_RESILIENCE_DIR=$tmp/articles go test -tags resilience -count=1 -run '^TestResilienceNoHalfArticles$' -v . >"$out" 2>&1; then
    grep -o 'RESILIENCE.*' "$out"
    return 0
  fi
  grep -E 'RESILIENCE|half-written|FAIL|Error' "$out" | head -n 20
  return 1
}
totals() { grep -o 'RESILIENCE totals: .*' "$tmp/check-$1.log" 2>/dev/null; }

# round NAME HOW: load in the background, stop Neo4j with HOW (kill or halt)
# after kill_after articles, check load and serve, bring Neo4j back.
round() {
  local name=$1 how=$2 log=$tmp/load-$1.log
  echo
  echo "==> round $name: load, then '$how' Neo4j after $kill_after articles"
  NEO4J_URI=$uri geokg_start "$bin" "$tmp/serve-$name.log" --no-seed
  NEO4J_URI=$uri "$bin" load "$tmp/articles" >"$log" 2>&1 &
  load_pid=$!
  local i
  for i in $(seq 1 600); do
    [ "$(grep -c '^\[' "$log" || true)" -ge "$kill_after" ] && break
    kill -0 "$load_pid" 2>/dev/null || break
    sleep 0.1
  done
  local before t0
  before=$(grep -c ': [0-9]* entities' "$log" || true)
  t0=$(now_ms)
  server "$how"
  echo "articles loaded before '$how': $before"

  # serve while Neo4j is down
  local r
  r=$(http GET "$GEOKG_URL/readyz")
  echo "readyz while down: $r"
  check "$name: /readyz answers 503 while Neo4j is down" test "${r%% *}" = 503
  r=$(http POST "$GEOKG_URL/graphql" "$query")
  echo "GraphQL while down: $r"
  check "$name: GraphQL answers SERVICE_UNAVAILABLE while Neo4j is down" grep -q '"code":"SERVICE_UNAVAILABLE"' <<<"$r"
  check "$name: the GraphQL error leaks no driver text" bash -c '! grep -Eq "$1" <<<"$2"' _ "$leak" "$r"
  check "$name: geokg serve is still running" kill -0 "$GEOKG_PID"

  # load gives up, saying why
  local rc=0 waited=0
  while kill -0 "$load_pid" 2>/dev/null && [ "$waited" -lt 1200 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$load_pid" 2>/dev/null; then
    echo "load still running 120 s after '$how'; killing it"
    kill "$load_pid"
  fi
  wait "$load_pid" || rc=$?
  load_pid=""
  local detect=$(($(now_ms) - t0))
  echo "load exited $rc, $(secs "$detect") after '$how'; its last lines:"
  tail -n 6 "$log" | cut -c1-300
  check "$name: load exited non-zero" test "$rc" -ne 0
  check "$name: load exited by itself within 120 s" test "$waited" -lt 1200
  check "$name: no panic or goroutine dump" bash -c '! grep -Eq "^panic|^goroutine |fatal error" "$1"' _ "$log"
  check "$name: per-article errors say the store cannot be reached" grep -q "FAILED: store: neo4j: apply article .*: cannot reach $uri" "$log"
  check "$name: errors carry no driver dump" bash -c '! grep -o "FAILED: .*" "$1" | grep -Eq "$2"' _ "$log" "$leak"
  check "$name: summary says load stopped on an unreachable store" grep -q "load stopped: the store was unreachable for 3 articles in a row" "$log"
  echo "errors: $(grep -c FAILED "$log" || true) FAILED lines; $(grep -oE '[0-9]+ not tried' "$log" | tail -n 1)"

  # Neo4j back on the same data; serve recovers without a restart
  t0=$(now_ms)
  server resume
  local ok=1
  for i in $(seq 1 300); do
    r=$(http GET "$GEOKG_URL/readyz")
    [ "${r%% *}" = 200 ] && { ok=0; break; }
    sleep 0.2
  done
  echo "serve ready again $(secs $(($(now_ms) - t0))) after '$how' ended (server restart included)"
  check "$name: /readyz answers 200 again without restarting geokg" test "$ok" = 0
  r=$(http POST "$GEOKG_URL/graphql" "$query")
  check "$name: GraphQL answers data again" grep -q '"data":{"entity":' <<<"$r"
  geokg_stop

  check "$name: every article in the database is whole after '$how'" check_db "$name-after"

  echo "==> round $name: load again"
  rc=0
  NEO4J_URI=$uri "$bin" load "$tmp/articles" >"$log.again" 2>&1 || rc=$?
  tail -n 1 "$log.again"
  check "$name: reload exits 0" test "$rc" = 0
  check "$name: reload loads every article" grep -q "^loaded $articles articles .*; 0 failed;" "$log.again"
  check "$name: every article is whole after the reload" check_db "$name-reloaded"
}

round crash kill
# Round two starts from an empty database again.
server stop >/dev/null
server start >/dev/null
round stop halt

echo
echo "==> clean load into a fresh database"
server stop >/dev/null
server start >/dev/null
rc=0
NEO4J_URI=$uri "$bin" load "$tmp/articles" >"$tmp/load-clean.log" 2>&1 || rc=$?
tail -n 1 "$tmp/load-clean.log"
check "clean load exits 0" test "$rc" = 0
check "clean load: every article is whole" check_db clean
for r in crash stop; do
  echo "totals after $r and reload: $(totals "$r-reloaded")"
  check "$r: totals after the reload equal the clean load's" test "$(totals "$r-reloaded")" = "$(totals clean)"
done
echo "totals of the clean load:       $(totals clean)"

echo
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]

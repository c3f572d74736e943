#!/usr/bin/env bash
# How geokg grows with the corpus (issue 10): loads 1k, 5k, 10k and 20k
# synthetic articles (bench/synth.py) plus the team-written ones into the
# memory store and into a private Neo4j test server, and prints load time,
# peak RSS and Q1/Q2 p50 at each size (bench/scale/scale.py); writes the
# plot to test-artifacts/bench-scale.png.
#
#   bench/scale/run.sh [-sizes 1000,5000,10000,20000] [-requests 30]
#   bench/scale/run.sh -smoke    # 10 and 20 articles, 3 requests: seconds, for scripts/bench-smoke.sh
#
# Ports: BENCH_SCALE_PORT (17728) for Neo4j, the next for geokg. Needs
# `make setup` (matplotlib in .cache/notebook-venv).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
. bench/api/lib.sh

sizes=1000,5000,10000,20000 requests=30 team=all extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    -sizes) sizes=$2; shift 2 ;;
    -requests) requests=$2; shift 2 ;;
    # The smoke corpus has only testdata/fusion beside the synthetic
    # articles, so Q1 asks for an entity those have.
    -smoke) sizes=10,20 requests=3 team=small extra=(--q1 Russia --hub country:RU); shift ;;
    *) echo "usage: $0 [-sizes N,N,...] [-requests N] [-smoke]" >&2; exit 2 ;;
  esac
done
python=$root/.cache/notebook-venv/bin/python
if ! "$python" -c 'import matplotlib' 2>/dev/null; then
  echo "bench/scale: matplotlib is missing from .cache/notebook-venv; run 'make setup'" >&2
  exit 1
fi

port=${BENCH_SCALE_PORT:-17728}
tmp=$(mktemp -d)
export NEO4J_TEST_PORT=$port NEO4J_TEST_STATE="$tmp/neo4j"
trap 'scripts/neo4j-test-server.sh stop >/dev/null || true; rm -rf "$tmp"' EXIT

echo "==> building geokg"
go build -o "$tmp/geokg" .
largest=${sizes##*,}
python3 bench/synth.py "$largest" "$tmp/synthetic"
corpus "$tmp/team" 0 "$team" >/dev/null
echo "corpus: up to $largest synthetic articles and $(ls "$tmp/team" | wc -l) team-written ones"
scripts/neo4j-test-server.sh start
export NEO4J_URI="bolt://127.0.0.1:$port"
mkdir -p "$root/test-artifacts" "$tmp/work"
"$python" bench/scale/scale.py "$tmp/geokg" "$tmp/synthetic" "$tmp/team" "$tmp/work" \
  --sizes "$sizes" --requests "$requests" --port $((port + 1)) \
  --neo4j-pid "$(cat "$NEO4J_TEST_STATE/$port/server.pid")" \
  --plot "$root/test-artifacts/bench-scale.png" "${extra[@]}"

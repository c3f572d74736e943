#!/usr/bin/env bash
# Loads a folder of N synthetic articles (default 10,000) with `geokg load`
# and reports throughput and peak memory, to show that loading streams file
# by file instead of holding the corpus. Uses the in-process store unless
# NEO4J_URI is set (then it measures loading into Neo4j).
#
#   bench/load10k.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/geokg" .
python3 bench/synth.py "$n" "$tmp/articles"
bytes=$(du -sb "$tmp/articles" | cut -f1)
echo "corpus: $n articles, $bytes bytes"

/usr/bin/time -v "$tmp/geokg" load "$tmp/articles" >"$tmp/out" 2>"$tmp/err" || true
tail -n 1 "$tmp/err" >/dev/null
grep -E '^loaded ' "$tmp/err" || { tail -n 20 "$tmp/err"; exit 1; }
secs=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$tmp/err")
rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$tmp/err")
echo "wall: $secs, peak RSS: $((rss / 1024)) MiB"

# Sourced by bench/api/run.sh and bench/scale/run.sh: starting and stopping
# the processes a benchmark runs, by pid. Not executable on its own.

# wait_ready URL PID LOG [SECONDS]: waits until URL answers 200, failing
# with LOG's tail when PID exits first or time runs out (default 600 s: a
# memory store loading a corpus answers only when it is loaded).
wait_ready() {
  local url=$1 pid=$2 log=$3 deadline=$((SECONDS + ${4:-600}))
  until python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$url" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "bench: pid $pid exited before $url was ready; its log:" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "bench: $url not ready in time; log $log:" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    sleep 0.2
  done
}

# wait_line PATTERN PID LOG: waits until LOG has a line matching PATTERN.
wait_line() {
  local pattern=$1 pid=$2 log=$3 deadline=$((SECONDS + 120))
  until grep -q "$pattern" "$log" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      echo "bench: pid $pid did not print '$pattern'; its log:" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    sleep 0.2
  done
}

# stop_pids PID...: stops each process (TERM, then KILL after 10 s).
stop_pids() {
  local pid i
  for pid in "$@"; do
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || continue
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}

# corpus DIR N [small]: N synthetic articles (bench/synth.py) and the
# team-written ones (testdata/fusion and loader/testdata; only the six short
# testdata/fusion reports when small, for smoke runs) in DIR. Run from the
# repository root.
corpus() {
  local team=(testdata/fusion/*.txt loader/testdata/*.txt)
  [ "${3:-}" != small ] || team=(testdata/fusion/*.txt)
  python3 bench/synth.py "$2" "$1"
  cp "${team[@]}" "$1"/
  echo "corpus: $2 synthetic and ${#team[@]} team-written articles"
}

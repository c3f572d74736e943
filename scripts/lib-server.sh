# Sourced by scripts that test against a real geokg server (e2e.sh,
# notebook-test.sh): build the binary, start it on a free loopback port,
# wait until it is ready, stop it. Not executable on its own.
#
#   . scripts/lib-server.sh
#   geokg_build "$tmp"                 # -> $tmp/geokg
#   geokg_start "$tmp/geokg" LOGFILE   # sets GEOKG_URL and GEOKG_PID
#   ...
#   geokg_stop                         # safe to call twice, or before start

GEOKG_PID=""
GEOKG_URL=""

geokg_build() {
  echo "==> go build -o $1/geokg ."
  go build -o "$1/geokg" .
}

geokg_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# geokg_start BINARY LOGFILE [serve flags...]
geokg_start() {
  local bin=$1 log=$2
  shift 2
  local port
  port=$(geokg_free_port)
  GEOKG_URL="http://127.0.0.1:$port"
  echo "==> starting geokg on $GEOKG_URL (log: $log)"
  "$bin" serve --addr "127.0.0.1:$port" "$@" >"$log" 2>&1 &
  GEOKG_PID=$!
  local i
  for i in $(seq 1 300); do
    if ! kill -0 "$GEOKG_PID" 2>/dev/null; then
      echo "geokg exited before it was ready; its log:" >&2
      tail -n 40 "$log" >&2
      GEOKG_PID=""
      return 1
    fi
    if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$GEOKG_URL/readyz" 2>/dev/null; then
      echo "geokg is ready"
      export GEOKG_URL
      return 0
    fi
    sleep 0.2
  done
  echo "geokg was not ready after 60 s; its log:" >&2
  tail -n 40 "$log" >&2
  geokg_stop
  return 1
}

geokg_stop() {
  if [ -n "$GEOKG_PID" ]; then
    kill "$GEOKG_PID" 2>/dev/null || true
    wait "$GEOKG_PID" 2>/dev/null || true
    GEOKG_PID=""
  fi
}

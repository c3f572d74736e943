#!/usr/bin/env bash
# Runs the project's own Neo4j 5.26 Community test server (testserver/neo4j:
# Neo4j embedded, Bolt on 127.0.0.1, auth off) without Docker.
#
#   scripts/neo4j-test-server.sh build    build it if the sources changed (scripts/setup.sh does)
#   scripts/neo4j-test-server.sh start    build if needed, start, wait for ready
#   scripts/neo4j-test-server.sh stop     stop it and remove its data
#   scripts/neo4j-test-server.sh status   say whether it runs
#   scripts/neo4j-test-server.sh kill     kill -9 it (a crash), keeping its data
#   scripts/neo4j-test-server.sh halt     stop it cleanly, keeping its data
#   scripts/neo4j-test-server.sh resume   start it again on the data it kept
#
# Environment: NEO4J_TEST_PORT (default 7687), NEO4J_TEST_TIMEOUT (seconds to
# wait for ready, default 180), NEO4J_TEST_STATE (pid file and log, default
# .cache/neo4j-test), NEO4J_TEST_DATA (the database files; default a
# directory in /dev/shm when there is one, since tmpfs makes each commit's
# fsync free: about 60 ms per transaction on this machine's disk).
# Needs java 17+ and mvn (scripts/setup.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

port=${NEO4J_TEST_PORT:-7687}
timeout=${NEO4J_TEST_TIMEOUT:-180}
src="$root/testserver/neo4j"
jar="$src/target/neo4j-test-server-1.jar"
deps="$src/target/dependency"
built="$src/target/.built" # written after a whole build succeeded
# Class data sharing: the first run that stops cleanly records the classes it
# loaded, and later starts map them instead of parsing ~200 jars again (about
# a third faster). A stale archive is ignored by the JVM; a rebuild drops it.
cds="$src/target/neo4j.jsa"
state="${NEO4J_TEST_STATE:-$root/.cache/neo4j-test}/$port"
pidfile="$state/server.pid"
log="$state/server.log"
if [ -n "${NEO4J_TEST_DATA:-}" ]; then
  home=$NEO4J_TEST_DATA
elif [ -d /dev/shm ] && [ -w /dev/shm ]; then
  home="/dev/shm/geokg-neo4j-test-$port"
else
  home="$state/home"
fi
uri="bolt://127.0.0.1:$port"

die() { echo "neo4j-test-server: $*" >&2; exit 1; }

case "$port" in
  '' | *[!0-9]*) die "NEO4J_TEST_PORT must be a port number, got '$port'" ;;
esac

running_pid() {
  [ -f "$pidfile" ] || return 1
  local pid
  pid=$(cat "$pidfile")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

# The build is skipped when a complete build is newer than the sources.
build() {
  if [ -f "$built" ] && [ -f "$jar" ] && [ -d "$deps" ] &&
    [ -z "$(find "$src/pom.xml" "$src/src" -newer "$built" -type f 2>/dev/null)" ]; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found (run scripts/setup.sh)"
  echo "building testserver/neo4j (Maven)..."
  local t0=$SECONDS
  rm -rf "$deps" "$built" "$cds"
  (cd "$src" && mvn -q -B -Dstyle.color=never package dependency:copy-dependencies) || die "Maven build failed"
  touch "$built"
  echo "built in $((SECONDS - t0)) s"
}

start() {
  local keep=${1:-} pid
  if pid=$(running_pid); then
    echo "already running (pid $pid): $uri"
    return 0
  fi
  command -v java >/dev/null || die "java not found (run scripts/setup.sh)"
  port_busy && die "port $port is already in use; set NEO4J_TEST_PORT to a free port"
  build

  [ -n "$keep" ] || rm -rf "$home"
  mkdir -p "$state"
  : >"$log"
  local t0 share
  if [ -f "$cds" ]; then
    share="-XX:SharedArchiveFile=$cds"
  else
    share="-XX:ArchiveClassesAtExit=$cds"
  fi
  t0=$(date +%s%N)
  nohup java -Xms256m -Xmx1g -XX:+ExitOnOutOfMemoryError "$share" -Xlog:cds=off \
    --add-opens java.base/java.nio=ALL-UNNAMED \
    --add-opens java.base/java.io=ALL-UNNAMED \
    --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens java.base/java.lang=ALL-UNNAMED \
    -Dio.netty.tryReflectionSetAccessible=true \
    -cp "$jar:$deps/*" geokg.testserver.Main "$home" "$port" \
    >"$log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$pidfile"

  local deadline=$((SECONDS + timeout))
  while :; do
    if grep -q '^NEO4J READY' "$log"; then
      local ms=$((($(date +%s%N) - t0) / 1000000))
      echo "Neo4j test server ready in $((ms / 1000)).$(printf '%03d' $((ms % 1000))) s (pid $pid): $uri"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pidfile"
      echo "neo4j-test-server: the server exited before it was ready; last lines of $log:" >&2
      tail -n 40 "$log" >&2
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      kill "$pid" 2>/dev/null || true
      rm -f "$pidfile"
      echo "neo4j-test-server: not ready after $timeout s; last lines of $log:" >&2
      tail -n 40 "$log" >&2
      exit 1
    fi
    sleep 0.2
  done
}

stop() {
  local keep=${1:-} pid
  if pid=$(running_pid); then
    kill -TERM "$pid"
    local i
    for i in $(seq 1 300); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "neo4j-test-server: pid $pid did not stop in 60 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "stopped (pid $pid)"
  else
    echo "not running"
  fi
  rm -f "$pidfile"
  [ -n "$keep" ] || rm -rf "$home"
}

# crash kills the server without letting it shut down; its data stays.
crash() {
  local pid
  if pid=$(running_pid); then
    kill -KILL "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    echo "killed (pid $pid)"
  else
    echo "not running"
  fi
  rm -f "$pidfile"
}

status() {
  local pid
  if pid=$(running_pid); then
    if port_busy; then
      echo "running (pid $pid): $uri"
    else
      echo "starting (pid $pid), $uri not listening yet"
    fi
  else
    echo "not running"
    return 3
  fi
}

case "${1:-}" in
  build) build ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill) crash ;;
  halt) stop keep ;;
  resume) start keep ;;
  *) echo "usage: $0 build|start|stop|status|kill|halt|resume" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Installs everything geokg's tests need, once, before any test runs
# (`make setup`; `make test` calls it first): Go modules, Java and Maven for
# the Neo4j test server (built here too), Chromium and the npm packages for
# the browser tests, the GraphQL audit and bench/api (the @neo4j/graphql
# peer, autocannon), and the notebook's Python venv (bench/scale plots with it).
# Idempotent: quick when everything is already there. apt-get needs root;
# without it, setup says what is missing and fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

need() { command -v "$1" >/dev/null 2>&1; }
apt_updated=0
apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing $*; install them (as root: apt-get install $*)" >&2
    exit 1
  fi
  if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
  echo "setup: apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

need go || { echo "setup: Go 1.26+ is required (https://go.dev/dl)" >&2; exit 1; }
need java || apt_install openjdk-17-jre-headless
need mvn || apt_install maven
need python3 || apt_install python3
python3 -c 'import ensurepip' 2>/dev/null || apt_install python3-venv
need node || apt_install nodejs npm
[ -x /usr/bin/chromium ] || apt_install chromium

go mod download
for dir in e2e audit bench/api; do
  (cd "$dir" && { npm ls --depth=0 >/dev/null 2>&1 || npm ci --no-audit --no-fund --loglevel=error; })
done

# The venv scripts/notebook-test.sh uses, stamped with the requirements it holds.
venv="$root/.cache/notebook-venv" reqs="$root/notebooks/requirements.txt"
want=$(sha256sum "$reqs" | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.requirements.sha256" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing notebooks/requirements.txt into .cache/notebook-venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$reqs"
  echo "$want" >"$venv/.requirements.sha256"
fi

scripts/neo4j-test-server.sh build
echo "setup: go $(go env GOVERSION), $(java -version 2>&1 | head -1), node $(node --version), $(/usr/bin/chromium --version 2>/dev/null | head -1)"

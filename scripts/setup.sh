#!/usr/bin/env bash
# Installs what a fresh machine lacks for geokg's tests. Idempotent: quick
# when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }
apt_updated=0
apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing $*; install them (as root: apt-get install $*)" >&2
    return 1
  fi
  if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

need go || { echo "setup: Go 1.26+ is required (https://go.dev/dl)" >&2; exit 1; }
need java || apt_install openjdk-17-jre-headless
need mvn || apt_install maven
need python3 || apt_install python3

go mod download
echo "setup: go $(go env GOVERSION), $(java -version 2>&1 | head -1), $(mvn -v 2>/dev/null | head -1)"

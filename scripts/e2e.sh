#!/usr/bin/env bash
# End-to-end browser tests of the explorer page (/explore): builds geokg,
# starts it with the seed article and testdata/fusion on a free loopback
# port, and drives Debian's headless Chromium through playwright-core (e2e/). Installs
# Chromium (apt, as root) and the npm packages (npm ci) when missing; never
# downloads a browser build of its own. Exits non-zero on any failure.
# Screenshots land in test-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
artifacts="$root/test-artifacts"
mkdir -p "$artifacts"
. scripts/lib-server.sh

chromium_bin=/usr/bin/chromium
if [ ! -x "$chromium_bin" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "e2e: $chromium_bin is missing; install it as root: apt-get install chromium" >&2
    exit 1
  fi
  echo "==> apt-get install chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
echo "==> $("$chromium_bin" --version 2>/dev/null | head -1)"

if ! (cd e2e && npm ls --depth=0 playwright-core >/dev/null 2>&1); then
  echo "==> npm ci (e2e/)"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

tmp=$(mktemp -d)
trap 'geokg_stop; rm -rf "$tmp"' EXIT
geokg_build "$tmp"
# The fusion fixture gives the explorer facts several articles report.
geokg_start "$tmp/geokg" "$artifacts/e2e-server.log" --articles testdata/fusion

echo "==> node --test e2e/tests/"
set +e
GEOKG_ARTIFACTS="$artifacts" CHROMIUM="$chromium_bin" \
  node --test --test-concurrency=1 --test-reporter=spec e2e/tests/
rc=$?
set -e
if [ "$rc" != 0 ]; then
  echo "e2e: browser tests failed (exit $rc); server log: test-artifacts/e2e-server.log" >&2
fi
exit "$rc"

#!/usr/bin/env bash
# Executes notebooks/geokg-research.ipynb end to end against a real geokg
# server (built here, seed article and testdata/fusion loaded, free loopback port) and fails if
# any cell fails; the notebook's own assertions check the facts. Python
# packages live in a venv under .cache/notebook-venv, created and filled
# from notebooks/requirements.txt when missing or changed. The executed
# notebook and its plots land in test-artifacts/.
#
# The geokg server and the notebook's Neo4j cell both follow NEO4J_URI:
# unset, geokg uses its in-process store and the cell says it is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
artifacts="$root/test-artifacts"
mkdir -p "$artifacts"
. scripts/lib-server.sh

venv="$root/.cache/notebook-venv"
reqs="$root/notebooks/requirements.txt"
stamp="$venv/.requirements.sha256"
want=$(sha256sum "$reqs" | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "==> installing notebooks/requirements.txt into .cache/notebook-venv"
  if ! python3 -m venv "$venv" 2>/dev/null; then
    # Debian's python3 keeps venv (ensurepip) in a separate package.
    if [ "$(id -u)" != 0 ]; then
      echo "notebook-test: python3 -m venv failed; install python3-venv (as root: apt-get install python3-venv)" >&2
      exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$venv"
  fi
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$reqs"
  echo "$want" >"$stamp"
fi

tmp=$(mktemp -d)
trap 'geokg_stop; rm -rf "$tmp"' EXIT
geokg_build "$tmp"
# testdata/fusion gives the fusion section facts several articles report.
geokg_start "$tmp/geokg" "$artifacts/notebook-server.log" --articles testdata/fusion

echo "==> executing notebooks/geokg-research.ipynb"
set +e
GEOKG_ARTIFACTS="$artifacts" MPLBACKEND=Agg "$venv/bin/jupyter" nbconvert --to notebook --execute \
  --ExecutePreprocessor.timeout=300 --ExecutePreprocessor.kernel_name=python3 \
  --output-dir "$artifacts" --output geokg-research.executed.ipynb \
  notebooks/geokg-research.ipynb
rc=$?
set -e
if [ "$rc" != 0 ]; then
  echo "notebook: FAILED (a cell raised; see the traceback above and test-artifacts/notebook-server.log)" >&2
  echo "notebook: 0 passed, 1 failed"
  exit "$rc"
fi
echo "notebook: every cell ran; executed copy in test-artifacts/geokg-research.executed.ipynb"
echo "notebook: 1 passed, 0 failed"

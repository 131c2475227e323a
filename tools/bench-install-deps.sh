#!/usr/bin/env bash
# Installs what the benchmarks need on Debian 12 (run as root): the build dependencies
# (tools/install-deps.sh), Google Benchmark, and valgrind for the load-independent figures.
# The peers' runtimes are not installed here: bench/compare.py skips a missing one and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
packages=(libbenchmark-dev valgrind)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

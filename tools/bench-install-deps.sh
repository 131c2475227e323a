#!/usr/bin/env bash
# Installs what the benchmarks need on Debian 12 (run as root): the build dependencies
# (tools/install-deps.sh), Google Benchmark, and valgrind for the load-independent figures.
# The peers' runtimes are not installed here: bench/compare.py skips a missing one and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh libbenchmark-dev valgrind

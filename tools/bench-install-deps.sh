#!/usr/bin/env bash
# Installs what the benchmarks need on Debian 12 (run as root): the build dependencies
# (tools/install-deps.sh), Google Benchmark, valgrind for the load-independent figures, GNU time
# for bench/compile_time.sh (CPU seconds and peak memory of each compile), and the headers of the
# reference translation units bench/compile_time.sh compares swfpp's against: nlohmann/json,
# {fmt} (used header-only) and Boost (Beast + Asio). The library itself never needs the last three.
# The peers' runtimes are not installed here: bench/compare.py skips a missing one and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh libbenchmark-dev valgrind time nlohmann-json3-dev libfmt-dev libboost-dev

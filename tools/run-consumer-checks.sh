#!/usr/bin/env bash
# Consumer checks: builds tests/consumers/main.cpp (one signed RequestCancelWorkflowExecution
# over libcurl + OpenSSL) every way a user can take swfpp, and runs it against
# tests/consumers/loopback_swf.py on 127.0.0.1; a check passes only if the call succeeds.
#   install                      meson setup --prefix=<tmp>/prefix + meson install (once, reused)
#   cmake-package-header-only    find_package(swfpp CONFIG) -> swfpp::openssl + swfpp::curl
#   cmake-package-compiled       find_package(swfpp CONFIG) -> + swfpp::compiled (libswfpp.a)
#   pkg-config-compiled          c++ $(pkg-config --cflags --libs swfpp-openssl swfpp-curl swfpp-compiled)
#   cmake-subdirectory-compiled  add_subdirectory(<repo>) -> swfpp::compiled built by CMake
#   cmake-fetchcontent-header-only  FetchContent_Declare(swfpp SOURCE_DIR <repo>)
#   meson-subproject-<dep>       subprojects/swfpp -> <repo>, <dep> asked for first (all four);
#                                fails if swfpp's tests, examples or CLI got configured
#   single-header                c++ -std=c++17 -I single_include main.cpp -lsimdjson -lcrypto -lcurl
# Everything is built under one temporary directory, removed at the end (KEEP=1 keeps it).
# Prints one line per check and a summary; exits non-zero if any check fails. With
# SWFPP_CONSUMER_RESULTS=FILE, also writes one JSON line per check ({"name", "result": OK|FAIL})
# for .ci/run's summary.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
here=$repo/tests/consumers
cxx=${CXX:-g++}
"$repo/tools/install-deps.sh" cmake  # swfpp's build dependencies, and CMake for the CMake checks
tmp=$(mktemp -d "${TMPDIR:-/tmp}/swfpp-consumers.XXXXXX")
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
results=${SWFPP_CONSUMER_RESULTS:-}
[ -n "$results" ] && mkdir -p "$(dirname "$results")" && : >"$results"

# The loopback SWF: it prints its URL once listening.
python3 "$here/loopback_swf.py" >"$tmp/server.url" 2>"$tmp/server.log" &
server_pid=$!
for _ in $(seq 100); do [ -s "$tmp/server.url" ] && break; sleep 0.1; done
url=$(head -n1 "$tmp/server.url")
if [ -z "$url" ]; then
  echo "FAIL  loopback server did not start:"; cat "$tmp/server.log"
  [ -n "$results" ] && echo '{"name": "consumer loopback server", "result": "FAIL"}' >>"$results"
  exit 1
fi

mkdir -p "$tmp/results"
check() {  # check NAME COMMAND...: its log in $tmp/NAME.log, PASS or FAIL in $tmp/results/NAME
  local name=$1; shift
  local log="$tmp/$name.log" start=$SECONDS
  if "$@" >"$log" 2>&1; then
    printf 'PASS  %-34s %4ss\n' "$name" $((SECONDS - start)) >"$tmp/results/$name"
  else
    printf 'FAIL  %-34s %4ss\n' "$name" $((SECONDS - start)) >"$tmp/results/$name"
    tail -n 25 "$log" | sed 's/^/      | /' >>"$tmp/results/$name"
  fi
}
call() { "$1" "$url"; }  # call PROGRAM: the one call, against the loopback server

# --- An installed prefix, made once: the headers, libswfpp.a, .pc files, the CMake package.
prefix=$tmp/prefix
install_prefix() {
  meson setup "$tmp/build-install" "$repo" --prefix="$prefix" --buildtype=plain \
    -Dtests=disabled -Dexamples=disabled -Dcli=disabled -Dbench=disabled -Dfuzz=disabled &&
    meson install -C "$tmp/build-install"
}
check install install_prefix
checks=(install)

# --- CMake: find_package against the prefix, add_subdirectory, FetchContent.
cmake_consumer() {  # cmake_consumer BUILD_DIR TARGET CMAKE_ARGS...
  local dir=$1 target=$2; shift 2
  { [ -f "$dir/CMakeCache.txt" ] || cmake -S "$here/cmake" -B "$dir" -G Ninja "$@"; } &&
    cmake --build "$dir" --target "$target" &&
    call "$dir/$target"
}

# --- pkg-config against the prefix, compiled mode (the header-only .pc files come along).
# shellcheck disable=SC2086  # $flags: pkg-config's words
pkg_config_consumer() {
  local flags
  flags=$(PKG_CONFIG_PATH="$(dirname "$(find "$prefix" -name swfpp-compiled.pc | head -n1)")" \
    pkg-config --cflags --libs swfpp-openssl swfpp-curl swfpp-compiled) &&
    echo "pkg-config: $flags" &&
    "$cxx" -std=c++17 "$here/main.cpp" -o "$tmp/pkg-config-consumer" $flags &&
    call "$tmp/pkg-config-consumer"
}
# --- meson: swfpp as a subproject, each dependency asked for first.
meson_consumer() {  # meson_consumer FIRST COMPILED
  local first=$1 compiled=$2 dir="$tmp/meson-$1"
  mkdir -p "$dir/subprojects" &&
    cp "$here/meson/meson.build" "$here/meson/meson_options.txt" "$here/main.cpp" "$dir/" &&
    cp "$here/meson/swfpp.wrap" "$dir/subprojects/swfpp.wrap" &&
    ln -s "$repo" "$dir/subprojects/swfpp" &&
    meson setup "$dir/build" "$dir" -Dfirst="$first" -Dcompiled="$compiled" &&
    # swfpp's own tests, examples, benchmarks, fuzzers and swf program stay off in a subproject.
    meson introspect "$dir/build" --targets --tests | python3 -c '
import json, sys
info = json.load(sys.stdin)
targets, tests = info["targets"], info["tests"]
names = sorted(t["name"] for t in targets)
print("targets:", ", ".join(names))
bad = [n for n in names if n.startswith(("test_", "bench_", "fuzz_")) or n in
       ("swf", "doctest_main", "self_contained_headers", "cancellation_demo", "local_swf_demo")]
if bad or tests:
    sys.exit("swfpp configured its own targets or tests in a subproject: %s %s" % (bad, [t["name"] for t in tests]))
' &&
    meson compile -C "$dir/build" consumer &&
    call "$dir/build/consumer"
}
# --- The single headers, nothing else on the include path.
single_header_consumer() {
  "$cxx" -std=c++17 -I "$repo/single_include" "$here/main.cpp" -o "$tmp/single-header-consumer" \
    -lsimdjson -lcrypto -lcurl &&
    call "$tmp/single-header-consumer"
}
# Two lanes at once (most checks compile one file, on one core), then the lines in order.
lane_a() {
  check cmake-package-header-only cmake_consumer "$tmp/cmake-package" consumer_header_only \
    -DSWFPP_VIA=package -DCMAKE_PREFIX_PATH="$prefix"
  check cmake-package-compiled cmake_consumer "$tmp/cmake-package" consumer_compiled \
    -DSWFPP_VIA=package -DCMAKE_PREFIX_PATH="$prefix"
  check pkg-config-compiled pkg_config_consumer
  check cmake-subdirectory-compiled cmake_consumer "$tmp/cmake-subdirectory" consumer_compiled \
    -DSWFPP_VIA=subdirectory -DSWFPP_SOURCE_DIR="$repo"
  check cmake-fetchcontent-header-only cmake_consumer "$tmp/cmake-fetchcontent" consumer_header_only \
    -DSWFPP_VIA=fetchcontent -DSWFPP_SOURCE_DIR="$repo"
  check single-header single_header_consumer
}
lane_b() {
  local first compiled
  for first in swfpp swfpp-openssl swfpp-curl swfpp-compiled; do
    compiled=false; [ "$first" = swfpp-compiled ] && compiled=true
    check "meson-subproject-$first" meson_consumer "$first" "$compiled"
  done
}
lane_a & lane_a_pid=$!
lane_b & lane_b_pid=$!
wait "$lane_a_pid" "$lane_b_pid"
checks+=(cmake-package-header-only cmake-package-compiled pkg-config-compiled cmake-subdirectory-compiled
         cmake-fetchcontent-header-only meson-subproject-swfpp meson-subproject-swfpp-openssl
         meson-subproject-swfpp-curl meson-subproject-swfpp-compiled single-header)

passed=0 failed=0
for name in "${checks[@]}"; do
  if [ -f "$tmp/results/$name" ]; then cat "$tmp/results/$name"; else printf 'FAIL  %-34s (did not run)\n' "$name"; fi
  if head -n1 "$tmp/results/$name" 2>/dev/null | grep -q '^PASS'; then result=OK passed=$((passed + 1)); else result=FAIL failed=$((failed + 1)); fi
  [ -n "$results" ] && printf '{"name": "consumer %s", "result": "%s"}\n' "$name" "$result" >>"$results"
done
echo "consumer checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

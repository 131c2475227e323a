#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (as root), builds swfpp with warnings as errors and runs
# the whole test suite. CXX picks the compiler (default g++); BUILD_DIR the build folder;
# EXTRA_MESON_ARGS adds options (sanitizers, -fno-exceptions) for CI's other configurations.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
build_dir=${BUILD_DIR:-build-tests}
# shellcheck disable=SC2086
reconfigure=(); [ -d "$build_dir/meson-private" ] && reconfigure=(--reconfigure)
CXX=${CXX:-g++} meson setup "$build_dir" "${reconfigure[@]}" -Dwerror=true -Dtests=enabled -Dexamples=enabled \
  ${EXTRA_MESON_ARGS:-} >/dev/null
meson compile -C "$build_dir"
meson test -C "$build_dir" --print-errorlogs

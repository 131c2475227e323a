#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (as root), builds swfpp and runs its demo: cancelling a
# workflow execution through the library against a local SWF, no AWS account needed.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
reconfigure=(); [ -d build-demo/meson-private ] && reconfigure=(--reconfigure)
meson setup build-demo "${reconfigure[@]}" -Dtests=disabled -Dexamples=enabled >/dev/null
meson compile -C build-demo >/dev/null
./build-demo/examples/local_swf_demo

#!/usr/bin/env bash
# Installs what swfpp needs to build, test and run its demo on Debian 12 (run as root), plus
# any extra Debian packages named as arguments (the benchmarks and fuzzers add theirs).
# Skips apt entirely when everything is already there, so repeated runs are quick.
set -euo pipefail
packages=(g++ clang meson ninja-build pkg-config python3
          libsimdjson-dev doctest-dev libssl-dev libcurl4-openssl-dev "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

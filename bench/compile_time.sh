#!/usr/bin/env bash
# Compile-time budget of swfpp (issue 5): seconds to compile, at -O2, a translation unit that
#   sign_only      builds and signs requests (request.hpp + sigv4.hpp + crypto/openssl.hpp; no simdjson)
#   single_header  makes a call through the whole single header (single_include/swfpp/swfpp.hpp)
# Median of 3 runs of `$CXX -std=c++17 -O2 -c`, with warnings as errors: wall seconds and CPU
# seconds (user+sys, much less sensitive to other load on the machine than wall time), and the
# number of distinct headers the TU reads (from -M). The load average is printed with them.
#   bench/compile_time.sh            # g++ and clang++ when present; CXX=g++ for one compiler
#   bench/compile_time.sh --json F   # also write the figures to F
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
json_out=""
[ "${1:-}" = "--json" ] && json_out=$2
compilers=()
if [ -n "${CXX:-}" ]; then compilers=("$CXX"); else
  for c in g++ clang++; do command -v "$c" >/dev/null && compilers+=("$c"); done
fi
simdjson_flags=$(pkg-config --cflags simdjson 2>/dev/null || true)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

median3() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
TIMEFORMAT='%R %U %S'


rows=()
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %-14s %9s %9s %-26s %8s\n' compiler tu wall_med cpu_med "wall runs" headers
for cxx in "${compilers[@]}"; do
  for tu in sign_only single_header; do
    src="$root/bench/compile_time/$tu.cpp"
    incs=(-I"$root/include")
    [ "$tu" = single_header ] && incs=(-I"$root/single_include" -I"$root/include")
    flags=(-std=c++17 -O2 -Wall -Wextra -Wpedantic -Werror "${incs[@]}")
    # shellcheck disable=SC2206
    [ "$tu" = single_header ] && flags+=($simdjson_flags)
    times=(); cpus=()
    for _ in 1 2 3; do
      { time "$cxx" "${flags[@]}" -c "$src" -o "$tmp/$tu.o" ; } 2> "$tmp/time"
      read -r real user sys < <(tail -n1 "$tmp/time")
      times+=("$real")
      cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')")
    done
    # Distinct files the preprocessor opens, minus the source itself.
    headers=$("$cxx" "${flags[@]}" -M "$src" | tr ' \\' '\n\n' | grep -E '\.(h|hpp|hh|tcc)$|/c\+\+/[0-9]+/[a-z_]+$' | sort -u | wc -l)
    swfpp_headers=$("$cxx" "${flags[@]}" -M "$src" | tr ' \\' '\n\n' | grep -c '/swfpp/' || true)
    simdjson=$("$cxx" "${flags[@]}" -M "$src" | tr ' \\' '\n\n' | grep -c 'simdjson' || true)
    med=$(median3 "${times[@]}")
    cpu=$(median3 "${cpus[@]}")
    printf '%-10s %-14s %9s %9s %-26s %8s  (swfpp %s, simdjson %s)\n' "$cxx" "$tu" "$med" "$cpu" \
      "${times[*]}" "$headers" "$swfpp_headers" "$simdjson"
    rows+=("{\"compiler\":\"$cxx\",\"tu\":\"$tu\",\"wall_median_s\":$med,\"cpu_median_s\":$cpu,\"wall_runs_s\":[${times[0]},${times[1]},${times[2]}],\"headers\":$headers,\"swfpp_headers\":$swfpp_headers,\"simdjson_headers\":$simdjson}")
  done
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$json_out" ]; then
  (IFS=,; echo "[${rows[*]}]") > "$json_out"
fi

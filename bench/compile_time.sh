#!/usr/bin/env bash
# Compile-time budget of swfpp: CPU seconds (user+sys) and peak compiler memory (max RSS) of
# `$CXX -std=c++17 -O2 -c` on one translation unit each, all in ONE run on the same machine load:
#   swfpp header-only   bench/compile_time/one_call.cpp: what a user's file needs for one
#                       RequestCancelWorkflowExecution call (client + OpenSSL signer + curl transport)
#   swfpp separate      the same file with -DSWFPP_SEPARATE_COMPILATION (compile only: the library,
#                       src/swfpp.cpp, is measured once on its own below the table)
#   nlohmann/json       bench/compile_time/ref_nlohmann_json.cpp: parse one string
#   {fmt} header-only   bench/compile_time/ref_fmt.cpp: FMT_HEADER_ONLY, format one string
#   Beast + Asio        bench/compile_time/ref_beast.cpp: declare (and prepare) one HTTP request
# and, with --extra, the older budget TUs sign_only.cpp and single_header.cpp (header-only).
# Repetitions are interleaved (A B C D E, A B C D E, ...) so that every TU sees the same load;
# each figure is the median over the rounds. Ratios are to the nlohmann/json TU's medians.
# Targets: separate-compilation TU <= 0.5x the nlohmann/json TU, header-only TU <= 1.2x (CPU).
#   bench/compile_time.sh                    # g++, 5 rounds
#   bench/compile_time.sh --rounds 7 --extra # more rounds, plus sign_only and single_header
#   CXX=clang++ bench/compile_time.sh        # another compiler
#   bench/compile_time.sh --only nlohmann_json,swfpp_separate,library   # some rows only
#   bench/compile_time.sh --json F           # also write the figures to F (bench/compare.py --all)
# Needs GNU time (/usr/bin/time) and the reference TUs' headers: tools/bench-install-deps.sh
# installs them (nlohmann-json3-dev, libfmt-dev, libboost-dev, time); a TU whose headers are
# missing, or that fails to compile, is reported as failed and left out of the ratios.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
json_out="" rounds=5 extra=0 only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --json) json_out=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --extra) extra=1; shift ;;
    --only) only=",$2,"; shift 2 ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "compile_time.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
cxx=${CXX:-g++}
gnu_time=/usr/bin/time
if ! [ -x "$gnu_time" ] || ! "$gnu_time" -f '%M' true >/dev/null 2>&1; then
  echo "compile_time.sh: GNU time is missing (Debian: time; tools/bench-install-deps.sh)" >&2
  exit 1
fi
simdjson_flags=$(pkg-config --cflags simdjson 2>/dev/null || true)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ct="$root/bench/compile_time"
warn=(-Wall -Wextra -Wpedantic)

# name | label | source | extra flags (word-split)
tus=(
  "swfpp_header_only|swfpp one call, header-only|$ct/one_call.cpp|-Werror -I$root/include $simdjson_flags"
  "swfpp_separate|swfpp one call, separate compilation|$ct/one_call.cpp|-Werror -I$root/include -DSWFPP_SEPARATE_COMPILATION"
  "nlohmann_json|nlohmann/json 3.11, parse one string|$ct/ref_nlohmann_json.cpp|"
  "fmt_header_only|{fmt} 9, header-only, format one string|$ct/ref_fmt.cpp|"
  "beast_asio|Boost.Beast + Asio 1.74, one http request|$ct/ref_beast.cpp|"
)
if [ "$extra" = 1 ]; then
  tus+=("sign_only|swfpp sign_only (request+sigv4+openssl), header-only|$ct/sign_only.cpp|-Werror -I$root/include"
        "single_header|swfpp single_include/swfpp.hpp, one call, header-only|$ct/single_header.cpp|-Werror -I$root/single_include -I$root/include $simdjson_flags")
fi

if [ -n "$only" ]; then
  kept=()
  for t in "${tus[@]}"; do [[ "$only" == *",${t%%|*},"* ]] && kept+=("$t"); done
  tus=("${kept[@]}")
fi

flags_of() { # $1 = extra flags string -> prints nothing; fills global array `flags`
  # shellcheck disable=SC2206
  flags=(-std=c++17 -O2 "${warn[@]}" $1)
}

# One timed compile: prints "wall user sys maxrss_kb" or "FAIL".
measure() { # $1 src, $2 out, rest: flags
  local src=$1 out=$2; shift 2
  if "$gnu_time" -f '%e %U %S %M' -o "$tmp/time" "$cxx" "$@" -c "$src" -o "$out" 2> "$tmp/err"; then
    tail -n1 "$tmp/time"
  else
    echo FAIL
  fi
}

median() { tr ' ' '\n' <<< "$*" | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan";
  else if (NR % 2) printf "%.3f\n", v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A cpu_runs wall_runs rss_runs ratio_runs failed errline round_cpu
echo "compiler: $($cxx --version | head -n1); flags: -std=c++17 -O2 ${warn[*]} -c; $rounds interleaved rounds"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load before: $load_before  ($(uptime))"
for ((r = 1; r <= rounds; r++)); do
  line="round $r/$rounds (load $(cut -d' ' -f1 /proc/loadavg)):"
  round_cpu=()
  for t in "${tus[@]}"; do
    IFS='|' read -r name _ src extra_flags <<< "$t"
    [ -n "${failed[$name]:-}" ] && continue
    flags_of "$extra_flags"
    res=$(measure "$src" "$tmp/$name.o" "${flags[@]}")
    if [ "$res" = FAIL ]; then
      failed[$name]=1
      errline[$name]=$(grep -m1 -E 'error|fatal' "$tmp/err" || head -n1 "$tmp/err")
      line+=" $name=FAIL"
      continue
    fi
    read -r wall user sys rss <<< "$res"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    cpu_runs[$name]+="$cpu "
    wall_runs[$name]+="$wall "
    rss_runs[$name]+="$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }') "
    round_cpu[$name]=$cpu
    line+=" $name=${cpu}s"
  done
  # Each TU against the reference TU of the same round: the ratios move less with the load.
  if [ -n "${round_cpu[nlohmann_json]:-}" ]; then
    for name in "${!round_cpu[@]}"; do
      ratio_runs[$name]+="$(awk -v a="${round_cpu[$name]}" -v b="${round_cpu[nlohmann_json]}" 'BEGIN { printf "%.3f", a / b }') "
    done
  fi
  echo "$line"
done

# The library's own source, paid once per build in separate-compilation mode (not interleaved).
lib_src="$root/src/swfpp.cpp"
lib_res=FAIL lib_err=""
if [ -n "$only" ] && [[ "$only" != *",library,"* ]]; then
  lib_err="not measured (--only)"
elif [ -f "$lib_src" ]; then
  # shellcheck disable=SC2206
  lib_flags=(-std=c++17 -O2 "${warn[@]}" -Werror -I"$root/include" -DSWFPP_SEPARATE_COMPILATION $simdjson_flags)
  lib_res=$(measure "$lib_src" "$tmp/swfpp_lib.o" "${lib_flags[@]}")
  [ "$lib_res" = FAIL ] && lib_err=$(grep -m1 -E 'error|fatal' "$tmp/err" || head -n1 "$tmp/err")
else
  lib_err="src/swfpp.cpp does not exist"
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

ref_cpu="" ref_rss=""
if [ -z "${failed[nlohmann_json]:-}" ] && [ -n "${cpu_runs[nlohmann_json]:-}" ]; then
  ref_cpu=$(median "${cpu_runs[nlohmann_json]}"); ref_rss=$(median "${rss_runs[nlohmann_json]}")
fi
ratio() { [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }' || echo "-"; }

echo
printf '| %-56s | %12s | %7s | %14s | %-26s | %14s | %8s | %-36s | %s |\n' TU "median CPU s" "peak MB" \
  "CPU x nlohmann" "per-round x nlohmann" "mem x nlohmann" "wall s" "CPU s per round" "headers (swfpp / simdjson)"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..58})" "--------------" "---------" \
  "----------------" "----------------------------" "----------------" "----------" \
  "--------------------------------------" "----------------------------"
rows=()
declare -A med_cpu
for t in "${tus[@]}"; do
  IFS='|' read -r name label src extra_flags <<< "$t"
  flags_of "$extra_flags"
  if [ -n "${failed[$name]:-}" ]; then
    printf '| %-56s | %12s | %7s | %14s | %-26s | %14s | %8s | %-36s | %s |\n' "$label" FAILED - - - - - "" \
      "${errline[$name]}"
    rows+=("{\"tu\":\"$name\",\"label\":\"$label\",\"failed\":true}")
    continue
  fi
  cpu=$(median "${cpu_runs[$name]}"); wall=$(median "${wall_runs[$name]}"); rss=$(median "${rss_runs[$name]}")
  med_cpu[$name]=$cpu
  # shellcheck disable=SC1003
  deps=$("$cxx" "${flags[@]}" -M "$src" | tr -s ' \\' '\n')
  headers=$(grep -E '\.(h|hpp|hh|ipp|tcc)$|/c\+\+/[0-9]+/[a-z_]+$' <<< "$deps" | sort -u | wc -l)
  swfpp_h=$(grep -c '/swfpp/' <<< "$deps" || true)
  simdjson_h=$(grep -c 'simdjson' <<< "$deps" || true)
  per_round="-" rr_med="null"
  if [ -n "${ratio_runs[$name]:-}" ]; then
    rr_med=$(median "${ratio_runs[$name]}")
    per_round=$(tr ' ' '\n' <<< "${ratio_runs[$name]}" | grep . | sort -g |
      awk -v m="$rr_med" '{ v[NR] = $1 } END { printf "%.2fx (%.2f-%.2f)", m, v[1], v[NR] }')
  fi
  printf '| %-56s | %12.2f | %7.0f | %14s | %-26s | %14s | %8.2f | %-36s | %s (%s / %s) |\n' "$label" "$cpu" \
    "$rss" "$(ratio "$cpu" "$ref_cpu")" "$per_round" "$(ratio "$rss" "$ref_rss")" "$wall" "${cpu_runs[$name]% }" \
    "$headers" "$swfpp_h" "$simdjson_h"
  runs_json=$(sed 's/ $//; s/ /,/g' <<< "${cpu_runs[$name]}")
  rss_json=$(sed 's/ $//; s/ /,/g' <<< "${rss_runs[$name]}")
  ratio_json=$(sed 's/ $//; s/ /,/g' <<< "${ratio_runs[$name]:-}")
  rows+=("{\"tu\":\"$name\",\"label\":\"$label\",\"cpu_median_s\":$cpu,\"cpu_ratio_to_nlohmann_per_round_median\":$rr_med,\"wall_median_s\":$wall,\"peak_rss_median_mb\":$rss,\"cpu_runs_s\":[$runs_json],\"peak_rss_runs_mb\":[$rss_json],\"cpu_ratio_to_nlohmann_runs\":[$ratio_json],\"headers\":$headers,\"swfpp_headers\":$swfpp_h,\"simdjson_headers\":$simdjson_h}")
done
echo
lib_json="{\"failed\":true}"
if [ "$lib_err" = "not measured (--only)" ]; then
  echo "src/swfpp.cpp (the separate-compilation library): not measured (--only)"
elif [ "$lib_res" = FAIL ]; then
  echo "src/swfpp.cpp (the separate-compilation library, compiled once per build): FAILED: $lib_err"
else
  read -r wall user sys rss <<< "$lib_res"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  mb=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
  echo "src/swfpp.cpp (the separate-compilation library, compiled once per build, one run): ${cpu} s CPU," \
    "${mb} MB peak, $(ratio "$cpu" "$ref_cpu") the nlohmann/json TU"
  lib_json="{\"cpu_s\":$cpu,\"wall_s\":$wall,\"peak_rss_mb\":$mb}"
fi

echo
target() { # $1 label, $2 tu, $3 limit
  local c=${med_cpu[$2]:-} rr=""
  if [ -z "$c" ] || [ -z "$ref_cpu" ]; then echo "target: $1 <= $3x nlohmann/json: not measured"; return; fi
  [ -n "${ratio_runs[$2]:-}" ] && rr=$(median "${ratio_runs[$2]}")
  awk -v c="$c" -v r="$ref_cpu" -v l="$3" -v lab="$1" -v rr="$rr" 'BEGIN { x = c / r;
    printf "target: %s <= %.1fx nlohmann/json: %.2fx of the medians (%.2f s vs %.2f s), %.2fx the median per-round ratio: %s\n",
      lab, l, x, c, r, rr, (x <= l && rr <= l ? "met" : (x <= l || rr <= l ? "borderline" : "NOT met")) }'
}
target "separate-compilation TU" swfpp_separate 0.5
target "header-only TU" swfpp_header_only 1.2
echo "load after:  $load_after"
if [ -n "$json_out" ]; then
  (IFS=,; echo "{\"compiler\":\"$cxx\",\"rounds\":$rounds,\"load_before\":\"$load_before\",\"load_after\":\"$load_after\",\"tus\":[${rows[*]}],\"library\":$lib_json}") > "$json_out"
fi

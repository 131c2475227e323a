#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and fuzzes each for SECONDS, one after
# another, starting from its committed seeds. Prints the executions per target; exits 1 when any
# target finds a crash, a leak, a timeout or runs out of memory (the reproducer is kept under
# $BUILD_DIR/fuzz-artifacts/<target>/ and the command to replay it is printed).
#
#   tools/run-fuzz.sh SECONDS [TARGET...]
#
# Environment: BUILD_DIR (default build-fuzz); RUNS, a cap on executions per target (-runs;
# with it SECONDS is only the upper bound); RSS_LIMIT_MB (default 2048).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: tools/run-fuzz.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_response fuzz_serialize fuzz_sigv4 fuzz_endpoint)
build_dir=${BUILD_DIR:-build-fuzz}
rss_limit=${RSS_LIMIT_MB:-2048}

# libFuzzer ships in Debian's compiler-rt package, which the test setup does not need.
tools/install-deps.sh libclang-rt-14-dev

reconfigure=(); [ -d "$build_dir/meson-private" ] && reconfigure=(--reconfigure)
CXX=clang++ meson setup "$build_dir" "${reconfigure[@]}" -Dfuzz=enabled -Dtests=disabled -Dexamples=disabled \
  -Dbench=disabled -Dwerror=true >/dev/null
meson compile -C "$build_dir" "${targets[@]}"
# Seeds and past crash reproducers first: a regression fails here, before any fuzzing.
meson test -C "$build_dir" --suite fuzz --print-errorlogs

failed=0
summary=()
for t in "${targets[@]}"; do
  work="$build_dir/fuzz-corpus/$t"        # grows as the fuzzer finds new inputs; never committed
  artifacts="$build_dir/fuzz-artifacts/$t/"
  log="$build_dir/fuzz-logs/$t.log"
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  args=(-max_total_time="$seconds" -rss_limit_mb="$rss_limit" -timeout=10 -max_len=8192
        -print_final_stats=1 -artifact_prefix="$artifacts")
  [ -n "${RUNS:-}" ] && args+=(-runs="$RUNS")
  dict="fuzz/$t.dict"
  [ -f "$dict" ] && args+=(-dict="$dict")
  echo "=== $t: ${seconds}s${RUNS:+, at most $RUNS runs} ==="
  start=$(date +%s)
  status=0
  "$build_dir/fuzz/$t" "${args[@]}" "$work" "fuzz/corpus/$t" >"$log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  execs=${execs:-0}
  if [ "$status" -eq 0 ]; then
    result=ok
  else
    result="FAILED (exit $status)"
    failed=1
    grep -E '^(==[0-9]+==ERROR|SUMMARY|swfpp fuzz:|artifact_prefix|Test unit written)' "$log" | head -20 || true
    for a in "$artifacts"*; do
      [ -f "$a" ] && echo "reproduce: $build_dir/fuzz/$t $a"
    done
  fi
  summary+=("$(printf '%-16s %12s executions %6ss %8s exec/s  %s' "$t" "$execs" "$elapsed" \
    "$(( execs / (elapsed > 0 ? elapsed : 1) ))" "$result")")
done

echo "=== fuzz summary ==="
printf '%s\n' "${summary[@]}"
exit "$failed"

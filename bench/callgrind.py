#!/usr/bin/env python3
"""Load-independent figures for swfpp: instructions per call under callgrind, and allocations.

Runs each scenario of the benchmark program in probe mode (N calls after 100 warm-up calls,
collection on only around the N calls) under `valgrind --tool=callgrind`, and prints per call:
  Ir         instructions executed, everything included
  Ir-crypto  the same without libcrypto's own instructions: swfpp + libstdc++ + libc
  allocs     heap allocations (all of them; `new` and `openssl` are shares of it)

Caveat: valgrind hides the SHA extensions of the CPU, so under callgrind OpenSSL runs its
AVX2/SSSE3 SHA-256 instead of SHA-NI: the libcrypto share of Ir is larger than natively.
Ir-crypto does not depend on that.

    python3 bench/callgrind.py [--binary build-bench/bench/swfpp_bench] [--iterations 2000]
                               [--json out.json] [SCENARIO ...]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_BINARY = os.path.join(ROOT, "build-bench", "bench", "swfpp_bench")

DEFAULT_SCENARIOS = [
    "stage/validate_serialize",
    "stage/build_request",
    "stage/sign_warm",
    "stage/sign_cold",
    "stage/sign_warm_null_crypto",
    "stage/prepare",
    "stage/parse_success",
    "stage/parse_error",
    "stage/noop_transport",
    "call/success",
    "call/error",
    "call/success_null_crypto",
    "baseline/openssl_lowlevel_warm",
    "baseline/openssl_lowlevel_cold",
    "baseline/openssl_evp_warm",
    "baseline/swfpp_openssl_crypto_warm",
    "stage/sign_warm_evp_crypto",
]
SIZE_ARGS = [(n, r) for n in (1, 16, 64, 256) for r in (0, 1)]


def probe(binary, scenario, iterations, args=None):
    """Returns {Ir, Ir_no_crypto, allocs, new, openssl, bytes} per call for one scenario."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        cmd = ["valgrind", "--tool=callgrind", "--collect-atstart=no", f"--callgrind-out-file={out}",
               binary, f"--probe={scenario}", f"--probe-iterations={iterations}"]
        if args is not None:
            cmd.append(f"--probe-args={args[0]},{args[1]}")
        run = subprocess.run(cmd, capture_output=True, text=True, check=True)
        figures = {}
        for line in run.stdout.splitlines():
            key, _, value = line.partition(" ")
            if key.endswith("/call"):
                figures[key[:-5]] = float(value)
        total, by_object = self_cost_by_object(out)
    crypto = sum(v for k, v in by_object.items() if "libcrypto" in k)
    figures["Ir"] = total / iterations
    figures["Ir_no_crypto"] = (total - crypto) / iterations
    return figures


def self_cost_by_object(path):
    """Total Ir and exclusive Ir per ELF object, read from a callgrind output file."""
    names = {}  # "(id)" -> name, for the compressed ob= references
    current = "?"
    by_object = {}
    total = 0
    skip_next_cost = False
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("ob="):
                current = resolve(names, line[3:].strip())
            elif line.startswith(("cob=", "cfn=", "cfi=", "cfl=", "fn=", "fl=", "fi=", "fe=")):
                if line.startswith("cob="):
                    resolve(names, line[4:].strip())
            elif line.startswith("calls="):
                skip_next_cost = True  # the next cost line is the call's inclusive cost
            elif line.startswith("totals:") or line.startswith("summary:"):
                total = int(line.split()[1])
            elif line[:1].isdigit() or line[:1] in "+-*":
                if skip_next_cost:
                    skip_next_cost = False
                    continue
                parts = line.split()
                if len(parts) >= 2:
                    by_object[current] = by_object.get(current, 0) + int(parts[1])
    if total == 0:
        total = sum(by_object.values())
    return total, by_object


def resolve(names, ref):
    m = re.match(r"\((\d+)\)(?:\s+(.*))?$", ref)
    if not m:
        return ref
    if m.group(2):
        names[m.group(1)] = m.group(2)
    return names.get(m.group(1), ref)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=DEFAULT_BINARY)
    ap.add_argument("--iterations", type=int, default=2000)
    ap.add_argument("--sizes", action="store_true", help="also the body-size table (size/call_success)")
    ap.add_argument("--json", help="write the figures to this file")
    ap.add_argument("scenarios", nargs="*")
    opts = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("callgrind: skipped: valgrind is not installed (Debian: valgrind)")
        return 0
    if not os.path.exists(opts.binary):
        print(f"callgrind: {opts.binary} not found: build it first (bench/README.md)", file=sys.stderr)
        return 2
    results = {}
    print(f"{'scenario':42} {'Ir/call':>9} {'Ir-crypto':>10} {'allocs':>7} {'new':>5} {'openssl':>8} {'bytes':>7}")
    jobs = [(s, None) for s in (opts.scenarios or DEFAULT_SCENARIOS)]
    if opts.sizes:
        jobs += [("size/call_success", a) for a in SIZE_ARGS]
    for scenario, args in jobs:
        name = scenario if args is None else f"{scenario}/len:{args[0]}/runId:{args[1]}"
        fig = probe(opts.binary, scenario, opts.iterations, args)
        results[name] = fig
        print(f"{name:42} {fig['Ir']:9.0f} {fig['Ir_no_crypto']:10.0f} {fig['allocs']:7.2f} {fig['new']:5.2f} "
              f"{fig['openssl']:8.2f} {fig['bytes']:7.0f}", flush=True)
    if opts.json:
        with open(opts.json, "w") as f:
            json.dump(results, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

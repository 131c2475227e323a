#!/usr/bin/env python3
"""swfpp against the AWS SDKs, in one run: RequestCancelWorkflowExecution, canned responses,
no network, success and UnknownResourceFault error calls.

    python3 bench/compare.py            # builds what it needs, runs all three, prints the table
    python3 bench/compare.py --all      # + callgrind instruction counts and compile times
    python3 bench/compare.py --against-rev REV    # + the header-only build of commit REV, same rounds
    python3 bench/compare.py --chart bench/chart.png   # where to draw the chart

Peers (each skipped with the reason when its runtime is missing):
  botocore                    bench/botocore_bench.py: a real client, a before-send hook answers
  AWS SDK for JavaScript v3   bench/js/bench.js: a real SWFClient, a custom requestHandler answers
  swfpp                       build-bench/bench/swfpp_bench (Google Benchmark, JSON output)

swfpp runs in both build modes, side by side: header-only (bench/swfpp_bench) and separate
compilation (bench/swfpp_bench_compiled, linked with the compiled library from src/swfpp.cpp),
interleaved over --rounds rounds; a mode more than --regression-threshold slower than its
reference (CPU, beyond the medians' noise), or allocating more, is flagged as a regression.
With --against-rev REV the header-only program of git revision REV runs in the same rounds.

Per-call figures are medians of batch means (wall time): Google Benchmark repetitions (all
rounds) for swfpp, batches of calls for the peers. The 1-minute load average is recorded next to each
peer's run: on a busy 2-core machine every wall-clock figure moves with it, the ratios less so.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BUILD = os.path.join(ROOT, "build-bench")
BINARY = os.path.join(BUILD, "bench", "swfpp_bench")
BINARY_COMPILED = os.path.join(BUILD, "bench", "swfpp_bench_compiled")
sys.path.insert(0, HERE)

# aws-sdk-cpp is not installable from the registries this project uses: its figures are the ones
# quoted in issue 5 (same operation, same kind of machine), shown apart and never as this run's.
AWS_SDK_CPP_REFERENCE = {"client": "aws-sdk-cpp 1.11 (issue 5 figure)", "success_ns": 41000, "error_ns": 45000,
                         "allocs": "438 / 533"}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def load():
    return os.getloadavg()[0]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


# ---- swfpp -----------------------------------------------------------------------------------

# The build modes compared side by side: (key, label, benchmark program). Both are built from the
# same sources by bench/meson.build; `separate` links the compiled library (src/swfpp.cpp).
MODES = [("header-only", "header-only", BINARY),
         ("separate", "separate compilation", BINARY_COMPILED)]


def ensure_built():
    if not os.path.exists(os.path.join(BUILD, "build.ninja")):
        have_benchmark = subprocess.run(["pkg-config", "--exists", "benchmark"]).returncode == 0
        if not have_benchmark or shutil.which("meson") is None:
            log("installing the build dependencies (tools/bench-install-deps.sh)")
            run([os.path.join(ROOT, "tools", "bench-install-deps.sh")])
        log("configuring build-bench (release, bench only)")
        run(["meson", "setup", BUILD, "-Dbench=enabled", "-Dtests=disabled", "-Dexamples=disabled",
             "-Dcli=disabled", "-Dfuzz=disabled", "--buildtype=release"], cwd=ROOT, stdout=subprocess.DEVNULL)
    log("building swfpp_bench (header-only) and swfpp_bench_compiled (separate compilation)")
    try:
        run(["meson", "compile", "-C", BUILD, "bench/swfpp_bench", "bench/swfpp_bench_compiled"], cwd=ROOT,
            stdout=subprocess.DEVNULL)
    except subprocess.CalledProcessError:
        log("swfpp_bench_compiled did not build (see above): header-only only")
        if os.path.exists(BINARY_COMPILED):
            os.remove(BINARY_COMPILED)  # never run a stale separate-compilation program
        run(["meson", "compile", "-C", BUILD, "bench/swfpp_bench"], cwd=ROOT, stdout=subprocess.DEVNULL)


def build_rev(rev):
    """swfpp_bench (header-only) of git revision `rev`, built from `git archive` in build-bench/rev-*
    (the working tree and the repository are left alone): the previous code, in the same run."""
    sha = subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    src = os.path.join(BUILD, f"rev-{sha}", "src")
    bld = os.path.join(BUILD, f"rev-{sha}", "build")
    if not os.path.isdir(src):
        os.makedirs(src)
        log(f"extracting {rev} ({sha}) into {os.path.relpath(src, ROOT)}")
        archive = subprocess.run(["git", "archive", "--format=tar", sha], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", src], input=archive.stdout, check=True)
    if not os.path.exists(os.path.join(bld, "build.ninja")):
        run(["meson", "setup", bld, "-Dbench=enabled", "-Dtests=disabled", "-Dexamples=disabled", "-Dcli=disabled",
             "-Dfuzz=disabled", "--buildtype=release"], cwd=src, stdout=subprocess.DEVNULL)
    log(f"building swfpp_bench of {rev} ({sha})")
    run(["meson", "compile", "-C", bld, "bench/swfpp_bench"], cwd=src, stdout=subprocess.DEVNULL)
    return sha, os.path.join(bld, "bench", "swfpp_bench")


def compiler_id():
    """The compiler that built swfpp_bench, as "g++ 12.2.0"."""
    try:
        with open(os.path.join(BUILD, "compile_commands.json")) as f:
            cxx = json.load(f)[0]["command"].split()[0]
        version = subprocess.run([cxx, "-dumpversion"], capture_output=True, text=True).stdout.strip()
        full = subprocess.run([cxx, "-dumpfullversion"], capture_output=True, text=True)
        if full.returncode == 0 and full.stdout.strip():
            version = full.stdout.strip()
        return f"{os.path.basename(cxx)} {version}"
    except (OSError, KeyError, ValueError, IndexError):
        return "c++"


def run_binary_once(binary, key, opts):
    """One run of a benchmark program: {run_name: [one dict per repetition]}, and its context."""
    out = os.path.join(BUILD, f"swfpp_bench.{key}.json")
    cmd = [binary, f"--benchmark_repetitions={opts.repetitions}", "--benchmark_report_aggregates_only=false",
           "--benchmark_display_aggregates_only=true",
           f"--benchmark_min_time={opts.min_time}", f"--benchmark_out={out}", "--benchmark_out_format=json"]
    if opts.filter:
        cmd.append(f"--benchmark_filter={opts.filter}")
    with open(os.path.join(BUILD, f"swfpp_bench.{key}.log"), "a") as logf:
        run(cmd, stdout=logf, stderr=subprocess.STDOUT)
    with open(out) as f:
        data = json.load(f)
    reps = {}
    for b in data["benchmarks"]:
        if b.get("run_type", "iteration") != "iteration" or "error_occurred" in b:
            continue
        scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
        reps.setdefault(b["run_name"], []).append({
            "real_ns": b["real_time"] * scale,
            "cpu_ns": b["cpu_time"] * scale,
            "threads": b.get("threads", 1),
            "items_per_second": b.get("items_per_second"),
            **{k: b[k] for k in ("allocs", "new", "openssl", "bytes") if k in b},
        })
    return reps, data.get("context", {})


def spread(values):
    """Relative half interquartile range: the noise of a median, as a fraction of it."""
    if len(values) < 2:
        return 0.0
    med = statistics.median(values)
    if len(values) >= 4:
        q1, _, q3 = statistics.quantiles(values, n=4)
    else:
        q1, q3 = min(values), max(values)
    return (q3 - q1) / 2 / med if med else 0.0


def run_swfpp_modes(opts, modes):
    """Every mode's program, interleaved: `rounds` rounds, each running every program once with
    `repetitions` repetitions (the order reversed every other round, so that no mode always runs
    first after the build or the peers). Figures are medians over all repetitions of all rounds."""
    reps = {key: {} for key, _, _ in modes}
    loads = {key: [] for key, _, _ in modes}
    context = {}
    for r in range(opts.rounds):
        order = modes if r % 2 == 0 else list(reversed(modes))
        for key, label, binary in order:
            log(f"swfpp {label}: round {r + 1}/{opts.rounds}, {opts.repetitions} repetitions (load {load():.2f})")
            before = load()
            got, ctx = run_binary_once(binary, key, opts)
            loads[key].append((before, load()))
            context = context or ctx
            for name, lst in got.items():
                reps[key].setdefault(name, []).extend(lst)
    results = {}
    for key, label, _ in modes:
        medians = {}
        for name, lst in reps[key].items():
            m = {"repetitions": len(lst)}
            for field in ("real_ns", "cpu_ns", "items_per_second", "allocs", "new", "openssl", "bytes"):
                vals = [x[field] for x in lst if x.get(field) is not None]
                if vals:
                    m[field] = statistics.median(vals)
            m["threads"] = lst[0]["threads"]
            m["cpu_spread"] = spread([x["cpu_ns"] for x in lst])
            medians[name] = m
        results[key] = {"client": f"swfpp 0.1.0 {label} (C++17, {compiler_id()})", "mode": label,
                        "load_before": loads[key][0][0], "load_after": loads[key][-1][1],
                        "loads": loads[key], "context": context, "benchmarks": medians}
    return results


# ---- peers -----------------------------------------------------------------------------------

def run_peer(name, cmd, cwd=None):
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, timeout=1800)
    except FileNotFoundError as e:
        return {"skipped": f"{name}: {e}"}
    if proc.returncode != 0:
        return {"skipped": f"{name} failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else proc.returncode}"}
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"skipped": f"{name} printed no result"}
    return json.loads(lines[-1])


def run_botocore(opts):
    return run_peer("botocore", [sys.executable, os.path.join(HERE, "botocore_bench.py"),
                                 "--batches", str(opts.peer_batches), "--batch-size", "40"])


def run_js(opts):
    node = shutil.which("node")
    if node is None:
        return {"skipped": "Node.js is not installed (Debian: nodejs npm)"}
    js_dir = os.path.join(HERE, "js")
    if not os.path.isdir(os.path.join(js_dir, "node_modules", "@aws-sdk", "client-swf")):
        npm = shutil.which("npm")
        if npm is None:
            return {"skipped": "npm is not installed, so @aws-sdk/client-swf cannot be installed (Debian: npm)"}
        log("installing @aws-sdk/client-swf from bench/js/package-lock.json (npm ci)")
        proc = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=js_dir, capture_output=True, text=True)
        if proc.returncode != 0:
            return {"skipped": f"npm ci failed: {proc.stderr.strip().splitlines()[-1:]}"}
    return run_peer("AWS SDK for JavaScript v3", [node, "--no-warnings", os.path.join(js_dir, "bench.js"),
                                                  "--batches", str(opts.peer_batches), "--batch-size", "100"])


# ---- report ----------------------------------------------------------------------------------

def us(ns):
    if ns is None:
        return "—"
    return f"{ns / 1000:.2f} µs" if ns < 10000 else f"{ns / 1000:.0f} µs" if ns >= 100000 else f"{ns / 1000:.1f} µs"


def fmt_count(v):
    return "—" if v is None else f"{v:.0f}" if abs(v - round(v)) < 0.01 else f"{v:.2f}"


def table(headers, rows):
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(headers)]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"
    out = [line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(r) for r in rows]
    return "\n".join(out)


# The benchmarks of the stage table, in its order, with their labels.
STAGES = [("stage/validate_serialize", "validate + serialize"), ("stage/build_request", "build_request"),
          ("stage/sign_warm", "sign, warm key (re-sign)"), ("stage/sign_cold", "sign, cold key (new signer)"),
          ("stage/sign_warm_null_crypto", "sign, warm, no hashing (null crypto)"),
          ("stage/prepare", "prepare = build + sign (warm)"), ("stage/parse_success", "parse success"),
          ("stage/parse_error", "parse error (UnknownResourceFault)"),
          ("stage/noop_transport", "the no-op transport itself"), ("call/success", "full call, success"),
          ("call/error", "full call, error"),
          ("call/success_by_value", "full call, success, result returned by value"),
          ("call/error_by_value", "full call, error, result returned by value"),
          ("call/success_null_crypto", "full call, success, no hashing"),
          ("baseline/openssl_lowlevel_warm", "OpenSSL floor, warm: SHA256_* (3 digests + HMAC)"),
          ("baseline/openssl_evp_warm", "OpenSSL EVP, warm: reused EVP_MD_CTX"),
          ("baseline/openssl_lowlevel_cold", "OpenSSL floor, cold (+ 4 HMAC key derivation)"),
          ("baseline/openssl_evp_cold", "OpenSSL EVP, cold"),
          ("baseline/openssl_HMAC_oneshot", "OpenSSL HMAC() once (reference)"),
          ("baseline/swfpp_openssl_crypto_warm", "swfpp openssl_crypto, same 3 computations"),
          ("stage/sign_warm_evp_crypto", "sign, warm, over openssl_evp_crypto (provider-backed)")]


def compare_modes(modes, opts):
    """Each benchmark in every mode side by side; a regression is flagged where a mode's median CPU
    time exceeds its reference's by more than the threshold and by more than the two medians'
    noise (half interquartile ranges), or where it allocates more. References: separate
    compilation against header-only (same run), and both against `--against-rev` when given."""
    pairs = [("separate", "header-only")]
    if "rev" in modes:
        pairs += [("header-only", "rev"), ("separate", "rev")]
    pairs = [(a, c) for a, c in pairs if a in modes and c in modes]
    names = [(n, l) for n, l in STAGES]
    names += [("threads/call_success_shared_client/real_time/threads:1", "1 thread, shared client"),
              ("threads/call_success_shared_client/real_time/threads:2", "2 threads, shared client (CPU per call)")]
    names += [(f"size/call_success/len:{n}/runId:{r}", f"full call, members {n} long{', runId' if r else ''}")
              for n in (1, 16, 64, 256) for r in (0, 1)]
    keys = [k for k in ("header-only", "separate", "rev") if k in modes]
    rows, records, regressions = [], [], []
    for name, label in names:
        ms = {k: modes[k]["benchmarks"].get(name) for k in keys}
        if not all(ms.values()):
            continue
        control = name.startswith("baseline/openssl_")
        cells = [label + (" (control: OpenSSL only)" if control else "")]
        cells += [f"{us(ms[k]['cpu_ns'])} ±{100 * ms[k]['cpu_spread']:.0f}%" for k in keys]
        flags, rec = [], {"benchmark": name, **{f"{k}_cpu_ns": ms[k]["cpu_ns"] for k in keys}}
        for a, c in pairs:
            ratio = ms[a]["cpu_ns"] / ms[c]["cpu_ns"]
            noise = ms[a]["cpu_spread"] + ms[c]["cpu_spread"]
            cells.append(f"{100 * (ratio - 1):+.1f}%")
            rec[f"{a}_vs_{c}"] = ratio
            tag = f"{a} vs {c}" if len(pairs) > 1 else ""
            if ratio - 1 > opts.regression_threshold:
                if control:
                    flags.append(f"control moved{' (' + tag + ')' if tag else ''}: load")
                elif ratio - 1 > noise:
                    flags.append(f"REGRESSION{' ' + tag if tag else ''}")
                    regressions.append({"benchmark": name, "mode": a, "reference": c,
                                        "what": f"{100 * (ratio - 1):+.1f}% CPU"})
                else:
                    flags.append(f"slower, within noise{' (' + tag + ')' if tag else ''}")
            aa, ca = ms[a].get("allocs"), ms[c].get("allocs")
            if aa is not None and ca is not None and aa > ca + 0.5 and not control:
                flags.append(f"REGRESSION allocs {fmt_count(ca)} → {fmt_count(aa)}{' ' + tag if tag else ''}")
                regressions.append({"benchmark": name, "mode": a, "reference": c,
                                    "what": f"{fmt_count(aa)} allocations per call vs {fmt_count(ca)}"})
        cells.append(" / ".join(fmt_count(ms[k].get("allocs")) for k in keys))
        cells.append("; ".join(flags) or "ok")
        rec["flags"] = flags
        rows.append(cells)
        records.append(rec)
    heads = {"header-only": "header-only CPU", "separate": "separate CPU",
             "rev": f"header-only @{modes['rev']['rev'] if 'rev' in modes else ''} CPU"}
    short = {"header-only": "header-only", "separate": "separate", "rev": "rev"}
    headers = (["benchmark"] + [heads[k] for k in keys] + [f"{short[a]} vs {short[c]}" for a, c in pairs]
               + ["allocs (" + " / ".join(short[k] for k in keys) + ")", "flag"])
    first = modes[keys[0]]["benchmarks"].get("call/success", {})
    lines = ["", f"## swfpp in both build modes, side by side (CPU medians of {first.get('repetitions', '?')} "
                 f"repetitions over {opts.rounds} interleaved round(s); ±: half interquartile range)", "",
             "Loads (1 min, before → after each run): " + "; ".join(
                 f"{short[k]}: " + ", ".join(f"{b:.1f}→{a:.1f}" for b, a in modes[k]["loads"]) for k in keys), "",
             table(headers, rows), "",
             f"A regression is flagged where a mode is more than {100 * opts.regression_threshold:.0f}% slower "
             f"(CPU) than its reference and the difference exceeds the two medians' noise, or where it "
             f"allocates more. The OpenSSL-only rows are controls: swfpp plays no part in them, so a "
             f"difference there is the machine."]
    if regressions:
        lines += ["", "REGRESSIONS:"] + [f"- {r['benchmark']}: {r['mode']}, {r['what']} vs {r['reference']}"
                                         for r in regressions]
    else:
        lines += ["", "No per-call regression flagged."]
    return lines, records, regressions


def report(modes, peers, opts):
    swfpp = modes["header-only"]
    b = swfpp["benchmarks"]
    s_ok, s_err = b["call/success"]["real_ns"], b["call/error"]["real_ns"]
    c_ok, c_err = b["call/success"]["cpu_ns"], b["call/error"]["cpu_ns"]
    rows = []
    for key, m in modes.items():
        mb = m["benchmarks"]
        if "call/success" not in mb or "call/error" not in mb:
            continue
        ok, err, cok, cerr = (mb["call/success"]["real_ns"], mb["call/error"]["real_ns"],
                              mb["call/success"]["cpu_ns"], mb["call/error"]["cpu_ns"])
        rows.append([m["client"], us(ok), us(cok), us(err), us(cerr),
                     "1" if key == "header-only" else f"{ok / s_ok:.2f}× / {cok / c_ok:.2f}×",
                     "1" if key == "header-only" else f"{err / s_err:.2f}× / {cerr / c_err:.2f}×",
                     f"{fmt_count(mb['call/success'].get('allocs'))} / {fmt_count(mb['call/error'].get('allocs'))}",
                     f"{m['load_before']:.2f} → {m['load_after']:.2f}"])
    skipped = []
    # The chart shows CPU time: on a loaded machine wall time of a single-threaded call is its CPU
    # time stretched by the load, and the reference figures were taken on a quiet one.
    chart_rows = [{"label": "swfpp (C++)", "success_ns": c_ok, "error_ns": c_err}]
    for p in peers:
        if "skipped" in p:
            skipped.append(p["skipped"])
            continue
        ok, err = p["success"]["median_ns"], p["error"]["median_ns"]
        cok, cerr = p["success"].get("cpu_median_ns"), p["error"].get("cpu_median_ns")
        rows.append([f"{p['client']} ({p['runtime']})", us(ok), us(cok), us(err), us(cerr),
                     f"{ok / s_ok:.0f}× / {cok / c_ok:.0f}×" if cok else f"{ok / s_ok:.0f}×",
                     f"{err / s_err:.0f}× / {cerr / c_err:.0f}×" if cerr else f"{err / s_err:.0f}×",
                     "—", f"{p['load_before'][0]:.2f} → {p['load_after'][0]:.2f}"])
        chart_rows.append({"label": p["client"].split(" (")[0], "success_ns": cok or ok, "error_ns": cerr or err})
    ref = AWS_SDK_CPP_REFERENCE
    rows.append([ref["client"], us(ref["success_ns"]), "—", us(ref["error_ns"]), "—",
                 f"{ref['success_ns'] / s_ok:.0f}× / —", f"{ref['error_ns'] / s_err:.0f}× / —", ref["allocs"],
                 "not this run"])
    chart_rows.insert(1, {"label": "aws-sdk-cpp 1.11", "success_ns": ref["success_ns"], "error_ns": ref["error_ns"],
                          "reference": True})
    out = ["## Per call: RequestCancelWorkflowExecution, canned response, no network (medians)", "",
           table(["client", "success wall", "success CPU", "error wall", "error CPU",
                  "× swfpp header-only success (wall / CPU)", "× swfpp header-only error (wall / CPU)",
                  "heap allocs/call", "load (1 min) before → after"], rows), ""]
    for s in skipped:
        out.append(f"skipped: {s}")
    mode_lines, mode_records, regressions = compare_modes(modes, opts)
    out += mode_lines

    def stage_row(name, label):
        m = b.get(name)
        if m is None:
            return None
        return [label, us(m["real_ns"]), us(m["cpu_ns"]), fmt_count(m.get("allocs")), fmt_count(m.get("new")),
                fmt_count(m.get("openssl")), fmt_count(m.get("bytes"))]

    stage_rows = [r for r in (stage_row(n, l) for n, l in STAGES) if r]
    out += ["", f"## swfpp by stage, header-only (medians; load {swfpp['load_before']:.2f} → {swfpp['load_after']:.2f})", "",
            table(["stage", "wall", "cpu", "allocs", "new", "openssl", "bytes"], stage_rows)]

    sig = {}
    if all(k in b for k in ("stage/sign_warm", "stage/sign_cold", "baseline/openssl_lowlevel_warm",
                            "baseline/openssl_evp_warm", "baseline/openssl_lowlevel_cold", "baseline/openssl_evp_cold")):
        sig = {
            "warm_vs_floor": b["stage/sign_warm"]["cpu_ns"] / b["baseline/openssl_lowlevel_warm"]["cpu_ns"],
            "warm_vs_evp": b["stage/sign_warm"]["cpu_ns"] / b["baseline/openssl_evp_warm"]["cpu_ns"],
            "cold_vs_floor": b["stage/sign_cold"]["cpu_ns"] / b["baseline/openssl_lowlevel_cold"]["cpu_ns"],
            "cold_vs_evp": b["stage/sign_cold"]["cpu_ns"] / b["baseline/openssl_evp_cold"]["cpu_ns"],
        }
        out += ["", "## SigV4 against OpenSSL doing only the hashing (CPU time ratios, same run)", "",
                f"- warm key: swfpp sign / OpenSSL floor = {sig['warm_vs_floor']:.2f}×, / OpenSSL EVP = {sig['warm_vs_evp']:.2f}×",
                f"- cold key: swfpp sign / OpenSSL floor = {sig['cold_vs_floor']:.2f}×, / OpenSSL EVP = {sig['cold_vs_evp']:.2f}×"]

    t1 = b.get("threads/call_success_shared_client/real_time/threads:1")
    t2 = b.get("threads/call_success_shared_client/real_time/threads:2")
    threads = {}
    if t1 and t2:
        threads = {"cpu_per_call_1": t1["cpu_ns"], "cpu_per_call_2": t2["cpu_ns"],
                   "calls_per_s_1": t1["items_per_second"], "calls_per_s_2": t2["items_per_second"]}
        out += ["", "## One client shared by 1 and 2 threads (full success call)", "",
                table(["threads", "calls/s (whole process)", "CPU per call", "allocs/call"],
                      [["1", f"{t1['items_per_second']:,.0f}", us(t1["cpu_ns"]), fmt_count(t1.get("allocs"))],
                       ["2", f"{t2['items_per_second']:,.0f}", us(t2["cpu_ns"]), fmt_count(t2.get("allocs"))]]),
                "",
                f"CPU per call, 2 threads vs 1: {100 * (t2['cpu_ns'] / t1['cpu_ns'] - 1):+.0f}% (contention shows here "
                f"even when the machine has no idle core; calls/s only scales when it has one)"]

    size_rows = []
    for n in (1, 16, 64, 256):
        cells = [str(n)]
        for r in (0, 1):
            m = b.get(f"size/call_success/len:{n}/runId:{r}")
            cells += [us(m["real_ns"]) if m else "—", fmt_count(m.get("allocs")) if m else "—"]
        size_rows.append(cells)
    if any(c != "—" for row in size_rows for c in row[1:]):
        out += ["", "## Full success call by member length (domain, workflowId, runId all that long)", "",
                table(["length", "no runId", "allocs", "with runId", "allocs"], size_rows)]

    targets = [
        ("full call ≤ 1.5 µs (success)", s_ok <= 1500, us(s_ok)),
        ("full call ≤ 1.5 µs (error)", s_err <= 1500, us(s_err)),
        ("0 allocations per call (success)", b["call/success"].get("allocs", 1) == 0,
         fmt_count(b["call/success"].get("allocs"))),
        ("0 allocations per call (error)", b["call/error"].get("allocs", 1) == 0,
         fmt_count(b["call/error"].get("allocs"))),
    ]
    if sig:
        targets.append(("SigV4 ≤ 2× OpenSSL floor (warm)", sig["warm_vs_floor"] <= 2, f"{sig['warm_vs_floor']:.2f}×"))
    if threads:
        deg = threads["cpu_per_call_2"] / threads["cpu_per_call_1"] - 1
        targets.append(("2 threads: per-call cost +≤10%", deg <= 0.10, f"{100 * deg:+.0f}% CPU per call"))
    if "separate" in modes:
        sb = modes["separate"]["benchmarks"]
        for what in ("success", "error"):
            m = sb.get(f"call/{what}")
            if m:
                ref = b[f"call/{what}"]["cpu_ns"]
                targets.append((f"separate compilation: full call ({what}) not regressed against header-only "
                                f"(CPU +≤{100 * opts.regression_threshold:.0f}% or within noise; no more allocations)",
                                not any(r["benchmark"] == f"call/{what}" and r["mode"] == "separate"
                                        and r["reference"] == "header-only" for r in regressions),
                                f"{us(m['cpu_ns'])} vs {us(ref)} ({100 * (m['cpu_ns'] / ref - 1):+.1f}%)"))
        sep_regs = [r for r in regressions if r["mode"] == "separate" and r["reference"] == "header-only"]
        targets.append(("separate compilation: no benchmark regressed against header-only", not sep_regs,
                        f"{len(sep_regs)} flagged"))
    if "rev" in modes:
        rev_regs = [r for r in regressions if r["reference"] == "rev"]
        targets.append((f"no benchmark regressed against {modes['rev']['rev']} (either mode)", not rev_regs,
                        f"{len(rev_regs)} flagged"))
    out += ["", "## Issue 5 targets (this run)", "",
            table(["target", "met", "measured"], [[t, "yes" if ok else "NO", v] for t, ok, v in targets])]
    return "\n".join(out), chart_rows, sig, threads, mode_records, regressions


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repetitions", type=int, default=3,
                    help="Google Benchmark repetitions per program per round (median over all taken)")
    ap.add_argument("--rounds", type=int, default=2,
                    help="interleaved rounds: each runs the header-only and the separate-compilation program")
    ap.add_argument("--modes", default="header-only,separate",
                    help="which build modes to run, comma-separated (header-only is always run)")
    ap.add_argument("--against-rev", metavar="REV",
                    help="also build REV's header-only swfpp_bench (git archive, into build-bench/rev-*) and "
                         "run it in the same rounds: the previous code, for regressions of either mode")
    ap.add_argument("--regression-threshold", type=float, default=0.05,
                    help="flag a mode more than this fraction slower (CPU) than its reference, beyond noise")
    ap.add_argument("--ir-threshold", type=float, default=0.02,
                    help="with --callgrind: flag a mode executing more than this fraction more instructions")
    ap.add_argument("--min-time", type=float, default=0.2, help="seconds per swfpp repetition")
    ap.add_argument("--peer-batches", type=int, default=25)
    ap.add_argument("--filter", help="Google Benchmark filter (default: every benchmark)")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--callgrind", action="store_true", help="also instructions per call under callgrind")
    ap.add_argument("--compile-time", action="store_true", help="also bench/compile_time.sh")
    ap.add_argument("--compile-rounds", type=int, default=5, help="interleaved rounds of bench/compile_time.sh")
    ap.add_argument("--all", action="store_true", help="--callgrind and --compile-time")
    ap.add_argument("--chart", default=os.path.join(BUILD, "chart.png"), help="PNG to write")
    ap.add_argument("--json", default=os.path.join(BUILD, "compare.json"), help="all figures, as JSON")
    opts = ap.parse_args()
    if opts.all:
        opts.callgrind = opts.compile_time = True

    if not opts.no_build:
        ensure_built()
    wanted = {m.strip() for m in opts.modes.split(",") if m.strip()} | {"header-only"}
    modes = [m for m in MODES if m[0] in wanted]
    for key, label, binary in list(modes):
        if key != "header-only" and not os.path.exists(binary):
            log(f"swfpp {label}: {os.path.relpath(binary, ROOT)} is missing, skipped")
            modes.remove((key, label, binary))
    rev_sha = None
    if opts.against_rev:
        rev_sha, rev_binary = build_rev(opts.against_rev)
        modes.append(("rev", f"header-only @{rev_sha}", rev_binary))
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    log(f"swfpp: Google Benchmark, {len(modes)} programs × {opts.rounds} rounds × {opts.repetitions} repetitions "
        f"(load {load():.2f})")
    mode_results = run_swfpp_modes(opts, modes)
    if rev_sha:
        mode_results["rev"]["rev"] = rev_sha
        mode_results["rev"]["client"] = f"swfpp @{rev_sha} header-only (C++17, {compiler_id()})"
    swfpp = mode_results["header-only"]
    peers = []
    if not opts.no_peers:
        log(f"botocore (load {load():.2f})")
        peers.append(run_botocore(opts))
        log(f"AWS SDK for JavaScript v3 (load {load():.2f})")
        peers.append(run_js(opts))

    text, chart_rows, sig, threads, mode_records, regressions = report(mode_results, peers, opts)
    machine = swfpp["context"]
    header = (f"# swfpp benchmark, {started}\n\nmachine: {cpu_model()}, {machine.get('num_cpus', '?')} CPUs at "
              f"{machine.get('mhz_per_cpu', '?')} MHz; load averages recorded with each figure\n")
    print(header)
    print(text)

    extra = {}
    if opts.callgrind:
        import callgrind
        if shutil.which("valgrind") is None:
            print("\ncallgrind: skipped: valgrind is not installed (Debian: valgrind)")
        else:
            log("callgrind: instructions per call, each build mode")
            jobs = [(name, None) for name in callgrind.DEFAULT_SCENARIOS]
            jobs += [("size/call_success", args) for args in callgrind.SIZE_ARGS]
            rows, figures = [], {key: {} for key, _, _ in modes}
            for scenario, args in jobs:
                name = scenario if args is None else f"{scenario}/len:{args[0]}/runId:{args[1]}"
                per = {}
                for key, _, binary in modes:
                    per[key] = callgrind.probe(binary, scenario, 1000, args) if args else \
                        callgrind.probe(binary, scenario, 1000)
                    figures[key][name] = per[key]
                h = per["header-only"]
                row = [name, f"{h['Ir']:.0f}", f"{h['Ir_no_crypto']:.0f}"]
                for key, _, _ in modes[1:]:
                    f = per[key]
                    row += [f"{f['Ir']:.0f}", f"{f['Ir_no_crypto']:.0f}",
                            f"{100 * (f['Ir'] / h['Ir'] - 1):+.1f}%" if h["Ir"] else "—"]
                row.append(" / ".join(fmt_count(per[key]["allocs"]) for key, _, _ in modes))
                rows.append(row)
            extra["callgrind"] = figures["header-only"]
            extra["callgrind_modes"] = figures
            headers = ["scenario", "Ir header-only", "Ir-crypto header-only"]
            for key, label, _ in modes[1:]:
                headers += [f"Ir {label}", f"Ir-crypto {label}", f"Ir {label} vs header-only"]
            headers.append("allocs (" + " / ".join(label for _, label, _ in modes) + ")")
            print("\n## Instructions per call (callgrind; independent of load), each build mode\n")
            print("Ir-crypto excludes libcrypto. valgrind hides SHA-NI, so libcrypto's share is larger than natively.\n")
            print(table(headers, rows))
            rises = [f"{name} ({label}: {100 * (figures[key][name]['Ir'] / figures['header-only'][name]['Ir'] - 1):+.1f}%)"
                     for key, label, _ in modes[1:] for name in figures[key]
                     if figures["header-only"][name]["Ir"]
                     and figures[key][name]["Ir"] > figures["header-only"][name]["Ir"] * (1 + opts.ir_threshold)]
            extra["callgrind_rises"] = rises
            print(f"\nMore than {100 * opts.ir_threshold:.0f}% more instructions than header-only: "
                  + ("; ".join(rises) if rises else "none"))
    if opts.compile_time:
        log("compile times")
        ct_json = os.path.join(BUILD, "compile_time.json")
        proc = subprocess.run([os.path.join(HERE, "compile_time.sh"), "--json", ct_json,
                               "--rounds", str(opts.compile_rounds)], capture_output=True, text=True)
        print("\n## Compile time (bench/compile_time.sh)\n")
        print("```\n" + proc.stdout.rstrip() + "\n```")
        if proc.returncode == 0:
            with open(ct_json) as f:
                extra["compile_time"] = json.load(f)

    subtitle = (f"REQUESTCANCELWORKFLOWEXECUTION, CANNED RESPONSES, NO NETWORK. {started}. "
                f"LOAD {swfpp['load_before']:.1f} ON {machine.get('num_cpus', '?')} CPUS")
    os.makedirs(os.path.dirname(os.path.abspath(opts.chart)), exist_ok=True)
    import chart
    axis = "MICROSECONDS OF CPU PER CALL, LOG SCALE (MEDIAN)"
    chart.render(chart_rows, opts.chart, "PER-CALL COST BY CLIENT (MEDIAN)", subtitle, axis)
    with open(opts.json, "w") as f:
        json.dump({"started": started, "swfpp": swfpp, "modes": mode_results, "mode_comparison": mode_records,
                   "regressions": regressions, "peers": peers, "sigv4": sig, "threads": threads,
                   "chart_rows": chart_rows, "chart_subtitle": subtitle, "chart_axis": axis, **extra}, f, indent=1)
    print(f"\nchart: {os.path.relpath(opts.chart, ROOT)}; all figures: {os.path.relpath(opts.json, ROOT)}")
    return 0


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Where the heap allocations of one steady-state call come from.

Runs a benchmark scenario in probe mode under gdb (after 100 warm-up calls), stops at every
malloc made during the measured calls, and prints each one's size and the innermost swfpp (or
benchmark) frames of its stack, e.g.

    48 B  build_request<...>  <-  basic_client<...>::run<...>
    python3 tools/bench-alloc-sites.py call/success [--binary build-bench/bench/swfpp_bench] [--raw]

Needs gdb. Frames come from the symbol table, so a release build is enough.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GDB_SCRIPT = """set pagination off
set print thread-events off
set breakpoint pending on
break __libc_malloc if *(int*)&swfpp_bench_measuring
commands
silent
printf "@@alloc %lu\\n", $rdi
bt 14
continue
end
break __libc_realloc if *(int*)&swfpp_bench_measuring
commands
silent
printf "@@alloc %lu (realloc)\\n", $rsi
bt 14
continue
end
break __libc_calloc if *(int*)&swfpp_bench_measuring
commands
silent
printf "@@alloc %lu (calloc)\\n", $rdi * $rsi
bt 14
continue
end
run
"""

NOISE = re.compile(r"^(operator new|std::|__gnu_cxx::|counting_|\(anonymous namespace\)::counting|counted_new|"
                   r"CRYPTO_|__GI_|malloc|\?\?|void std::)")


def simplify(fn):
    fn = fn.replace("std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >", "std::string")
    fn = re.sub(r"swfpp::v\d+_\d+::", "", fn)
    fn = fn.replace("(anonymous namespace)::", "")
    # Drop argument lists and template arguments for a readable site name.
    out, depth = [], 0
    for ch in fn:
        if ch in "<(":
            if depth == 0:
                out.append("<…>" if ch == "<" else "()")
            depth += 1
        elif ch in ">)":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out).replace(" [clone .isra.0]", "").replace(" [clone .constprop.0]", "").strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scenario")
    ap.add_argument("--binary", default=os.path.join(ROOT, "build-bench", "bench", "swfpp_bench"))
    ap.add_argument("--raw", action="store_true", help="print gdb's backtraces as they are")
    opts = ap.parse_args()
    if shutil.which("gdb") is None:
        print("bench-alloc-sites: gdb is not installed (Debian: gdb)", file=sys.stderr)
        return 2
    with tempfile.NamedTemporaryFile("w", suffix=".gdb", delete=False) as f:
        f.write(GDB_SCRIPT)
        script = f.name
    try:
        proc = subprocess.run(["gdb", "-q", "-batch", "-x", script, "--args", opts.binary,
                               f"--probe={opts.scenario}", "--probe-iterations=1"],
                              capture_output=True, text=True)
    finally:
        os.unlink(script)
    if opts.raw:
        print(proc.stdout)
        return proc.returncode
    allocs = []
    for block in proc.stdout.split("@@alloc ")[1:]:
        lines = block.splitlines()
        size = lines[0].strip()
        frames = []
        for line in lines[1:]:
            m = re.match(r"#\d+\s+(?:0x[0-9a-f]+ in )?(.*?)(?: \(.*\))?(?: at .*| from .*)?$", line)
            if not m:
                continue
            name = m.group(1)
            name = re.sub(r" \(\)$", "", name)
            frames.append(name)
        # The allocator frames first, then library internals: keep the first three frames
        # that belong to swfpp, OpenSSL's entry points or the benchmark.
        interesting = [simplify(f) for f in frames if not NOISE.match(simplify(f))]
        lib = next((simplify(f) for f in frames if simplify(f).startswith(("std::", "EVP_", "CRYPTO_"))), "")
        allocs.append((size, lib, interesting[:3]))
    for size, lib, chain in allocs:
        site = "  <-  ".join(chain) if chain else "?"
        print(f"{size:>16} B  {site}" + (f"   [{lib}]" if lib else ""))
    print(f"{len(allocs)} allocations in one call")
    return 0


if __name__ == "__main__":
    sys.exit(main())

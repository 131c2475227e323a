#!/usr/bin/env python3
"""Compiles one file that must NOT compile, and checks the diagnostic says why.

usage: expect_compile_error.py SOURCE -- COMPILER [ARGS...]
The expected text is on the source's `// expect: ...` line. Exit 0 only if compilation fails
and the compiler's output contains that text.
"""
import pathlib
import subprocess
import sys

args = sys.argv[1:]
source = pathlib.Path(args[0])
compiler = args[args.index("--") + 1:]
expected = next(line.split("expect:", 1)[1].strip()
                for line in source.read_text().splitlines() if line.startswith("// expect:"))
proc = subprocess.run(compiler + ["-fsyntax-only", str(source)], capture_output=True, text=True)
if proc.returncode == 0:
    print(f"{source.name} compiled, but must not")
    sys.exit(1)
if expected not in proc.stderr:
    print(f"{source.name} failed to compile without saying '{expected}':\n{proc.stderr[:4000]}")
    sys.exit(1)
print(f"{source.name}: rejected with '{expected}'")

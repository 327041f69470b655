"""Build benchmark: times full builds of both languages and prints total and per-page cost.

    python3 scripts/bench_build.py              # 3 strict builds with everything
    python3 scripts/bench_build.py --compare    # also 3 builds without the glossary component

Each build runs in a fresh process (``python -m mkdocs build``), as a reader of the README
would run it; the figure reported is the median wall time.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def one_build(strict: bool, disable: str = "") -> tuple[float, int]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "BOOK_BENCH_DISABLE": disable}
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", out] + (["--strict"] if strict else [])
        start = time.perf_counter()
        result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if strict and result.returncode != 0:
            sys.exit(f"strict build failed:\n{result.stderr[-3000:]}")
        pages = sum(1 for p in pathlib.Path(out).rglob("index.html"))
    return elapsed, pages


def measure(label: str, runs: int, strict: bool, disable: str = "") -> float:
    times, pages = [], 0
    for _ in range(runs):
        t, pages = one_build(strict, disable)
        times.append(t)
    median = statistics.median(times)
    print(f"{label:<28} {median:7.2f} s  ({pages} pages, {1000 * median / pages:6.1f} ms/page; "
          f"runs: {', '.join(f'{t:.2f}' for t in times)})")
    return median


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--compare", action="store_true", help="also build without the glossary component")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    full = measure("full strict build", args.runs, strict=True)
    if args.compare:
        # Without the glossary the chapters' glossary links dangle, so this build is not strict.
        bare = measure("without glossary component", args.runs, strict=False, disable="glossary")
        print(f"glossary component: {full - bare:+.2f} s ({100 * (full - bare) / bare:+.1f}% of the build without it)")


if __name__ == "__main__":
    main()

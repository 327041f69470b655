"""Page budget: Lighthouse (mobile preset, Debian's Chromium) on every page of both
languages, served locally with gzip as GitHub Pages serves it.

    python3 scripts/bench_lighthouse.py                    # builds the site, every page, 3 runs each
    python3 scripts/bench_lighthouse.py --site site        # use an existing build
    python3 scripts/bench_lighthouse.py --pages index glossary --runs 1   # a few pages

Lighthouse comes from the npm registry at a pinned version and is installed on first use
into .bench/ (not a test dependency). Budget, for every page: 100 in performance,
accessibility, best practices and SEO (the median of --runs runs) and at most 100 KiB
transferred for the first view. The script prints a Markdown table and exits with
status 1 when any page misses the budget. A full run (44 pages x 3 runs) takes about 30 minutes
on a 2-core machine.
"""
from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
from llmbook import localsite

ROOT = pathlib.Path(__file__).resolve().parent.parent
LIGHTHOUSE_VERSION = "13.5.0"
BENCH = ROOT / ".bench"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip for text types and cache headers like GitHub Pages'."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path) or not path.endswith(COMPRESSIBLE) or \
                "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        data = gzip.compress(pathlib.Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(data)


def serve(site: pathlib.Path):
    """The built site on loopback, gzipped as GitHub Pages serves it."""
    return localsite.serve(site, GzipHandler)


def lighthouse_bin() -> pathlib.Path:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        BENCH.mkdir(exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", str(BENCH),
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return binary


def all_pages() -> list[str]:
    """Every page of the book by slug in nav order, the home page ('index') first."""
    from llmbook import nav
    return ["index"] + [p.slug for p in nav.book(str(ROOT / "mkdocs.yml")) if p.slug != "index"]


def run(url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "report.json"
        flags = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                 "--disable-component-update --disable-sync --no-first-run")
        subprocess.run([str(lighthouse_bin()), url, "--quiet", "--output=json", f"--output-path={out}",
                        f"--chrome-flags={flags}", "--only-categories=performance,accessibility,best-practices,seo"],
                       check=True, env={**os.environ, "CHROME_PATH": CHROME})
        report = json.loads(out.read_text(encoding="utf-8"))
    cats = report["categories"]
    audits = report["audits"]
    weight = audits["total-byte-weight"]["numericValue"]
    return {"performance": cats["performance"]["score"], "accessibility": cats["accessibility"]["score"],
            "best-practices": cats["best-practices"]["score"], "seo": cats["seo"]["score"],
            "kib": weight / 1024,
            "metrics": {name: audits[audit]["numericValue"] for name, audit in METRICS.items()}}


# The simulated metrics behind the performance score, printed for a page that misses it.
METRICS = {"FCP": "first-contentful-paint", "SI": "speed-index", "LCP": "largest-contentful-paint",
           "TBT": "total-blocking-time", "CLS": "cumulative-layout-shift"}


def describe(results: list[dict]) -> str:
    """One line per run: its performance score and the metrics behind it."""
    return "; ".join(
        f"{round(r['performance'] * 100)}: " + ", ".join(
            f"{name} {value:.3f}" if name == "CLS" else f"{name} {value:.0f} ms"
            for name, value in r["metrics"].items())
        for r in results)


BUDGET_SCORE = 100
BUDGET_KIB = 100


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", help="an existing build (default: build now)")
    ap.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median is shown")
    ap.add_argument("--pages", nargs="*", help="slugs ('index' for the home page); default: every page")
    ap.add_argument("--langs", nargs="*", default=["ko", "en"])
    args = ap.parse_args()
    if args.site:
        site = pathlib.Path(args.site).resolve()
    else:
        site = pathlib.Path(tempfile.mkdtemp()) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
    slugs = args.pages or all_pages()
    unknown = [s for s in slugs if s not in all_pages()]
    if unknown:
        sys.exit(f"unknown page(s): {', '.join(unknown)} (see docs/ko/*.md)")
    httpd, base = serve(site)
    print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile preset, {CHROME}, gzip, localhost, median of {args.runs} runs")
    print(f"Budget: {BUDGET_SCORE} in every category, first view <= {BUDGET_KIB} KiB")
    print("| page | performance | accessibility | best practices | SEO | transferred | budget |")
    print("|---|---|---|---|---|---|---|")
    misses = []
    try:
        for lang in args.langs:
            for slug in slugs:
                path = ("" if lang == "ko" else f"{lang}/") + ("" if slug == "index" else f"{slug}/")
                results = [run(base + path) for _ in range(args.runs)]
                r = {key: statistics.median(res[key] for res in results) for key in results[0] if key != "metrics"}
                scores = [round(r[k] * 100) for k in ("performance", "accessibility", "best-practices", "seo")]
                ok = min(scores) >= BUDGET_SCORE and r["kib"] <= BUDGET_KIB
                if not ok:
                    misses.append(f"{slug} ({lang}) runs: {describe(results)}")
                print(f"| {slug} ({lang}) | " + " | ".join(map(str, scores)) +
                      f" | {r['kib']:.0f} KiB | {'ok' if ok else 'MISS'} |", flush=True)
    finally:
        httpd.shutdown()
    if misses:
        print("over budget:")
        for miss in misses:
            print(f"  {miss}")
        sys.exit(1)


if __name__ == "__main__":
    main()

"""Page budget: Lighthouse (mobile preset, Debian's Chromium) on the home page and the
largest chapter in each language, served locally with gzip as GitHub Pages serves it.

    python3 scripts/bench_lighthouse.py            # builds the site, prints a table
    python3 scripts/bench_lighthouse.py --site site   # use an existing build

Lighthouse comes from the npm registry at a pinned version and is installed on first use
into .bench/ (not a test dependency). Targets: performance >= 98; accessibility, best
practices and SEO 100; at most 150 KiB transferred for a chapter's first view.
"""
from __future__ import annotations

import argparse
import functools
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
import threading

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
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def lighthouse_bin() -> pathlib.Path:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        BENCH.mkdir(exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", str(BENCH),
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return binary


def largest_chapter(site: pathlib.Path) -> str:
    """The chapter (not a reference page such as the glossary) with the most HTML."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import frontmatter
    slugs = [p.stem for p in (ROOT / "docs" / "ko").glob("*.md")
             if p.stem != "index" and frontmatter.read(str(p)).get("kind") != "reference"]
    return max(slugs, key=lambda slug: (site / slug / "index.html").stat().st_size)


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
    weight = report["audits"]["total-byte-weight"]["numericValue"]
    return {"performance": cats["performance"]["score"], "accessibility": cats["accessibility"]["score"],
            "best-practices": cats["best-practices"]["score"], "seo": cats["seo"]["score"],
            "kib": weight / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", help="an existing build (default: build now)")
    ap.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median is shown")
    args = ap.parse_args()
    if args.site:
        site = pathlib.Path(args.site).resolve()
    else:
        site = pathlib.Path(tempfile.mkdtemp()) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
    httpd, base = serve(site)
    chapter = largest_chapter(site)
    pages = [("home (ko)", ""), ("home (en)", "en/"), (f"{chapter} (ko)", f"{chapter}/"),
             (f"{chapter} (en)", f"en/{chapter}/")]
    print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile preset, {CHROME}, gzip, localhost, median of {args.runs} runs")
    print(f"| page | performance | accessibility | best practices | SEO | transferred |")
    print(f"|---|---|---|---|---|---|")
    try:
        for label, path in pages:
            results = [run(base + path) for _ in range(args.runs)]
            r = {key: statistics.median(res[key] for res in results) for key in results[0]}
            print(f"| {label} | {r['performance'] * 100:.0f} | {r['accessibility'] * 100:.0f} | "
                  f"{r['best-practices'] * 100:.0f} | {r['seo'] * 100:.0f} | {r['kib']:.0f} KiB |", flush=True)
    finally:
        httpd.shutdown()


if __name__ == "__main__":
    main()

"""Screenshots for a one-minute design review: the home page, two chapters and the
glossary (its index and a part page), at 375 px and 1280 px, light and dark, Korean and English.

    python3 scripts/screenshots.py                       # builds the site, writes screenshots/
    python3 scripts/screenshots.py --site /tmp/site --out /tmp/shots
    python3 scripts/screenshots.py --pages transformer --full

Each PNG is named <lang>-<page>-<width>-<scheme>.png and shows the top of the page, at
most --height pixels (the whole page with --full). Extra views of a section can be asked
for as page#id (e.g. language-models#korean-tokens). Uses Debian's Chromium through
Playwright, like the browser tests.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
from llmbook.localsite import launch, serve

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_PAGES = ["", "language-models", "transformer", "glossary", "glossary-1",
                 "language-models#korean-tokens", "transformer#worked-example"]


def build() -> pathlib.Path:
    site = pathlib.Path(tempfile.mkdtemp()) / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"build failed:\n{result.stderr}")
    return site


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", help="an existing build (default: build now)")
    ap.add_argument("--out", default=str(ROOT / "screenshots"), help="output folder (default: screenshots/)")
    ap.add_argument("--pages", nargs="*", default=DEFAULT_PAGES, help="slugs, '' for home, slug#id for a section")
    ap.add_argument("--widths", nargs="*", type=int, default=[375, 1280])
    ap.add_argument("--schemes", nargs="*", default=["light", "dark"])
    ap.add_argument("--langs", nargs="*", default=["ko", "en"])
    ap.add_argument("--height", type=int, default=2400, help="pixels from the top of each page")
    ap.add_argument("--full", action="store_true", help="the whole page")
    args = ap.parse_args()
    site = pathlib.Path(args.site).resolve() if args.site else build()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    httpd, base = serve(site)
    from playwright.sync_api import sync_playwright
    written = 0
    with sync_playwright() as p:
        browser = launch(p)
        for scheme in args.schemes:
            for width in args.widths:
                ctx = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
                page = ctx.new_page()
                for lang in args.langs:
                    for spec in args.pages:
                        slug, _, anchor = spec.partition("#")
                        url = base + ("" if lang == "ko" else "en/") + (f"{slug}/" if slug else "")
                        page.goto(url + (f"#{anchor}" if anchor else ""))
                        page.wait_for_load_state("load")
                        name = f"{lang}-{slug or 'home'}{'-' + anchor if anchor else ''}-{width}-{scheme}.png"
                        if anchor:
                            page.screenshot(path=out / name)
                        else:
                            total = page.evaluate("document.documentElement.scrollHeight")
                            clip = None if args.full else {"x": 0, "y": 0, "width": width,
                                                            "height": min(total, args.height)}
                            page.screenshot(path=out / name, full_page=True, clip=clip)
                        written += 1
                ctx.close()
        browser.close()
    httpd.shutdown()
    print(f"{written} screenshots in {out}")


if __name__ == "__main__":
    main()

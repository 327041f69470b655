"""Search relevance benchmark: real queries through the site's real search, in Chromium.

Usage:
    python3 scripts/bench_search.py [--site DIR] [--lang ko|en] [--show-misses]

Builds the site strictly (unless --site names a built one), serves it on loopback, opens
Material's search in headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM), types
every query of tests/data/search_queries.yml with real key events (Hangul as an IME
delivers it) and reads the results as a reader sees them. For each language it prints
hit@1, hit@3 and the mean reciprocal rank of the chapter that best teaches each query,
how many results came from the other language, and how many of the top three results
had an empty snippet. tests/test_search_relevance.py asserts the goals with the same code.
"""
from __future__ import annotations

import argparse
import gzip
import os
import pathlib
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

import yaml

from llmbook.localsite import launch, serve

ROOT = pathlib.Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "data" / "search_queries.yml"
LANG_PREFIX = {"ko": "", "en": "en/"}

# Results as the reader sees them: one list item per page, in rank order. For each, the
# page's path, whether it belongs to the other language, and its snippet text.
READ_RESULTS = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const items = [...document.querySelectorAll('li.md-search-result__item')].map(li => {
    const a = li.querySelector('a.md-search-result__link');
    // The snippet: what the result shows besides titles (the teaser text of the page
    // or of its best sections, "more on this page" summaries excluded).
    const snippet = [...li.querySelectorAll(':scope > a .md-search-result__article')].map(art => {
      const copy = art.cloneNode(true);
      copy.querySelectorAll('h1, h2, .md-search-result__icon, .md-search-result__terms').forEach(e => e.remove());
      return copy.textContent.trim();
    }).join(' ').trim();
    return {href: a ? a.href : '', snippet: snippet};
  });
  return {meta: meta ? meta.textContent : '', items: items,
          value: document.querySelector('input.md-search__input').value};
}"""


def load_queries(path: pathlib.Path = QUERIES) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = {}
    for lang, rows in data.items():
        out[lang] = [(str(r["q"]), tuple(r["page"]) if isinstance(r["page"], list) else (r["page"],))
                     for r in rows]
    return out


def slug_of(href: str, base: str) -> tuple[str, str]:
    """(language, page slug) of a result link: ('en', 'transformer') for .../en/transformer/#x."""
    path = urlparse(href).path[len(urlparse(base).path):]
    lang = "en" if path.startswith("en/") else "ko"
    if lang == "en":
        path = path[3:]
    slug = path.strip("/").split("/")[0] or "index"
    return lang, slug


def type_keys(page, text: str) -> None:
    """Real key events: ASCII through the keyboard; a Hangul syllable as a Korean IME
    delivers it (keydown 'Process' / keyCode 229, the committed text, keyup)."""
    cdp = page.context.new_cdp_session(page)
    for char in text:
        if char.isascii():
            page.keyboard.press(char if char != " " else "Space")
        else:
            event = {"key": "Process", "code": "", "windowsVirtualKeyCode": 229, "nativeVirtualKeyCode": 229}
            cdp.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", **event})
            cdp.send("Input.insertText", {"text": char})
            cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", **event})
    cdp.detach()


def run_query(page, query: str, timeout: float = 20.0) -> list[dict]:
    """Type ``query`` into Material's search and return the settled result list."""
    page.keyboard.press("Escape")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("/")
    page.wait_for_selector("input.md-search__input:focus")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    type_keys(page, query)
    # Settled: the input holds the whole query, the result line shows a count (not
    # "initializing"), and the list is unchanged across two reads 200 ms apart.
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        state = page.evaluate(READ_RESULTS)
        ready = state["value"] == query and any(w in state["meta"] for w in ("일치", "matching", "Matching"))
        if ready and state == last:
            return state["items"]
        last = state if ready else None
        page.wait_for_timeout(200)
    raise TimeoutError(f"search for {query!r} did not settle")


@dataclass
class Score:
    lang: str
    ranks: list[int | None] = field(default_factory=list)  # 1-based rank of the expected page
    misses: list[str] = field(default_factory=list)
    other_language: list[str] = field(default_factory=list)
    empty_snippets: list[str] = field(default_factory=list)

    def hit(self, k: int) -> float:
        return sum(1 for r in self.ranks if r is not None and r <= k) / len(self.ranks)

    @property
    def mrr(self) -> float:
        return sum(1 / r for r in self.ranks if r) / len(self.ranks)

    def line(self) -> str:
        return (f"{self.lang}: {len(self.ranks)} queries  hit@1 {self.hit(1):.1%}  hit@3 {self.hit(3):.1%}"
                f"  MRR {self.mrr:.3f}  other-language results {len(self.other_language)}"
                f"  empty snippets in top 3 {len(self.empty_snippets)}")


def score_language(browser, base: str, lang: str, queries) -> Score:
    score = Score(lang)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.goto(base + LANG_PREFIX[lang])
    for query, expected in queries:
        items = run_query(page, query)
        slugs = []
        for item in items:
            item_lang, slug = slug_of(item["href"], base)
            if item_lang != lang:
                score.other_language.append(f"{query!r}: {item['href']}")
            if slug not in slugs:
                slugs.append(slug)
        for item in items[:3]:
            if not item["snippet"]:
                score.empty_snippets.append(f"{query!r}: {item['href']}")
        rank = next((i + 1 for i, s in enumerate(slugs) if s in expected), None)
        score.ranks.append(rank)
        if rank != 1:
            score.misses.append(f"{query!r} -> want {'/'.join(expected)}, rank {rank}; got {slugs[:4]}")
    ctx.close()
    return score


def speed(browser, base: str, lang: str, query: str, rate: int = 4) -> tuple[float, float]:
    """(ms from opening search to the first results, median ms from a keystroke to updated
    results) for ``query`` in a fresh page with the CPU slowed ``rate`` times, as on a phone.
    The first figure includes fetching and indexing the language's search index."""
    ctx = browser.new_context(viewport={"width": 375, "height": 740})
    page = ctx.new_page()
    page.goto(base + LANG_PREFIX[lang])
    cdp = ctx.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    start = time.monotonic()
    page.keyboard.press("/")
    page.wait_for_selector("input.md-search__input:focus")
    type_keys(page, query[0])
    page.wait_for_function("() => /일치|matching/i.test(document.querySelector('.md-search-result__meta')?.textContent || '')",
                           timeout=120000)
    first = (time.monotonic() - start) * 1000
    keystrokes = []
    for char in query[1:]:
        before = page.evaluate("document.querySelector('.md-search-result__list').innerHTML")
        t = time.monotonic()
        type_keys(page, char)
        page.wait_for_function("b => document.querySelector('.md-search-result__list').innerHTML !== b", arg=before,
                               timeout=30000)
        keystrokes.append((time.monotonic() - t) * 1000)
    ctx.close()
    keystrokes.sort()
    return first, keystrokes[len(keystrokes) // 2] if keystrokes else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=pathlib.Path, help="an already built site (default: build one)")
    parser.add_argument("--lang", choices=("ko", "en"), action="append")
    parser.add_argument("--show-misses", action="store_true", help="list every query not ranked first")
    args = parser.parse_args()
    site = args.site
    if site is None:
        site = pathlib.Path(tempfile.mkdtemp()) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
    from playwright.sync_api import sync_playwright
    queries = load_queries()
    httpd, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = launch(p)
            for lang in args.lang or ("ko", "en"):
                score = score_language(browser, base, lang, queries[lang])
                print(score.line())
                index = site / (LANG_PREFIX[lang] + "search/search_index.json")
                raw = index.read_bytes()
                first, key = speed(browser, base, lang, "트랜스포머" if lang == "ko" else "transformer")
                print(f"    index {len(raw) / 1024:.0f} KiB ({len(gzip.compress(raw, 6)) / 1024:.0f} KiB gzip);"
                      f" at 4x CPU throttling: first results {first:.0f} ms after opening search"
                      f" (index fetched and built), then {key:.0f} ms per keystroke (median)")
                if args.show_misses:
                    for line in score.misses + score.other_language + score.empty_snippets:
                        print("   ", line)
            browser.close()
    finally:
        httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

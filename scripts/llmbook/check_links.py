"""Links of the built site: every internal link and anchor resolves, every external URL
is well-formed https, and the list of external links is kept in ``external-links.tsv``.

Internal links are checked in the built HTML of both languages, so links written as raw
HTML, generated glossary and timeline links, and anchors created by the plugins are all
covered. External URLs are only checked for form here (the build has no network); the
weekly workflow runs ``--online`` to request each one for real.

    python3 scripts/check_links.py SITE_DIR              # internal links + external form
    python3 scripts/check_links.py SITE_DIR --write      # also rewrite external-links.tsv
    python3 scripts/check_links.py SITE_DIR --online     # request every external URL
"""
from __future__ import annotations

import argparse
import html.parser
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

LIST_FILE = "external-links.tsv"
# Pages Material generates that link to nothing of ours worth checking.
SKIP_PAGES = {"404.html"}


class _Page(html.parser.HTMLParser):
    """Collects ids and outgoing links (tag, attribute, value, line) of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, int]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key) and (key == "id" or tag == "a"):
                self.ids.add(attrs[key])
        for key in ("href", "src"):
            value = attrs.get(key)
            if value is None or tag in ("base",):
                continue
            if tag == "link" and "canonical" in (attrs.get("rel") or ""):
                continue
            self.links.append((tag, value, self.getpos()[0]))


def parse(path: str) -> _Page:
    page = _Page()
    with open(path, encoding="utf-8") as fh:
        page.feed(fh.read())
    return page


def site_pages(site_dir: str) -> list[str]:
    out = []
    for folder, _dirs, files in os.walk(site_dir):
        for name in files:
            if name.endswith(".html") and name not in SKIP_PAGES:
                out.append(os.path.join(folder, name))
    return sorted(out)


def _target(site_dir: str, page_path: str, url_path: str) -> str | None:
    """The file an internal URL path points to, or None if nothing is there."""
    base = os.path.dirname(page_path)
    path = os.path.normpath(os.path.join(base, urllib.parse.unquote(url_path))) if url_path else page_path
    if not path.startswith(os.path.normpath(site_dir)):
        return None
    if os.path.isdir(path):
        path = os.path.join(path, "index.html")
    return path if os.path.isfile(path) else None


def check_internal(site_dir: str) -> tuple[list[str], dict[str, list[str]]]:
    """(problems, external URL -> pages citing it)."""
    pages = site_pages(site_dir)
    parsed = {p: parse(p) for p in pages}
    problems, external = [], {}
    for path, page in parsed.items():
        shown = os.path.relpath(path, site_dir)
        for tag, value, line in page.links:
            url = urllib.parse.urlsplit(value)
            if url.scheme in ("http", "https") or value.startswith("//"):
                if tag == "a":
                    external.setdefault(value, [])
                    if shown not in external[value]:
                        external[value].append(shown)
                continue
            if url.scheme in ("mailto", "data", "javascript", "tel"):
                continue
            if url.scheme:
                problems.append(f"{shown}:{line}: unsupported link scheme in {value!r}")
                continue
            target = _target(site_dir, path, url.path)
            if target is None:
                problems.append(f"{shown}:{line}: broken link {value!r} (no file at that path)")
                continue
            if url.fragment and target.endswith(".html"):
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if urllib.parse.unquote(url.fragment) not in ids:
                    problems.append(f"{shown}:{line}: broken anchor {value!r} "
                                    f"(no id '{url.fragment}' in {os.path.relpath(target, site_dir)})")
    return problems, external


def check_external_form(external: dict[str, list[str]]) -> list[str]:
    problems = []
    for url, pages in sorted(external.items()):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme != "https":
            problems.append(f"{pages[0]}: external link is not https: {url}")
        elif not parts.netloc or "." not in parts.netloc or " " in url:
            problems.append(f"{pages[0]}: malformed external link: {url}")
    return problems


def external_list(external: dict[str, list[str]]) -> str:
    lines = ["url\tpages"]
    for url in sorted(external):
        lines.append(f"{url}\t{' '.join(sorted(external[url]))}")
    return "\n".join(lines) + "\n"


def check_online(urls: list[str], delay: float = 1.0, retries: int = 3, timeout: float = 20.0) -> list[str]:
    """Request every URL (HEAD, then GET) with retries and a polite delay between requests."""
    dead = []
    headers = {"User-Agent": "llm-textbook-link-check/1.0 (+weekly check of cited sources)"}
    for url in urls:
        last = ""
        for attempt in range(retries):
            for method in ("HEAD", "GET"):
                try:
                    req = urllib.request.Request(url, method=method, headers=headers)
                    with urllib.request.urlopen(req, timeout=timeout) as resp:
                        if resp.status < 400:
                            last = ""
                            break
                        last = f"HTTP {resp.status}"
                except urllib.error.HTTPError as err:
                    last = f"HTTP {err.code}"
                    if err.code in (403, 405, 429) and method == "HEAD":
                        continue   # some hosts refuse HEAD or bots; try GET
                except Exception as err:   # network errors are reported, not raised
                    last = type(err).__name__
            if not last:
                break
            time.sleep(delay * (attempt + 2))
        if last:
            dead.append(f"{url}: {last}")
        time.sleep(delay)
    return dead


def main(argv: list[str] | None = None, list_file: str = LIST_FILE) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site_dir")
    ap.add_argument("--write", action="store_true", help=f"rewrite {os.path.basename(list_file)}")
    ap.add_argument("--online", action="store_true", help="request every external URL")
    args = ap.parse_args(argv)
    problems, external = check_internal(args.site_dir)
    problems += check_external_form(external)
    if args.write:
        with open(list_file, "w", encoding="utf-8") as fh:
            fh.write(external_list(external))
    if args.online:
        problems += [f"dead external link: {d}" for d in check_online(sorted(external))]
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s); {len(external)} external URL(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

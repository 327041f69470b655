"""Translation parity and freshness of every Korean/English page pair.

Parity: the two pages of a pair have the same figures (count), the same quiz questions
(count), the same glossary terms linked, the same number of references, and a length
ratio inside ``RATIO_BAND`` (Korean characters per English character, letters only).
(Heading ids are checked by ``pairs``.)

Freshness: each page's front matter records ``aligned:``, a hash of its counterpart's
body at the moment the two were last brought into line. When one side changes and the
other does not, the recorded hash no longer matches and the build fails, naming the pair.
After updating both sides, record the new state with::

    python3 scripts/parity.py --align transformer     # one pair
    python3 scripts/parity.py --align-all             # every pair
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys

from .frontmatter import split
from .problems import report

CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
URL = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")
# Korean letters per English letter, measured on this book's page pairs (about 0.45-0.6):
# a page far outside the band has most likely lost or gained a passage in one language.
RATIO_BAND = (0.3, 0.95)
MIN_LETTERS_FOR_RATIO = 1500
ALIGNED = re.compile(r"^aligned:.*$", re.M)


def body_hash(body: str) -> str:
    normal = "\n".join(line.rstrip() for line in body.replace("\r\n", "\n").strip().split("\n"))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def features(page) -> dict:
    """What parity compares, from one ``markdown.Page`` (code excluded by the reader)."""
    prose = URL.sub(" ", CODE.sub(" ", page.body))
    return {
        "figures": page.figure_count,
        "quiz questions": page.quiz_count,
        "glossary terms": sorted({ident for ident, _ in page.glossary_refs}),
        "references": page.reference_count,
        "hangul": len(re.findall("[가-힣]", prose)),
        "latin": len(re.findall("[A-Za-z]", prose)),
    }


def compare(ko_page, en_page) -> list[str]:
    """Parity problems between a Korean and an English ``markdown.Page``."""
    ko, en = features(ko_page), features(en_page)
    problems = []
    for key in ("figures", "quiz questions", "references"):
        if ko[key] != en[key]:
            problems.append(f"{key}: Korean {ko[key]}, English {en[key]}")
    if ko["glossary terms"] != en["glossary terms"]:
        only_ko = sorted(set(ko["glossary terms"]) - set(en["glossary terms"]))
        only_en = sorted(set(en["glossary terms"]) - set(ko["glossary terms"]))
        problems.append(("glossary terms differ: "
                         + (f"only in Korean {only_ko} " if only_ko else "")
                         + (f"only in English {only_en}" if only_en else "")).strip())
    if en["latin"] >= MIN_LETTERS_FOR_RATIO:
        ratio = (ko["hangul"] + 0.5 * ko["latin"]) / en["latin"]
        low, high = RATIO_BAND
        if not low <= ratio <= high:
            problems.append(f"length ratio {ratio:.2f} (Korean letters per English letter) is outside "
                            f"{low}-{high}: one side has likely lost or gained a passage")
    return problems


def _read(path: str) -> tuple[dict, str, str]:
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    meta, body = split(text, path)
    return meta, body, text


def check(book, root: str | None = None, slugs: list[str] | None = None) -> list[str]:
    """Parity and freshness problems for every pair of a ``markdown.Book`` (or ``slugs``), each reported."""
    problems = []
    for slug in slugs or sorted(book.slugs("ko")):
        ko, en = book.page("ko", slug), book.page("en", slug)
        if ko is None or en is None or ko.meta_error or en.meta_error:
            continue   # reported by pairs.check
        for message in compare(ko, en):
            problems.append(report(en.path, 0, f"differs from {os.path.relpath(ko.path, root) if root else ko.path}: {message}", root))
        for page, other in ((ko, en), (en, ko)):
            recorded, actual = str(page.meta.get("aligned") or ""), body_hash(other.body)
            shown_other = os.path.relpath(other.path, root) if root else other.path
            if not recorded:
                problems.append(report(page.path, 1, f"front matter has no 'aligned' hash of {shown_other}; "
                                       f"run: python3 scripts/parity.py --align {slug}", root))
            elif recorded != actual:
                problems.append(report(page.path, 1, f"is out of date: {shown_other} changed since the pair was last "
                                       f"aligned (recorded {recorded}, now {actual}). Bring this page in line, "
                                       f"then run: python3 scripts/parity.py --align {slug}", root))
    return problems


def align(docs_dir: str, slug: str) -> None:
    """Record in each page of the pair the hash of its counterpart's current body."""
    paths = {lang: os.path.join(docs_dir, lang, f"{slug}.md") for lang in ("ko", "en")}
    bodies = {lang: _read(path)[1] for lang, path in paths.items()}
    for lang, other in (("ko", "en"), ("en", "ko")):
        text = _read(paths[lang])[2]
        line = f"aligned: {body_hash(bodies[other])}"
        head, sep, rest = text[4:].partition("\n---\n")
        head = ALIGNED.sub(line, head) if ALIGNED.search(head) else head.rstrip("\n") + "\n" + line
        with open(paths[lang], "w", encoding="utf-8") as fh:
            fh.write("---\n" + head + sep + rest)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", default="docs", help="the docs folder (default: ./docs)")
    ap.add_argument("--align", metavar="SLUG", action="append", default=[])
    ap.add_argument("--align-all", action="store_true")
    args = ap.parse_args(argv)
    slugs = args.align
    if args.align_all:
        slugs = sorted(n[:-3] for n in os.listdir(os.path.join(args.docs, "ko")) if n.endswith(".md"))
    for slug in slugs:
        align(args.docs, slug)
        print(f"aligned {slug}")
    if not slugs:
        import logging
        logging.basicConfig(format="%(message)s")
        from .markdown import Book
        root = os.path.dirname(os.path.abspath(args.docs))
        return 1 if check(Book(args.docs, ("ko", "en"), root), root) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

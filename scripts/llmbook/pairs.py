"""Every page exists in both languages, and every h2/h3 has an explicit English id.

The language trees ``docs/<lang>`` must hold the same Markdown pages and the same
figures; a file in one tree only is a build error (mkdocs-static-i18n would otherwise
fall back silently). Headings ``##`` and ``###`` must end with ``{#id}`` so that
``/transformer/#self-attention`` works in every language; the pages of a pair must have
the same ids in the same order.
"""
from __future__ import annotations

import os

from .problems import report

PAIRED_SUFFIXES = (".md", ".svg")
REQUIRED_META = ("title", "description")


def tree(docs_dir: str, lang: str) -> set[str]:
    """Relative paths of the paired files under ``docs/<lang>``."""
    root = os.path.join(docs_dir, lang)
    found = set()
    for folder, _dirs, files in os.walk(root):
        for name in files:
            if name.endswith(PAIRED_SUFFIXES):
                found.add(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
    return found


def missing_pairs(docs_dir: str, languages) -> list[tuple[str, str]]:
    """(present path, missing path) for every file that exists in some languages only."""
    trees = {lang: tree(docs_dir, lang) for lang in languages}
    out = []
    for lang in languages:
        for other in languages:
            if other != lang:
                for rel in sorted(trees[lang] - trees[other]):
                    out.append((os.path.join(docs_dir, lang, rel), os.path.join(docs_dir, other, rel)))
    return out


def heading_ids(page) -> list[tuple[int, str | None, str]]:
    """(line, id or None, heading text) for every h2/h3 of a ``markdown.Page``."""
    return [(h.line, h.ident, h.text) for h in page.headings if h.level in (2, 3)]


def check(book, root: str | None = None) -> list[str]:
    """All pairing and heading-id problems of a ``markdown.Book``, each already reported."""
    problems = []
    langs = book.languages
    for present, absent in missing_pairs(book.docs_dir, langs):
        problems.append(report(present, 0, f"has no counterpart: {os.path.relpath(absent, root) if root else absent} is missing", root))
    common = set.intersection(*(book.slugs(lang) for lang in langs))
    for slug in sorted(common):
        ids = {}
        for lang in langs:
            page = book.page(lang, slug)
            headings = heading_ids(page)
            if page.meta_error:
                problems.append(report(page.path, page.meta_error.line, page.meta_error.reason, root))
            else:
                for key in REQUIRED_META:
                    if not str(page.meta.get(key) or "").strip():
                        problems.append(report(page.path, 1, f"front matter has no '{key}'", root))
            for line, ident, text in headings:
                if ident is None:
                    problems.append(report(page.path, line, f"heading without an explicit id: '{text}' (add {{#english-id}})", root))
            seen = {}
            for line, ident, _ in headings:
                if ident and ident in seen:
                    problems.append(report(page.path, line, f"duplicate heading id '{ident}' (first used on line {seen[ident]})", root))
                elif ident:
                    seen[ident] = line
            ids[lang] = [(line, ident) for line, ident, _ in headings if ident]
        first = langs[0]
        for lang in langs[1:]:
            a_ids = [i for _, i in ids[first]]
            b_ids = [i for _, i in ids[lang]]
            if a_ids == b_ids:
                continue
            for n, (a, b) in enumerate(zip(a_ids + [None] * len(b_ids), b_ids + [None] * len(a_ids))):
                if a != b:
                    line = ids[lang][n][0] if n < len(ids[lang]) else 0
                    problems.append(report(book.page(lang, slug).path, line,
                                           f"heading ids differ from the {first} page at position {n + 1}: "
                                           f"{first} '{a}' vs {lang} '{b}'", root))
                    break
    return problems

"""Every page exists in both languages, and every h2/h3 has an explicit English id.

The Korean tree ``docs/ko`` and the English tree ``docs/en`` must hold the same Markdown
pages and the same figures; a file in one tree only is a build error (mkdocs-static-i18n
would otherwise fall back silently). Headings ``##`` and ``###`` must end with ``{#id}``
so that ``/transformer/#self-attention`` works in both languages; the two files of a pair
must have the same ids in the same order.
"""
from __future__ import annotations

import os
import re

from frontmatter import FrontMatterError, split as split_front_matter
from problems import report

LANGS = ("ko", "en")
PAIRED_SUFFIXES = (".md", ".svg")
HEADING = re.compile(r"^(#{2,3})\s+(.*?)\s*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#([A-Za-z0-9][\w\-]*)[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
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


def missing_pairs(docs_dir: str) -> list[tuple[str, str]]:
    """(present path, missing path) for every file that exists in one language only."""
    trees = {lang: tree(docs_dir, lang) for lang in LANGS}
    out = []
    for lang, other in (("ko", "en"), ("en", "ko")):
        for rel in sorted(trees[lang] - trees[other]):
            out.append((os.path.join(docs_dir, lang, rel), os.path.join(docs_dir, other, rel)))
    return out


def heading_ids(markdown: str) -> list[tuple[int, str | None, str]]:
    """(line, id or None, heading text) for every h2/h3 outside code fences."""
    out, fenced = [], False
    for number, line in enumerate(markdown.splitlines(), 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        m = HEADING.match(line)
        if m:
            ident = EXPLICIT_ID.search(m.group(2))
            out.append((number, ident.group(1) if ident else None, m.group(2)))
    return out


def check(docs_dir: str, root: str | None = None) -> list[str]:
    """All pairing and heading-id problems of the docs tree, each already reported."""
    problems = []
    for present, absent in missing_pairs(docs_dir):
        problems.append(report(present, 0, f"has no counterpart: {os.path.relpath(absent, root) if root else absent} is missing", root))
    for rel in sorted(tree(docs_dir, "ko") & tree(docs_dir, "en")):
        if not rel.endswith(".md"):
            continue
        ids = {}
        for lang in LANGS:
            path = os.path.join(docs_dir, lang, rel)
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            headings = heading_ids(text)
            try:
                meta, _ = split_front_matter(text, os.path.relpath(path, root) if root else path)
                for key in REQUIRED_META:
                    if not str(meta.get(key) or "").strip():
                        problems.append(report(path, 1, f"front matter has no '{key}'", root))
            except FrontMatterError as err:
                problems.append(report(path, err.line, err.reason, root))
            for line, ident, text in headings:
                if ident is None:
                    problems.append(report(path, line, f"heading without an explicit id: '{text}' (add {{#english-id}})", root))
            seen = {}
            for line, ident, _ in headings:
                if ident and ident in seen:
                    problems.append(report(path, line, f"duplicate heading id '{ident}' (first used on line {seen[ident]})", root))
                elif ident:
                    seen[ident] = line
            ids[lang] = [(line, ident) for line, ident, _ in headings if ident]
        ko_ids = [i for _, i in ids["ko"]]
        en_ids = [i for _, i in ids["en"]]
        if ko_ids != en_ids:
            for n, (a, b) in enumerate(zip(ko_ids + [None] * len(en_ids), en_ids + [None] * len(ko_ids))):
                if a != b:
                    line = ids["en"][n][0] if n < len(ids["en"]) else 0
                    problems.append(report(os.path.join(docs_dir, "en", rel), line,
                                           f"heading ids differ from the Korean page at position {n + 1}: ko '{a}' vs en '{b}'", root))
                    break
    return problems

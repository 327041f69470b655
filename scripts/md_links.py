"""Links between pages, checked in the Markdown sources so that a broken one is reported
with its file and line (MkDocs' own check names only the file).

A link ``[text](page.md#id)`` must point to an existing page of the same language, and
its ``#id`` to a heading id written in that page. Links to glossary terms are checked by
``glossary.check_references``; anchors of other generated content (home page, timeline,
references) are left to MkDocs' own anchor
validation and to ``check_links.py`` on the built site.
"""
from __future__ import annotations

import os
import re

from pairs import heading_ids
from problems import report

LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+?\.md)(?:#([^)\s>]*))?>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"```.*?```", re.S)
GENERATED = {"index", "timeline", "references", "glossary"}


def anchors_of(path: str) -> set[str]:
    with open(path, encoding="utf-8") as fh:
        return {ident for _, ident, _ in heading_ids(fh.read()) if ident}


def check(docs_dir: str, root: str | None = None) -> list[str]:
    """Broken page links and anchors in ``docs/<lang>/*.md``; each problem reported."""
    problems = []
    for lang in ("ko", "en"):
        folder = os.path.join(docs_dir, lang)
        cache: dict[str, set[str]] = {}
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".md"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            blanked = FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
            for m in LINK.finditer(blanked):
                target, anchor = m.group(1), m.group(2)
                if "://" in target:
                    continue
                line = text.count("\n", 0, m.start()) + 1
                target_path = os.path.normpath(os.path.join(folder, target))
                if not os.path.isfile(target_path):
                    problems.append(report(path, line, f"broken link to '{target}' (no such page in docs/{lang})", root))
                    continue
                slug = os.path.basename(target_path)[:-3]
                if not anchor or slug in GENERATED:
                    continue
                if target_path not in cache:
                    cache[target_path] = anchors_of(target_path)
                if anchor not in cache[target_path]:
                    problems.append(report(path, line, f"broken anchor '{target}#{anchor}' (no heading with that id)", root))
    return problems

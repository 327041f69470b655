"""Links between pages, checked in the Markdown sources so that a broken one is reported
with its file and line, once (MkDocs' own anchor check, which names only the file, is
switched off in mkdocs.yml's ``validation:`` for that reason).

A link ``[text](page.md#id)`` must point to an existing page of the same language, and
its ``#id`` to a heading id written in that page, or to the id the build gives one of its
misconceptions boxes (``llmbook.misconceptions``). Links to glossary terms are checked by
the glossary plugin; anchors of generated content (home page, timeline, references,
glossary) are checked on the built site by ``check_links`` (run by the test suite).
"""
from __future__ import annotations

import os

from . import misconceptions
from .problems import report

GENERATED = {"index", "timeline", "references", "glossary"}


def check(book, root: str | None = None, broken_anchors: set | None = None) -> list[str]:
    """Broken page links and anchors in every page of a ``markdown.Book``; each reported.

    Each broken anchor is also added to ``broken_anchors`` as (page path relative to the
    docs folder, link as written), so MkDocs' own report of it can be dropped."""
    problems = []
    for page in book.all_pages():
        folder = os.path.dirname(page.path)
        for link in page.links:
            if "://" in link.target:
                continue
            target_path = os.path.normpath(os.path.join(folder, link.target))
            if not os.path.isfile(target_path):
                problems.append(report(page.path, link.line, f"broken link to '{link.target}' "
                                       f"(no such page in docs/{page.lang})", root))
                continue
            slug = os.path.basename(target_path)[:-3]
            if not link.anchor or slug in GENERATED:
                continue
            target = book.page(page.lang, slug) if os.path.dirname(target_path) == folder else None
            anchors = {h.ident for h in target.headings if h.ident} if target else set()
            if target:
                anchors.update(misconceptions.source_ids(target.masked))
            if link.anchor not in anchors:
                problems.append(report(page.path, link.line, f"broken anchor '{link.target}#{link.anchor}' "
                                       "(no heading with that id)", root))
                if broken_anchors is not None:
                    rel = os.path.relpath(page.path, book.docs_dir).replace(os.sep, "/")
                    broken_anchors.add((rel, f"{link.target}#{link.anchor}"))
    return problems

"""The References page, generated from the chapters' own ``{#references}`` sections.

A chapter's references are written once, in the chapter; this module copies each
chapter's list under the chapter's title on the References page (marker
``<!-- references -->``), so the book never keeps two lists that can disagree.
"""
from __future__ import annotations

import re

MARKER = "<!-- references -->"
SECTION = re.compile(r"^##\s+.*\{#references\}\s*$", re.M)
NEXT_H2 = re.compile(r"^##\s", re.M)


def chapter_references(markdown: str) -> str:
    """The body of a page's ``## ... {#references}`` section ('' if it has none)."""
    m = SECTION.search(markdown)
    if not m:
        return ""
    rest = markdown[m.end():]
    end = NEXT_H2.search(rest)
    return (rest[:end.start()] if end else rest).strip()


def render(chapters: list[tuple[str, str, str]]) -> str:
    """Markdown for the page from [(slug, title, chapter markdown)], in book order."""
    out = []
    for slug, title, markdown in chapters:
        body = chapter_references(markdown)
        if not body:
            continue
        out += [f"## {title} {{#{slug}}}", "", f"[→ {title}]({slug}.md#references)", "", body, ""]
    return "\n".join(out)

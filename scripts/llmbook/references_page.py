"""The References page, generated from the chapters' own ``{#references}`` sections.

A chapter's references are written once, in the chapter; this module copies each
chapter's list under the chapter's title on the References page (marker
``<!-- references -->``), so the book never keeps two lists that can disagree.
"""
from __future__ import annotations

MARKER = "<!-- references -->"


def render(chapters: list[tuple[str, str, str]]) -> str:
    """Markdown for the page from [(slug, title, references section body)], in book order."""
    out = []
    for slug, title, body in chapters:
        if not body:
            continue
        out += [f"## {title} {{#{slug}}}", "", f"[→ {title}]({slug}.md#references)", "", body, ""]
    return "\n".join(out)

"""The home page's table of contents, generated from the one chapter list (``nav``).

``docs/<lang>/index.md`` holds the marker ``<!-- chapters -->``; it is replaced by the nav's
sections with each page's title and description from its own front matter, in the page's
language. Pages whose front matter says ``kind: reference`` are listed without a chapter
number.
"""
from __future__ import annotations

MARKER = "<!-- chapters -->"
SLUG_TABLE_MARKER = "<!-- chapter-slugs -->"


def entries(nav_items, read_meta) -> list[tuple[str, list[dict]]]:
    """[(section title, [{'file', 'title', 'description', 'number'}])] from a MkDocs nav.

    ``read_meta(page)`` returns the page's front matter. Top-level pages (the home page)
    are skipped.
    """
    out, number = [], 0
    for item in nav_items:
        children = getattr(item, "children", None)
        if not children:
            continue
        pages = []
        for child in children:
            file = getattr(child, "file", None)
            if file is None:
                continue
            meta = read_meta(child)
            chapter = meta.get("kind") != "reference"
            if chapter:
                number += 1
            pages.append({
                "file": file.src_uri.split("/", 1)[-1],
                "title": meta.get("title") or child.title,
                "description": meta.get("description", ""),
                "number": number if chapter else None,
            })
        out.append((item.title, pages))
    return out


def render(sections, chapter_label: str) -> str:
    """Markdown for the table of contents; ``chapter_label`` is the UI string
    ``chapters.chapter`` of the page's language ("{n}장", "Chapter {n}")."""
    label = chapter_label
    lines = []
    for index, (title, pages) in enumerate(sections, 1):
        lines += [f"### {title} {{#part-{index}}}", ""]
        for p in pages:
            prefix = f"**{label.format(n=p['number'])}** · " if p["number"] else ""
            lines.append(f"- {prefix}[{p['title']}]({p['file']}): {p['description']}")
        lines.append("")
    return "\n".join(lines)


def render_slug_table(sections, lang_folders: dict[str, str], t: dict) -> str:
    """Markdown table of the chapters (not reference pages) with their slug and address in
    every language; ``lang_folders`` maps each language to its site folder ('' for the
    default), ``t`` is the ``chapters:`` UI strings of the page's language."""
    headers = [t["table_number"], t["table_chapter"], t["table_slug"]] + [t["table_page"][lang] for lang in lang_folders]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("-" * (len(h) + 2) for h in headers) + "|"]
    for _title, pages in sections:
        for p in pages:
            if not p["number"]:
                continue
            slug = p["file"][:-3]
            cells = [str(p["number"]), f"[{p['title']}]({p['file']})", f"`{slug}`"]
            cells += [f"`/{folder + '/' if folder else ''}{slug}/`" for folder in lang_folders.values()]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)

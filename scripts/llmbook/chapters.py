"""The home page's map of the book and the chapter numbers, from the one chapter list (``nav``).

``docs/<lang>/index.md`` holds the marker ``<!-- chapters -->``; it is replaced by the nav's
sections with each page's title and description from its own front matter, in the page's
language. Pages whose front matter says ``kind: reference`` are listed without a chapter
number.
"""
from __future__ import annotations

import math
import re

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
            if meta.get("glossary_from"):
                continue   # a glossary page of entries: the map lists the glossary once, its index page
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


def render(sections, t: dict, minutes: dict[str, int]) -> str:
    """Markdown for the home page's map of the book: one block per part, each chapter
    with its number, linked title, reading time and one-line summary. ``t`` is the page
    language's ``chapters`` UI strings (``chapter``: "{n}장", ``minutes``: "약 {m}분");
    ``minutes`` = {file: reading minutes} (:func:`reading_minutes`)."""
    lines = []
    for index, (title, pages) in enumerate(sections, 1):
        lines += [f"### {title} {{#part-{index}}}", "", '<div class="chapter-map" markdown>', ""]
        for p in pages:
            summary = f'<span class="chapter-summary">{p["description"]}</span>' if p["description"] else ""
            m = minutes.get(p["file"])
            time = f' <span class="reading-time">{t["minutes"].format(m=m)}</span>' if m and p["number"] else ""
            number = f'<span class="chapter-no">{t["chapter"].format(n=p["number"])}</span> ' if p["number"] else ""
            lines.append(f"- {number}[{p['title']}]({p['file']}){time} {summary}".rstrip())
        lines += ["", "</div>", ""]
    return "\n".join(lines)


# Reading speeds for a first, careful reading of a textbook: Korean in characters
# (spaces excluded) a minute, English in words a minute.
READING_SPEED = {"ko": 550, "en": 200}
_H1 = re.compile(r"(<h1\b[^>]*>)")


def reading_minutes(markdown: str, lang: str) -> int:
    """Minutes to read a page's Markdown: prose only (no front matter, code, maths, HTML
    comments, link targets or table rules), rounded up to the next 5 minutes."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"^(\s*)(```|~~~).*?^\1\2", "", text, flags=re.S | re.M)
    text = re.sub(r"\$\$.*?\$\$", "", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"\{[#.][^}]*\}", "", text)
    if lang == "ko":
        amount = len(re.findall(r"[^\s\W_]", text))
    else:
        amount = len(re.findall(r"[A-Za-z0-9][\w'’-]*", text))
    return max(5, 5 * math.ceil(amount / READING_SPEED.get(lang, 200) / 5))


def numbered(pages: list[tuple[str, bool]]) -> dict[str, int]:
    """{slug: number} for ``pages`` = [(slug, is_chapter)] in nav order."""
    out, n = {}, 0
    for slug, is_chapter in pages:
        if is_chapter:
            n += 1
            out[slug] = n
    return out


def nav_title(number: int, title: str) -> str:
    """The title the navigation, footer links and ``<title>`` show: "3. Title"."""
    return f"{number}. {title}"


def heading_html(html: str, number: int, chapter_label: str) -> str:
    """Put the chapter label (``chapters.chapter``: "3장", "Chapter 3") inside the page's
    first <h1>."""
    label = chapter_label.format(n=number)
    return _H1.sub(lambda m: f'{m.group(1)}<span class="chapter-label">{label}</span> ', html, count=1)


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

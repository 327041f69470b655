"""Chapter numbers, derived from the order of the nav, and the home page's chapter map.

No MkDocs import: the caller passes plain data. Chapters are numbered 1, 2, … in nav
order; pages whose front matter says ``kind: reference`` (and the home page) get no
number. Numbers show in the navigation and the page ``<title>`` as "3. Title", and above
each chapter's heading as "3장" / "Chapter 3".
"""
from __future__ import annotations

import math
import re

LABELS = {
    "ko": {"chapter": "{n}장", "minutes": "약 {m}분"},
    "en": {"chapter": "Chapter {n}", "minutes": "about {m} min"},
}
# Reading speeds for a first, careful reading of a textbook: Korean in characters
# (spaces excluded) a minute, English in words a minute.
SPEED = {"ko": 550, "en": 200}

_H1 = re.compile(r"(<h1\b[^>]*>)")


def labels(lang: str) -> dict:
    return LABELS.get(lang, LABELS["en"])


def numbered(pages: list[tuple[str, bool]]) -> dict[str, int]:
    """{slug: number} for ``pages`` = [(slug, is_chapter)] in nav order."""
    out, n = {}, 0
    for slug, is_chapter in pages:
        if is_chapter:
            n += 1
            out[slug] = n
    return out


def nav_title(number: int, title: str) -> str:
    """The title the navigation, footer links and ``<title>`` show."""
    return f"{number}. {title}"


def heading_html(html: str, number: int, lang: str) -> str:
    """Put the chapter label ("3장", "Chapter 3") inside the page's first <h1>."""
    label = labels(lang)["chapter"].format(n=number)
    return _H1.sub(lambda m: f'{m.group(1)}<span class="chapter-label">{label}</span> ', html, count=1)


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
    return max(5, 5 * math.ceil(amount / SPEED.get(lang, 200) / 5))


def render_map(sections, lang: str, minutes: dict[str, int]) -> str:
    """Markdown for the home page's map of the book: one block per part, each chapter
    with its number, linked title, reading time and one-line summary.

    ``sections`` = [(part title, [{'file', 'title', 'description', 'number'}])], the
    shape ``chapters.entries`` returns; ``minutes`` = {file: minutes}."""
    text = labels(lang)
    lines = []
    for index, (title, pages) in enumerate(sections, 1):
        lines += [f"### {title} {{#part-{index}}}", "", '<div class="chapter-map" markdown>', ""]
        for p in pages:
            summary = f'<span class="chapter-summary">{p["description"]}</span>' if p["description"] else ""
            m = minutes.get(p["file"])
            time = f' <span class="reading-time">{text["minutes"].format(m=m)}</span>' if m and p["number"] else ""
            number = f'<span class="chapter-no">{text["chapter"].format(n=p["number"])}</span> ' if p["number"] else ""
            lines.append(f"- {number}[{p['title']}]({p['file']}){time} {summary}".rstrip())
        lines += ["", "</div>", ""]
    return "\n".join(lines)

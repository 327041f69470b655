"""A one-page handout per chapter, for instructors to print: the chapter's title, its
learning objectives, key takeaways and quiz questions (without the answers) and its
address, taken from the chapter's built HTML (so it always says what the chapter says).
Written as ``<chapter>/handout.html`` next to the chapter's ``index.html`` (the same
relative links work) from the template ``llmbook/handout.html``."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from markupsafe import Markup

H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
OBJECTIVES = re.compile(r'<div class="admonition abstract">\s*<p class="admonition-title">(.*?)</p>(.*?)</div>', re.S)
SECTION = r'<h2 id="{id}"[^>]*>(.*?)</h2>(.*?)(?=<h2[ >]|</article>)'
SUMMARY = re.compile(r'<details class="question">\s*<summary>(.*?)</summary>', re.S)
DROP_CLASSES = {"headerlink", "glossary-tip", "print-only"}
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col"}


class _Cleaner(HTMLParser):
    """Copies HTML without the subtrees of permalinks, tooltips and print-only blocks,
    and without the ids and aria references that belong to the chapter page."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if self.skip or classes & DROP_CLASSES:
            if tag not in VOID:
                self.skip += 1
            return
        kept = "".join(f' {k}="{v}"' if v is not None else f" {k}" for k, v in attrs
                       if k not in ("id", "aria-describedby", "aria-labelledby"))
        self.out.append(f"<{tag}{kept}>")

    def handle_startendtag(self, tag, attrs):
        if not self.skip:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.skip:
            self.skip -= 1
        elif tag not in VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")


def clean(fragment: str) -> str:
    parser = _Cleaner()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out).strip()


def parts(article_html: str) -> dict | None:
    """The handout's parts of a built chapter page, or None for a page without a quiz."""
    title = H1.search(article_html)
    quiz = re.search(SECTION.format(id="quiz"), article_html, re.S)
    takeaways = re.search(SECTION.format(id="key-takeaways"), article_html, re.S)
    if not (title and quiz and takeaways):
        return None
    objectives = OBJECTIVES.search(article_html)
    return {
        "title": Markup(clean(title.group(1))),
        "objectives_title": Markup(clean(objectives.group(1))) if objectives else "",
        "objectives": Markup(clean(objectives.group(2))) if objectives else "",
        "takeaways_title": Markup(clean(takeaways.group(1))),
        "takeaways": Markup(clean(takeaways.group(2))),
        "quiz_title": Markup(clean(quiz.group(1))),
        "questions": [Markup(re.sub(r"^\s*\d+[.)]\s*", "", clean(q))) for q in SUMMARY.findall(quiz.group(2))],
    }


STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
ICON = re.compile(r'<link rel="icon" href="([^"]+)">')


def icon(page_html: str) -> str:
    """The favicon link of a built page ('' without one)."""
    m = ICON.search(page_html[: page_html.find("</head>")])
    return m.group(1) if m else ""


def stylesheets(page_html: str) -> list[str]:
    """The stylesheet links of a built page, in order (relative to the page's folder)."""
    return STYLESHEET.findall(page_html[: page_html.find("</head>")])


def index_block(items: list[tuple[str, str]], label: str) -> str:
    """The instructors page's list of handouts: ``items`` is [(link text, href)]."""
    import html
    links = "".join(f'<li><a href="{html.escape(href, quote=True)}">{html.escape(text)}</a></li>'
                    for text, href in items)
    return f'<div class="handout-index"><p>{html.escape(label)}</p><ul>{links}</ul></div>'

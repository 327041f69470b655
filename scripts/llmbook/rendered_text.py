"""Rendered text: what a reader sees must not show Markdown that failed to render.

``visible_text(html)`` is the text of a built page a reader can see or hear (with the
``alt`` and ``aria-label`` texts): without scripts,
styles, code (``code``, ``pre``, ``kbd``, ``samp``), maths (``math``, whose annotations hold
TeX) and elements marked ``hidden``/``aria-hidden``. ``problems(text)`` finds in it a
backslash-escaped quote (``\\"``), stray Markdown (``**``, ``__``, ``[text](``, a pair of
backticks, ``{#id}``, ``!!!``) and doubled parentheses (``((``, ``))``), each with a little
of the text around it. The tests run it over every page of both languages.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

SKIP = {"script", "style", "code", "pre", "kbd", "samp", "math", "template", "noscript"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
PATTERNS = [
    ("a backslash-escaped quote", re.compile(r"\\[\"']")),
    ("stray '**'", re.compile(r"\*\*")),
    ("stray '__'", re.compile(r"(?<![\w])__|__(?![\w])")),
    ("a Markdown link left as text", re.compile(r"\]\(")),
    ("backticks left as text", re.compile(r"`[^`\n]+`")),
    ("an attribute list left as text", re.compile(r"\{\s*[#.][\w\-]+[^{}]*\}")),
    ("an admonition marker left as text", re.compile(r"!!!|\?\?\?")),
    ("doubled parentheses", re.compile(r"\(\s*\(|\)\s*\)")),
]


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []   # (tag, skipped)

    def _skipping(self) -> bool:
        return any(skip for _tag, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if not self._skipping():   # text read aloud or shown in place of an image
            self.parts += [f"\n{a[k]}\n" for k in ("alt", "aria-label") if a.get(k)]
        if tag in VOID:
            return
        skip = tag in SKIP or "hidden" in a or a.get("aria-hidden") == "true"
        self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in {"p", "li", "div", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "summary", "dd", "dt"}:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping():
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def problems(text: str) -> list[str]:
    """'what: …context…' for every leftover in ``text``."""
    out = []
    for what, pattern in PATTERNS:
        for m in pattern.finditer(text):
            context = text[max(0, m.start() - 40):m.end() + 40].replace("\n", " ")
            out.append(f"{what}: …{context}…")
    return out

"""Render LaTeX maths to MathML at build time, so no maths script is loaded.

pymdownx.arithmatex (generic mode) wraps ``$...$`` as ``<span class="arithmatex">\\(...\\)</span>``
and ``$$...$$`` as ``<div class="arithmatex">\\[...\\]</div>``; this hook converts the TeX
inside with latex2mathml. Browsers render MathML natively.
"""
from __future__ import annotations

import html
import re

from latex2mathml.converter import convert

INLINE = re.compile(r'<span class="arithmatex">\\\((.*?)\\\)</span>', re.S)
BLOCK = re.compile(r'<div class="arithmatex">\\\[(.*?)\\\]</div>', re.S)


def to_mathml(tex: str, display: bool) -> str:
    """MathML for one formula; raises ValueError naming the formula if it cannot be parsed."""
    source = html.unescape(tex).strip()
    braces = re.sub(r"\\[{}]", "", source)
    if braces.count("{") != braces.count("}"):
        raise ValueError(f"cannot render formula {source!r}: unbalanced braces")
    try:
        out = convert(source, display="block" if display else "inline")
    except Exception as err:  # latex2mathml raises many exception types
        raise ValueError(f"cannot render formula {source!r}: {type(err).__name__} {err}".rstrip()) from None
    unknown = re.search(r"<m[io][^>]*>(\\[A-Za-z]+)</m[io]>", out)
    if unknown:
        raise ValueError(f"cannot render formula {source!r}: unknown command {unknown.group(1)}")
    return out


def render(page_html: str, on_error=None) -> str:
    """Replace every arithmatex span/div by MathML. ``on_error(message, tex)`` is called on bad TeX."""

    def sub(display: bool):
        def inner(m: re.Match) -> str:
            try:
                math = to_mathml(m.group(1), display)
            except ValueError as err:
                if on_error:
                    on_error(str(err), html.unescape(m.group(1)).strip())
                return m.group(0)
            return f'<div class="math">{math}</div>' if display else math
        return inner

    page_html = BLOCK.sub(sub(True), page_html)
    return INLINE.sub(sub(False), page_html)

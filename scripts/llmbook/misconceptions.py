"""Anchors for misconception boxes, so that a teacher can link one.

A chapter's misconceptions box is written ``!!! warning misconceptions "흔한 오해"`` (the
extra class ``misconceptions`` marks it, whatever its title's language). In the HTML, the
first such box of a page gets ``id="misconceptions"``, the next ``misconceptions-2`` and
so on, the same in both languages because the boxes come in the same order, and its
title gets a permalink like a heading's.
"""
from __future__ import annotations

import html as html_lib
import re

CLASS = "misconceptions"
BOX = re.compile(r'<div class="admonition(?P<classes>[^"]*)">(?P<space>\s*)<p class="admonition-title">(?P<title>.*?)</p>',
                 re.S)
SOURCE_BOX = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+(?P<classes>[\w\- ]+?)(?:[ \t]+\"(?P<title>[^\"]*)\")?[ \t]*$", re.M)


def box_id(n: int) -> str:
    """The id of the ``n``-th (1-based) misconceptions box of a page."""
    return CLASS if n == 1 else f"{CLASS}-{n}"


def add_anchors(html: str, permalink_title: str, symbol: str = "¶") -> str:
    """``html`` with an id and a title permalink on every misconceptions box."""
    count = 0

    def anchor(m: re.Match) -> str:
        nonlocal count
        if CLASS not in m.group("classes").split():
            return m.group(0)
        count += 1
        ident = box_id(count)
        link = (f'<a class="headerlink" href="#{ident}" title="{html_lib.escape(permalink_title)}">'
                f"{symbol}</a>")
        return (f'<div class="admonition{m.group("classes")}" id="{ident}">{m.group("space")}'
                f'<p class="admonition-title">{m.group("title")}{link}</p>')

    return BOX.sub(anchor, html)


def unmarked_boxes(masked: str, titles: set[str]) -> list[int]:
    """Lines of boxes titled like a misconceptions box (one of ``titles``) that lack the
    ``misconceptions`` class, in a page with code masked."""
    out = []
    for m in SOURCE_BOX.finditer(masked):
        if (m.group("title") or "") in titles and CLASS not in m.group("classes").split():
            out.append(masked.count("\n", 0, m.start()) + 1)
    return out


def source_ids(masked: str) -> list[str]:
    """The ids the build gives the misconceptions boxes of a page (code masked), in order:
    what a link ``chapter.md#misconceptions`` may point at."""
    count = sum(1 for m in SOURCE_BOX.finditer(masked) if CLASS in m.group("classes").split())
    return [box_id(n) for n in range(1, count + 1)]


def html_ids(html: str) -> list[str]:
    """The ids ``add_anchors`` gave the boxes of ``html``."""
    return re.findall(rf'<div class="admonition[^"]*\b{CLASS}\b[^"]*" id="([^"]+)">', html)

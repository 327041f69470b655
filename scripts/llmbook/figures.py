"""Inline SVG figures so that they follow the light/dark colour scheme.

A chapter writes a standard Markdown image, ``![alt](figures/x.svg)``. This hook replaces
the ``<img>`` with the SVG's markup, gives it ``role="img"`` and a ``<title>`` holding the
alt text (its text alternative), and keeps the source file as the fallback for any other
renderer. SVGs colour themselves with ``currentColor`` and the ``--fig-*`` CSS variables
defined in ``docs/assets/site.css``, which only works when the SVG is part of the page.
"""
from __future__ import annotations

import html
import os
import posixpath
import re
import xml.etree.ElementTree as ET

from .problems import line_of, report

IMG = re.compile(r"<img\b[^>]*>")
ATTR = re.compile(r'([\w:-]+)="([^"]*)"')
XML_PROLOGUE = re.compile(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*", re.I)
SVG_OPEN = re.compile(r"<svg\b[^>]*>", re.I)
FORBIDDEN = re.compile(r"<script\b|<foreignObject\b|\bon\w+\s*=|(?:href|src)\s*=\s*\"(?:https?:)?//", re.I)


def _attrs(tag: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in ATTR.findall(tag)}


def svg_markup(path: str, alt: str, ident: str) -> str:
    """The SVG file's markup, ready to be placed in the page, with ``alt`` as its title.

    Raises ValueError with a readable reason when the file cannot be inlined.
    """
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    try:
        ET.fromstring(text)
    except ET.ParseError as err:
        raise ValueError(f"is not well-formed SVG ({err})") from None
    if FORBIDDEN.search(text):
        raise ValueError("contains a script, an event handler or a reference to another host")
    text = XML_PROLOGUE.sub("", text).strip()
    m = SVG_OPEN.search(text)
    if not m:
        raise ValueError("has no <svg> element")
    tag = m.group(0)
    tag = re.sub(r'\s(?:width|height|role|aria-labelledby|aria-label)="[^"]*"', "", tag)
    classes = re.search(r'\sclass="([^"]*)"', tag)
    if classes:
        tag = tag.replace(classes.group(0), f' class="figure {classes.group(1)}"')
    else:
        tag = tag[:-1].rstrip("/") + ' class="figure">'
    tag = tag[:-1] + f' role="img" aria-labelledby="{ident}" focusable="false">'
    title = f'<title id="{ident}">{html.escape(alt)}</title>'
    # Drop a title the file may carry: the alt text in the chapter is the one source.
    body = re.sub(r"<title\b[^>]*>.*?</title>", "", text[m.end():], count=1, flags=re.S)
    return tag + title + body


def inline_figures(page_html: str, page_url: str, files_by_url: dict[str, str], src_path: str,
                   markdown: str = "", root: str | None = None) -> str:
    """Replace every local ``<img src="*.svg">`` of a page by the inlined SVG.

    ``page_url`` is the page's site-relative URL (``en/transformer/``) and
    ``files_by_url`` maps site-relative file URLs to their source paths.
    """
    count = 0

    def replace(m: re.Match) -> str:
        nonlocal count
        attrs = _attrs(m.group(0))
        src = attrs.get("src", "")
        if not src.endswith(".svg") or "://" in src or src.startswith("//"):
            return m.group(0)
        name = os.path.basename(src)
        line = line_of(markdown, name)
        alt = attrs.get("alt", "").strip()
        if not alt:
            report(src_path, line, f"figure '{src}' has no alt text", root)
            return m.group(0)
        base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
        path = files_by_url.get(posixpath.normpath(posixpath.join(base, src)))
        if not path or not os.path.exists(path):
            report(src_path, line, f"figure '{src}' not found", root)
            return m.group(0)
        count += 1
        ident = f"fig-{os.path.splitext(name)[0]}-{count}"
        try:
            return svg_markup(path, alt, ident)
        except ValueError as err:
            report(path, 0, str(err), root)
            return m.group(0)

    return IMG.sub(replace, page_html)

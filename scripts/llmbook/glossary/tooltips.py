"""Tooltips for glossary links: every link to a glossary entry in a page's HTML gets an
accessible tooltip (``role="tooltip"``, ``aria-describedby``) with the term's definition
in the page's language, rendered by the ``glossary-tooltip.html`` template, and is pointed
straight at the glossary page that holds the term's full entry (the Markdown keeps writing
``glossary.md#<id>``, which the build turns into ``../glossary/#<id>``)."""
from __future__ import annotations

import re

from .model import Term

# Anchors of the glossary page itself that are not terms (its download and index sections).
PAGE_ANCHORS = re.compile(r"^(?:download|parts|index|index-[a-z]+|glossary-index)$")
LINK_IN_HTML = re.compile(r'<a\b([^>]*?)href="((?:\.\./)*(?:\./)?)(glossary/(?:index\.html)?)#([^"]*)"([^>]*)>(.*?)</a>', re.S)
TRAILING_PARENS = re.compile(r"^(.*\S)\s*\(([^()]+)\)$")


def other_name_in_parens(name: str) -> str:
    """The other language's name as it goes inside the tooltip's parentheses: a name that
    ends in its own parentheses, ``recurrent neural network (RNN)``, becomes
    ``recurrent neural network, RNN`` so the tooltip never shows ``((...))``."""
    m = TRAILING_PARENS.match(name)
    return f"{m.group(1)}, {m.group(2)}" if m else name


def add_tooltips(page_html: str, terms: dict[str, Term], lang: str, templates, on_unknown=None,
                 pages: dict[str, str] | None = None) -> str:
    """Give every link to a glossary entry an accessible tooltip with the term's definition.

    ``pages``: term id -> slug of the page that holds its full entry; each link is
    pointed there (same depth: every page of the book is at the top of its language)."""
    counter = 0
    template = templates.get_template("llmbook/glossary-tooltip.html")

    def sub(m: re.Match) -> str:
        nonlocal counter
        before, up, page, ident, after, label = m.groups()
        term = terms.get(ident)
        if term is None and PAGE_ANCHORS.match(ident):
            return m.group(0)
        if term is None:
            if on_unknown:
                on_unknown(ident)
            return m.group(0)
        counter += 1
        href = up + (f"{pages[ident]}/" if pages and ident in pages else page)
        return template.render(before=before, href=href, after=after, label=label, term=term, lang=lang,
                               tip_id=f"term-tip-{ident}-{counter}",
                               other_name=other_name_in_parens(term.other(lang)))

    return LINK_IN_HTML.sub(sub, page_html)

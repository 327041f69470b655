"""What a printed page needs that the screen page does not show.

- ``add_quiz_answers``: the answers of a chapter's quiz (``??? question`` boxes, closed
  ``<details>`` that print closed) collected after the last question, in a block that
  only print shows (``.print-only``, the printing part of ``docs/assets/site.css``).
- ``add_colophon``: the page's canonical address and licence line at its end, print only.
- ``add_pdf_placeholder``: an empty, hidden block after a page's first paragraph that
  ``scripts/build_pdf.py`` fills with links to the book's PDFs and their sizes once it has
  built them (a site built without the PDFs links none, so no link is ever broken).
- ``mark_bare_links``: links whose text already is their address get ``print-no-url``,
  so the print styles do not write the address a second time after them.

Both blocks carry ``data-search-exclude`` (Material's search leaves them out) and are
``display: none`` on screen, so screen readers and search never meet them twice.
"""
from __future__ import annotations

import html as htmllib
import re

QUESTION = re.compile(r'<details class="question">\s*<summary>(.*?)</summary>(.*?)</details>', re.S)
NUMBER = re.compile(r"^\s*(\d+)[.)]\s*")
LINK = re.compile(r'<a href="(https?://[^"]+)"([^>]*)>([^<]*)</a>')


def quiz_answers(page_html: str) -> list[tuple[str, str]]:
    """[(number, answer HTML)] of every quiz question, in order."""
    found = []
    for i, m in enumerate(QUESTION.finditer(page_html), 1):
        summary = re.sub(r"<[^>]+>", "", m.group(1))
        number = NUMBER.match(summary)
        found.append((number.group(1) if number else str(i), m.group(2).strip()))
    return found


def add_quiz_answers(page_html: str, title: str) -> str:
    """Insert the print-only answers block after the last quiz question (unchanged
    when the page has no quiz)."""
    matches = list(QUESTION.finditer(page_html))
    if not matches:
        return page_html
    items = "\n".join(f'<li value="{n}">{body}</li>' for n, body in quiz_answers(page_html))
    block = (f'\n<div class="print-only quiz-answers" data-search-exclude>\n'
             f'<p class="quiz-answers__title"><strong>{htmllib.escape(title)}</strong></p>\n'
             f'<ol>\n{items}\n</ol>\n</div>')
    end = matches[-1].end()
    return page_html[:end] + block + page_html[end:]


def add_colophon(page_html: str, url: str, url_label: str, licence: str) -> str:
    """Append the print-only canonical address and licence line (the address as text:
    a link would be one more external link for the link check, and http:// locally)."""
    address = htmllib.escape(url, quote=True)
    block = (f'\n<div class="print-only print-colophon" data-search-exclude>\n'
             f'<p>{htmllib.escape(url_label)}: <span class="print-colophon__url">{address}</span></p>\n'
             f'<p>{htmllib.escape(licence)}</p>\n</div>\n')
    return page_html + block


def mark_bare_links(page_html: str) -> str:
    """Add ``class="print-no-url"`` to external links whose text is their address."""
    def sub(m: re.Match) -> str:
        href, attrs, text = m.groups()
        bare = htmllib.unescape(text).strip().rstrip("/")
        if "class=" in attrs or bare not in (href.rstrip("/"), re.sub(r"^https?://", "", href).rstrip("/")):
            return m.group(0)
        return f'<a href="{href}" class="print-no-url"{attrs}>{text}</a>'
    return LINK.sub(sub, page_html)


PDF_PLACEHOLDER = '<div class="book-pdf-links" data-book-pdf hidden></div>'


def add_pdf_placeholder(page_html: str) -> str:
    """Insert ``PDF_PLACEHOLDER`` after the first paragraph (at the end without one)."""
    end = page_html.find("</p>")
    at = end + len("</p>") if end >= 0 else len(page_html)
    return page_html[:at] + "\n" + PDF_PLACEHOLDER + page_html[at:]


def copy_link_status(label: str, copied: str, copied_short: str, failed: str) -> str:
    """The live region the copy-link part of docs/assets/site.js announces through, carrying its strings."""
    a = lambda v: htmllib.escape(v, quote=True)   # noqa: E731
    return (f'\n<div id="copy-link-status" class="copy-link-status" role="status" aria-live="polite" '
            f'data-search-exclude data-label="{a(label)}" data-copied="{a(copied)}" '
            f'data-copied-short="{a(copied_short)}" data-failed="{a(failed)}"></div>\n')

"""``llmbook-print``: the parts of a page only print shows (quiz answers, canonical
address and licence line); the print styles are in ``docs/assets/print.css``."""
from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from .. import printing, site_config
from . import book_plugin


class PrintConfig(Config):
    enabled = c.Type(bool, default=True)
    pdf_link_pages = c.Type(list, default=["index", "instructors"])
    """Pages that link the book's PDFs (filled in by scripts/build_pdf.py)."""


class PrintPlugin(BasePlugin[PrintConfig]):
    # 10: before llmbook-book (0), which renders maths, and llmbook-glossary (0), which adds
    # tooltips with numbered ids: the copied answers get both like the rest of the page.
    @event_priority(10)
    def on_page_content(self, html, page, config, files):
        if not self.config.enabled:
            return html
        lang = site_config.current_language(config)
        t = book_plugin(config).strings_for("print", lang)
        html = printing.add_quiz_answers(html, t["answers"])
        html = printing.mark_bare_links(html)
        if page.file.src_uri.rsplit("/", 1)[-1][:-3] in self.config.pdf_link_pages:
            html = printing.add_pdf_placeholder(html)
        return printing.add_colophon(html, page.canonical_url or page.abs_url or "", t["address"],
                                     config.copyright or "")

"""``llmbook-print``: the parts of a page only print shows (quiz answers, canonical
address and licence line); the print styles are in the printing part of ``docs/assets/site.css``."""
from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

import os

from .. import handouts, nav, printing, site_config, templates
from . import book_plugin


class PrintConfig(Config):
    enabled = c.Type(bool, default=True)
    pdf_link_pages = c.Type(list, default=["index", "instructors"])
    """Pages that link the book's PDFs (filled in by scripts/build_pdf.py)."""
    handouts = c.Type(bool, default=True)
    """A one-page printable handout per chapter (<chapter>/handout.html)."""
    handouts_page = c.Type(str, default="instructors")
    """The page that lists the handouts."""


class PrintPlugin(BasePlugin[PrintConfig]):
    def on_config(self, config):
        self.numbers = {p.slug: p.number for p in nav.book(config.config_file_path)}
        self.templates = templates.for_config(config)

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
        slug = page.file.src_uri.rsplit("/", 1)[-1][:-3]
        if slug in self.config.pdf_link_pages:
            html = printing.add_pdf_placeholder(html)
        if self.config.handouts and slug == self.config.handouts_page:
            titles = book_plugin(config).titles(lang)
            chapters = sorted((n, s) for s, n in self.numbers.items() if n)
            folder = site_config.languages(config).folder(lang)
            up = "../" * (page.url.count("/") - (1 if folder else 0))
            chapter = book_plugin(config).strings_for("chapters", lang)["chapter"]
            items = [(f'{chapter.format(n=n)} {titles.get(s, s)}', f"{up}{s}/handout.html")
                     for n, s in chapters]
            block = handouts.index_block(items, t["handouts"])
            at = html.find(printing.PDF_PLACEHOLDER)
            at = at + len(printing.PDF_PLACEHOLDER) if at >= 0 else len(html)
            html = html[:at] + "\n" + block + html[at:]
        html += printing.copy_link_status(t["copy_link"], t["copied"], t["copied_short"], t["copy_failed"])
        return printing.add_colophon(html, page.canonical_url or page.abs_url or "", t["address"],
                                     config.copyright or "")

    # 0 (default): the finished page; writes <chapter>/handout.html beside it.
    def on_post_page(self, output, page, config):
        if not (self.config.enabled and self.config.handouts):
            return output
        slug = page.file.src_uri.rsplit("/", 1)[-1][:-3]
        number = self.numbers.get(slug)
        parts = handouts.parts(output) if number else None
        if not parts:
            return output
        lang = site_config.current_language(config)
        t = book_plugin(config).strings_for("print", lang)
        label = book_plugin(config).strings_for("chapters", lang)["chapter"].format(n=number)
        body = self.templates.get_template("llmbook/handout.html").render(
            lang=lang, t=t, parts=parts, description=page.meta.get("description") or config.site_description or "", label=label, site_name=config.site_name, url=page.canonical_url,
            licence=config.copyright or "", css=handouts.stylesheets(output),
            icon=handouts.icon(output))
        dest = os.path.join(config.site_dir, page.url, "handout.html")
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "w", encoding="utf-8") as fh:
            fh.write(body)
        return output

"""``llmbook-glossary``: the glossary page, tooltips on term links, the CSV download and
the term checks, from one term base (see ``llmbook.glossary``)."""
from __future__ import annotations

import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .. import glossary, site_config
from ..datafile import DataFileError
from ..problems import line_of, log, report
from . import book_plugin


class GlossaryConfig(Config):
    enabled = c.Type(bool, default=True)
    data_file = c.File(exists=True, default=os.path.join("docs", "_data", "glossary.yml"))
    """The term base, relative to mkdocs.yml."""
    page = c.Type(str, default="glossary")
    """Slug of the glossary page (it holds the marker ``<!-- glossary -->``)."""
    csv = c.Type(str, default="glossary.csv")
    """Name of the CSV download, written at the root of the built site."""


class GlossaryPlugin(BasePlugin[GlossaryConfig]):
    def __init__(self):
        super().__init__()
        self.terms: dict[str, glossary.Term] = {}
        self.refs: dict[str, list[tuple[str, str, int]]] = {}

    def on_pre_build(self, config):
        if not self.config.enabled or not site_config.is_outer_build(config):
            return
        book = book_plugin(config)
        data = book.relative(self.config.data_file)
        try:
            terms, problems = glossary.load(self.config.data_file, book.book.slugs())
        except DataFileError as err:
            raise PluginError(str(err).replace(book.root + os.sep, "")) from None
        refs = book.book.glossary_refs()
        for problem in problems:
            log.warning(problem.replace(book.root + os.sep, ""))
        places = {ident: [(book.relative(path), line) for _lang, _slug, line, path in found]
                  for ident, found in refs.items()}
        for problem in glossary.check_references(terms, places, data):
            log.warning(problem)
        self.terms = {t.id: t for t in terms}
        self.refs = {ident: [(lang, slug, line) for lang, slug, line, _ in found] for ident, found in refs.items()}

    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled or glossary.MARKER not in markdown:
            return markdown
        book = book_plugin(config)
        lang = site_config.current_language(config)
        csv_href = "../" * page.url.count("/") + self.config.csv
        order = [p.file.src_uri.rsplit("/", 1)[-1][:-3] for p in book.nav.pages]
        usage = glossary.usage(self.refs, order, {self.config.page, "index"})
        body = glossary.render_page(list(self.terms.values()), lang, book.titles(lang),
                                    usage.get(lang, {}), csv_href, book.strings_for("glossary", lang),
                                    book.templates)
        return markdown.replace(glossary.MARKER, body)

    # 0 (default), listed after llmbook-book: tooltips go into the HTML after figures are inlined.
    def on_page_content(self, html, page, config, files):
        if not self.config.enabled:
            return html
        book = book_plugin(config)
        source = book.page_source(page)

        def unknown_term(ident: str) -> None:
            if f"{self.config.page}.md#{ident}" in source.text:
                return   # a Markdown link: check_references reported it with its line
            report(source.path, line_of(source.text, f"#{ident}"), f"unknown glossary term '{ident}'", book.root)

        return glossary.add_tooltips(html, self.terms, site_config.current_language(config), book.templates,
                                     unknown_term)

    # -200: once, after mkdocs-static-i18n's on_post_build (-100) has built every language.
    @event_priority(-200)
    def on_post_build(self, config):
        if not self.config.enabled or not site_config.is_outer_build(config):
            return
        with open(os.path.join(config.site_dir, self.config.csv), "w", encoding="utf-8", newline="") as fh:
            fh.write(glossary.to_csv(list(self.terms.values())))


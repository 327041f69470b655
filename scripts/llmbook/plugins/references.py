"""``llmbook-references``: the references page (marker ``<!-- references -->``), each
chapter's own reference list under its title, in nav order (see ``llmbook.references_page``)."""
from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

from .. import references_page
from . import book_plugin


class ReferencesConfig(Config):
    enabled = c.Type(bool, default=True)


class ReferencesPlugin(BasePlugin[ReferencesConfig]):
    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled or references_page.MARKER not in markdown:
            return markdown
        book = book_plugin(config)
        chapters = []
        for nav_page in book.nav.pages:
            source = book.page_source(nav_page)
            if source.meta.get("kind") == "reference" or nav_page.is_homepage:
                continue
            chapters.append((source.slug, source.title, source.references))
        return markdown.replace(references_page.MARKER, references_page.render(chapters))

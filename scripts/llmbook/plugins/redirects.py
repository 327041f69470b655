"""``llmbook-redirects``: a redirect page at every old slug, in every language (see
``llmbook.redirects`` for why mkdocs-redirects is not used)."""
from __future__ import annotations

import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .. import redirects, site_config
from ..datafile import DataFileError
from ..problems import log
from . import book_plugin


class RedirectsConfig(Config):
    enabled = c.Type(bool, default=True)
    data_file = c.File(exists=False, default=os.path.join("docs", "_data", "redirects.yml"))
    """Old slug -> new slug (``new#section`` allowed), relative to mkdocs.yml; a missing file means none."""


class RedirectsPlugin(BasePlugin[RedirectsConfig]):
    def __init__(self):
        super().__init__()
        self.redirects: dict[str, str] = {}

    def on_pre_build(self, config):
        if not self.config.enabled or not site_config.is_outer_build(config):
            return
        book = book_plugin(config)
        try:
            self.redirects, problems = redirects.load(self.config.data_file, book.book.slugs())
        except DataFileError as err:
            raise PluginError(str(err).replace(book.root + os.sep, "")) from None
        for problem in problems:
            log.warning(problem.replace(book.root + os.sep, ""))

    # -200: once, after mkdocs-static-i18n's on_post_build (-100) has built every language
    # (its builds would otherwise clean or overwrite the language folders).
    @event_priority(-200)
    def on_post_build(self, config):
        if not self.config.enabled or not site_config.is_outer_build(config):
            return
        book = book_plugin(config)
        langs = book.languages
        strings = {lang: book.strings_for("redirects", lang) for lang in langs.all}
        redirects.write(config.site_dir, self.redirects, {lang: langs.folder(lang) for lang in langs.all},
                        strings, book.templates)

"""``llmbook-timeline``: the timeline page (marker ``<!-- timeline -->``) from its data
file, in the page's language (see ``llmbook.timeline``)."""
from __future__ import annotations

import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .. import site_config, timeline
from ..datafile import DataFileError
from ..problems import log
from . import book_plugin


class TimelineConfig(Config):
    enabled = c.Type(bool, default=True)
    data_file = c.File(exists=True, default=os.path.join("docs", "_data", "timeline.yml"))
    """The events, relative to mkdocs.yml."""


class TimelinePlugin(BasePlugin[TimelineConfig]):
    def __init__(self):
        super().__init__()
        self.events: list[dict] = []

    def on_pre_build(self, config):
        if not self.config.enabled or not site_config.is_outer_build(config):
            return
        book = book_plugin(config)
        try:
            self.events, problems = timeline.load(self.config.data_file, book.book.slugs())
        except DataFileError as err:
            raise PluginError(str(err).replace(book.root + os.sep, "")) from None
        for problem in problems:
            log.warning(problem.replace(book.root + os.sep, ""))

    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled or timeline.MARKER not in markdown:
            return markdown
        book = book_plugin(config)
        lang = site_config.current_language(config)
        body = timeline.render(self.events, lang, book.titles(lang), book.strings_for("timeline", lang))
        return markdown.replace(timeline.MARKER, body)

"""``llmbook-book``: what the whole book shares (pages read once, the nav, UI strings,
languages, templates) and the checks and renderers that concern every page."""
from __future__ import annotations

import logging
import os
import re

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .. import chapters, figures, mathml, md_links, pairs, parity, site_config, strings, templates
from ..datafile import DataFileError
from ..markdown import Book
from ..problems import line_of, report

MKDOCS_ANCHOR_WARNING = re.compile(r"^Doc file '([^']*)' contains a link '([^']*)', but the doc '[^']*' "
                                   r"does not contain an anchor")


class BookConfig(Config):
    strings_dir = c.Dir(exists=True, default=os.path.join("overrides", "strings"))
    """One YAML file of UI strings per language (``ko.yml``, ``en.yml``)."""
    checks = c.Type(bool, default=True)
    """Page pairs, heading ids, translation parity and links between pages."""


class _DropDuplicateAnchorWarnings(logging.Filter):
    """MkDocs' anchor validation reports a broken anchor without a line; ``md_links``
    has already reported the same link with its line. Drop MkDocs' copy, keep its reports
    of anything ``md_links`` does not check (anchors into generated pages)."""

    def __init__(self):
        super().__init__()
        self.reported: set[tuple[str, str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        m = MKDOCS_ANCHOR_WARNING.match(record.getMessage())
        return not (m and (m.group(1), m.group(2)) in self.reported)


class BookPlugin(BasePlugin[BookConfig]):
    def __init__(self):
        super().__init__()
        self.book: Book | None = None
        self.nav = None
        self.files_by_url: dict[str, str] = {}
        self._anchor_filter = _DropDuplicateAnchorWarnings()

    # -- shared with the other plugins -------------------------------------------------
    def on_config(self, config):
        self.root = os.path.dirname(os.path.abspath(config.config_file_path))
        self.languages = site_config.languages(config)
        try:
            self.strings = strings.load_all(self.config.strings_dir, self.languages.all)
        except DataFileError as err:
            raise PluginError(str(err)) from None
        self.templates = templates.for_config(config)
        return config

    def strings_for(self, section: str, lang: str) -> dict:
        try:
            return self.strings[lang].section(section)
        except DataFileError as err:
            raise PluginError(str(err)) from None

    def titles(self, lang: str) -> dict[str, str]:
        """slug -> title of every page of ``lang``, from its front matter."""
        return {slug: page.title for slug, page in self.book.pages[lang].items()}

    def relative(self, path: str) -> str:
        return os.path.relpath(path, self.root)

    # -- events ----------------------------------------------------------------------
    # 100: read the book before the other llmbook plugins (default 0) check against it.
    @event_priority(100)
    def on_pre_build(self, config):
        if not site_config.is_outer_build(config):
            return
        self.book = Book(config.docs_dir, self.languages.all, self.root)
        self._anchor_filter.reported.clear()
        logging.getLogger("mkdocs.structure.pages").addFilter(self._anchor_filter)
        if self.config.checks:
            pairs.check(self.book, self.root)
            parity.check(self.book, self.root)
            md_links.check(self.book, self.root, self._anchor_filter.reported)

    # -200: after mkdocs-static-i18n's on_files (-100), which leaves only the files of
    # the language being built; the UI strings are build input, not site content.
    @event_priority(-200)
    def on_files(self, files, config):
        for file in list(files):
            if file.src_uri.startswith("strings/") and file.src_uri.endswith(".yml") and not file.is_documentation_page():
                files.remove(file)
        self.files_by_url = {f.url: f.abs_src_path for f in files if f.abs_src_path}
        return files

    # -200: after mkdocs-static-i18n's on_nav (-100), which gives the nav of the language being built.
    @event_priority(-200)
    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav

    def on_env(self, env, config, files):
        # The 404 page (overrides/404.html) shows every language's strings.
        env.globals["llmbook_strings"] = {lang: dict(s) for lang, s in self.strings.items()}
        # JSON in pages (`tojson`) keeps Korean as UTF-8, not as \uXXXX escapes: three to six
        # times shorter; Jinja's tojson still escapes <, >, & and ' for HTML.
        env.policies["json.dumps_kwargs"] = {**env.policies.get("json.dumps_kwargs", {}), "ensure_ascii": False}
        # Chapter numbers in the navigation, <title> and heading: every page's content is
        # rendered by now (on_env comes after every on_page_content), none is written yet.
        lang = site_config.current_language(config)
        label = self.strings_for("chapters", lang)["chapter"]
        pages = [(p.file.src_uri.rsplit("/", 1)[-1][:-3], p) for p in self.nav.pages]
        numbers = chapters.numbered([(slug, slug != "index" and p.meta.get("kind") != "reference")
                                     for slug, p in pages])
        for slug, p in pages:
            if slug in numbers:
                p.title = chapters.nav_title(numbers[slug], p.title)
                p.content = chapters.heading_html(p.content, numbers[slug], label)
        return env

    def page_source(self, page):
        """The ``markdown.Page`` read for a MkDocs page."""
        found = self.book.by_path(page.file.abs_src_path)
        if found is None:
            raise PluginError(f"{page.file.src_uri}: not read by llmbook-book (not under docs/<language>/)")
        return found

    def on_page_markdown(self, markdown, page, config, files):
        if chapters.MARKER not in markdown and chapters.SLUG_TABLE_MARKER not in markdown:
            return markdown
        lang = site_config.current_language(config)

        def read_meta(nav_page):
            source = self.page_source(nav_page)
            if source.meta_error:
                raise PluginError(str(source.meta_error))
            return source.meta

        sections = chapters.entries(self.nav.items, read_meta)
        t = self.strings_for("chapters", lang)
        minutes = {nav_page.file.src_uri.split("/", 1)[-1]: chapters.reading_minutes(self.page_source(nav_page).text, lang)
                   for nav_page in self.nav.pages}
        markdown = markdown.replace(chapters.MARKER, chapters.render(sections, t, minutes))
        folders = {lang: self.languages.folder(lang) for lang in self.languages.all}
        return markdown.replace(chapters.SLUG_TABLE_MARKER, chapters.render_slug_table(sections, folders, t))

    def on_page_content(self, html, page, config, files):
        source = self.page_source(page)
        html = figures.inline_figures(html, page.url, self.files_by_url, source.path, source.text, self.root)

        def math_error(message: str, tex: str) -> None:
            report(source.path, line_of(source.text, tex), message, self.root)

        return mathml.render(html, math_error)

    # -300: after mkdocs-static-i18n's on_post_build (-100), which builds the other
    # languages (and so validates their anchors) from inside the outer build's event.
    @event_priority(-300)
    def on_post_build(self, config):
        if site_config.is_outer_build(config):
            logging.getLogger("mkdocs.structure.pages").removeFilter(self._anchor_filter)

    def on_build_error(self, error):
        logging.getLogger("mkdocs.structure.pages").removeFilter(self._anchor_filter)

"""``llmbook-labs``: the interactive labs (see ``llmbook.labs``). Fills each
``<div data-lab="NAME">`` with its start control, adds the lab loader to pages that have
a lab, copies each lab's third-party code from ``node_modules`` (``docs/_data/labs.yml``)
and the vocabularies it derives from them (written by a Node generator, cached), writes the labs' UI strings for the browser, and puts a Content-Security-Policy with the
hashes of each page's inline scripts into every built page."""
from __future__ import annotations

import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .. import labs, site_config
from ..problems import line_of, report
from . import book_plugin


class LabsConfig(Config):
    enabled = c.Type(bool, default=True)
    data_file = c.File(exists=True, default=os.path.join("docs", "_data", "labs.yml"))
    """The lab manifest: what each lab copies from node_modules, and the shared folders it uses."""
    cache_dir = c.Type(str, default=os.path.join(".cache", "labs"))
    """Where generated lab data (the tokenizer's vocabularies) is kept between builds,
    relative to the project; keyed by the package version and the generator's hash."""
    csp = c.Type(bool, default=True)
    """Write the Content-Security-Policy into every page (never under ``mkdocs serve``,
    whose live-reload script is inline and new on every reload)."""


class LabsPlugin(BasePlugin[LabsConfig]):
    def __init__(self):
        super().__init__()
        self.command = "build"
        self.manifest: dict = {}
        self.vendor: dict = {}
        self.generated: dict = {}
        self.strings: dict = {}
        self.sizes: dict = {}

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_pre_build(self, config):
        if not self.config.enabled or not site_config.is_outer_build(config):
            return
        book = book_plugin(config)
        strings_dir = book.config.strings_dir
        try:
            self.manifest = labs.load_manifest(self.config.data_file)
            self.vendor = labs.vendor_files(self.manifest, book.root)
            self.generated = labs.generate_vocabularies(
                self.manifest, book.root, os.path.join(book.root, self.config.cache_dir))
            self.strings = labs.load_strings({lang: os.path.join(strings_dir, f"{lang}.yml")
                                              for lang in book.languages.all})
        except labs.LabError as err:
            raise PluginError(str(err).replace(book.root + os.sep, "")) from None
        assets = os.path.join(config.docs_dir, "assets", "labs")
        self.sizes = {lab: labs.start_bytes(assets, lab, files, self.manifest[lab].get("uses", []),
                                            self.generated.get(lab, []))
                      for lab, files in self.vendor.items()}

    # 0 (default), listed after llmbook-book: placeholders are filled in the page's HTML.
    def on_page_content(self, html, page, config, files):
        if not self.config.enabled or "data-lab=" not in html:
            return html
        book = book_plugin(config)
        source = book.page_source(page)
        lang = site_config.current_language(config)
        return labs.expand_placeholders(
            html, page.url, lang, self.strings, self.sizes, set(self.manifest),
            lambda message: report(source.path, line_of(source.text, "data-lab="), message, book.root))

    # -300: once, after every other plugin's on_post_build (mkdocs-static-i18n's at -100
    # builds the other languages; llmbook's redirects and i18n-site run at -200 and write
    # HTML): the CSP hashes the inline scripts of the finished pages, so it comes last.
    @event_priority(-300)
    def on_post_build(self, config):
        if not self.config.enabled or not site_config.is_outer_build(config):
            return
        try:
            labs.copy_vendor(self.vendor, config.site_dir)
            labs.copy_vendor(self.generated, config.site_dir)
            labs.write_strings(self.strings, config.site_dir)
            if self.config.csp and self.command != "serve":
                labs.write_csp(config.site_dir)
        except labs.LabError as err:
            raise PluginError(str(err)) from None

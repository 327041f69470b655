"""``llmbook-i18n-site``: one site per language on top of mkdocs-static-i18n (per-language
sitemaps and search indexes) and page-level fixes to Material's HTML (see
``llmbook.i18n_site``, ``llmbook.search_index`` and ``llmbook.html_fixes``)."""
from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from .. import html_fixes, i18n_site, search_index, site_config
from . import book_plugin


class I18nSiteConfig(Config):
    enabled = c.Type(bool, default=True)
    korean_search = c.Type(bool, default=True)
    """Add Kiwi keywords and the Korean separator to the Korean search index."""
    glossary_field = c.Type(str, default="gt")
    """The hidden search field that holds, for each section, every spelling of the glossary
    terms it uses (``llmbook.search_terms``); give it a boost under the search plugin's
    ``fields``. Empty: no such field."""


class I18nSitePlugin(BasePlugin[I18nSiteConfig]):
    # 0 (default): before mkdocs-static-i18n's on_post_page (-100), which only records the page.
    def on_post_page(self, output, page, config):
        if not self.config.enabled:
            return output
        book = book_plugin(config)
        lang = site_config.current_language(config)
        default = book.languages.default
        t = book.strings_for("page", lang)
        output = i18n_site.drop_head_alternates(output)
        if page.canonical_url:
            output = i18n_site.add_head_alternates(output, i18n_site.alternate_urls(
                page.canonical_url, page.url, lang, site_config.languages(config)))
        output = i18n_site.relative_switcher_links(output, page.url)
        output = html_fixes.label_search_dialog(output, t["search_label"])
        output = html_fixes.defer_bundle(output)
        written = (config.mdx_configs.get("toc") or {}).get("permalink_title", "")   # mkdocs.yml's, on every page
        output = html_fixes.localize_permalinks(output, t["permalink_title"], written)
        output = html_fixes.title_id(output, page.file.src_uri.rsplit("/", 1)[-1][:-3])
        if lang != default:
            output = i18n_site.patch_config_base(output, lang)
        return output

    # -200: once, after mkdocs-static-i18n's on_post_build (-100) has built every language
    # and written the merged search index.
    @event_priority(-200)
    def on_post_build(self, config):
        if not self.config.enabled or not site_config.is_outer_build(config):
            return
        book = book_plugin(config)
        for lang in book.languages.others:
            i18n_site.write_language_sitemap(config.site_dir, config.site_url or "/", lang)
            search_index.write_language_indexes(config.site_dir, lang, korean=self.config.korean_search,
                                                other_pipeline=search_index.theme_pipeline(config.theme.dirs, lang),
                                                terms=self._glossary_terms(config),
                                                glossary_field=self.config.glossary_field,
                                                default_lang=book.languages.default)

    @staticmethod
    def _glossary_terms(config) -> list:
        """The term base as read by ``llmbook-glossary`` (empty when it is off)."""
        glossary = config.plugins.get("llmbook-glossary")
        return list(glossary.terms.values()) if glossary and glossary.config.enabled else []

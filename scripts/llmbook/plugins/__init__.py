"""The book's MkDocs plugins, registered as ``mkdocs.plugins`` entry points in
pyproject.toml and configured under ``plugins:`` in mkdocs.yml:

- ``llmbook-book`` (``book.BookPlugin``): reads every page once (``llmbook.markdown``),
  runs the source checks, writes the home page's contents, inlines figures, renders maths;
- ``llmbook-glossary``: the glossary page, term tooltips, the CSV download, term checks;
- ``llmbook-timeline``: the timeline page from its data file;
- ``llmbook-references``: the references page from the chapters' reference sections;
- ``llmbook-redirects``: redirect pages for renamed pages, in every language;
- ``llmbook-i18n-site``: per-language sitemaps and search indexes, and page-level fixes
  to Material's HTML (``llmbook.html_fixes``, ``llmbook.i18n_site``);
- ``llmbook-minify``: the site's own CSS and JS minified in the built site (``llmbook.minify``);
- ``llmbook-labs``: the interactive labs' start controls, their third-party code and UI
  strings, and the Content-Security-Policy of every page (``llmbook.labs``).

mkdocs-static-i18n builds the default language, then, from inside its own
``on_post_build``, every other language with the same plugin instances; steps that
concern the whole site run once, in that outer build (``site_config.is_outer_build``).
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError

BOOK = "llmbook-book"


def book_plugin(config):
    """The ``llmbook-book`` plugin instance, which holds what every other plugin shares."""
    plugin = config.plugins.get(BOOK)
    if plugin is None:
        raise PluginError(f"the '{BOOK}' plugin must be listed under plugins: in mkdocs.yml")
    return plugin

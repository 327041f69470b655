"""Accessibility fixes to Material's generated HTML that no setting offers.

- ``defer_bundle``: Material's script bundle sits at the end of the page but still blocks
  the first paint while it downloads; ``defer`` runs it at the same point (after the
  document is parsed) without blocking.
- ``localize_permalinks``: the ``¶`` link beside each heading has one title for the whole
  site (``toc.permalink_title`` in mkdocs.yml, in Korean); English pages get it in English.
- ``title_id``: the page title's id (and its ``¶`` link) becomes the page's slug, the same
  in both languages; the default gives Korean titles ids such as ``_1``. The links to it
  (its ``¶`` and Material's skip link) follow.
- ``label_search_dialog``: Material's search panel has ``role="dialog"`` but no accessible
  name (axe/Lighthouse rule aria-dialog-name); it gets an ``aria-label`` in the page's
  language.
"""
from __future__ import annotations

import re

BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def label_search_dialog(page_html: str, label: str) -> str:
    """``label``: the UI string ``page.search_label`` of the page's language."""
    return page_html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label}">', 1)


def defer_bundle(page_html: str) -> str:
    return BUNDLE.sub(r'<script src="\1" defer></script>', page_html, count=1)


HEADERLINK_TITLE = re.compile(r'(<a class="headerlink" href="#[^"]*" title=")[^"]*"')


def localize_permalinks(page_html: str, title: str, default_title: str) -> str:
    """``title``: the UI string ``page.permalink_title`` of the page's language;
    ``default_title``: the one ``toc.permalink_title`` in mkdocs.yml gave every page."""
    return HEADERLINK_TITLE.sub(lambda m: m.group(1) + title + '"', page_html) if title != default_title else page_html


H1 = re.compile(r'<h1 id="([^"]*)">')


def title_id(page_html: str, slug: str) -> str:
    m = H1.search(page_html)
    if not m or not slug:
        return page_html
    old = m.group(1)
    page_html = page_html[:m.start()] + f'<h1 id="{slug}">' + page_html[m.end():]
    # The heading's ¶ link and Material's "skip to content" link point at it.
    return page_html.replace(f'href="#{old}"', f'href="#{slug}"')

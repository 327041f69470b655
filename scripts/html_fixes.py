"""Accessibility fixes to Material's generated HTML that no setting offers.

- ``defer_bundle``: Material's script bundle sits at the end of the page but still blocks
  the first paint while it downloads; ``defer`` runs it at the same point (after the
  document is parsed) without blocking.
- ``label_search_dialog``: Material's search panel has ``role="dialog"`` but no accessible
  name (axe/Lighthouse rule aria-dialog-name); it gets an ``aria-label`` in the page's
  language.
"""
from __future__ import annotations

import re

BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
LABELS = {"ko": "검색", "en": "Search"}


def label_search_dialog(page_html: str, lang: str) -> str:
    label = LABELS.get(lang, LABELS["en"])
    return page_html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label}">', 1)


def defer_bundle(page_html: str) -> str:
    return BUNDLE.sub(r'<script src="\1" defer></script>', page_html, count=1)

"""Small fixes that make the two-language site behave as one site per language.

- ``patch_config_base``: an English page tells Material's JavaScript that its site root
  is ``/en/``, so search loads the English index and the sitemap it fetches is
  ``/en/sitemap.xml``.
- ``drop_head_alternates``: Material fetches ``sitemap.xml`` relative to every
  ``<link rel="alternate">`` in the page head; mkdocs-static-i18n points those at pages
  (``/en/transformer/``), so each page view asked for ``/en/transformer/sitemap.xml`` and
  got a 404. Upstream: https://github.com/squidfunk/mkdocs-material/issues/6582 (the
  ``/en/test/sitemap.xml`` 404s in its log) and, in Material's successor, the still open
  https://github.com/zensical/zensical/issues/908 (``setupAlternate`` fetches a sitemap
  for every ``link[rel=alternate]``); drop this when the theme only resolves the sitemap
  against language roots. The language pairs are declared instead in both sitemaps with
  ``xhtml:link hreflang`` (a form search engines read) and in the language switcher's
  ``<a hreflang>`` links.
- ``add_head_alternates``: the page's language versions back in the head
  (``hreflang`` ko, en and x-default, absolute URLs), written ``rel="alternate "``: HTML
  reads ``rel`` as a space-separated set of keywords, so for browsers and search engines
  this is ``rel=alternate``; Material's bundle selects ``link[rel=alternate]``, an
  exact match on the whole attribute value, so it does not fetch a sitemap next to them
  (tests/test_alternates.py counts the requests).
- ``relative_switcher_links``: the language switcher works under a sub-path.
- ``write_language_sitemap``: ``/en/sitemap.xml`` holding the English pages, each with its
  Korean alternate, next to the root sitemap.
"""
from __future__ import annotations

import html
import json
import os
import re
import xml.etree.ElementTree as ET

CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def patch_config_base(page_html: str, lang_root: str) -> str:
    """Append ``lang_root`` (``en``) to the ``base`` of Material's page configuration."""
    def sub(m: re.Match) -> str:
        config = json.loads(m.group(2))
        # A trailing slash: the browser resolves "search/search_index.json" against it.
        config["base"] = config["base"].rstrip("/") + "/" + lang_root.strip("/") + "/"
        return m.group(1) + json.dumps(config, ensure_ascii=False, separators=(",", ":")) + m.group(3)
    return CONFIG.sub(sub, page_html, count=1)


SWITCHER_LINK = re.compile(r'(<a href=")(/[^"]*)(" hreflang="[^"]*" class="md-select__link")')


def relative_switcher_links(page_html: str, page_url: str) -> str:
    """Make the language switcher's site-absolute links (``/``, ``/en/``, which
    mkdocs-static-i18n writes on home pages) relative, so they also work when the site
    is served from a sub-path such as ``https://user.github.io/repo/``."""
    up = "../" * page_url.count("/")

    def sub(m: re.Match) -> str:
        return m.group(1) + ((up + m.group(2).lstrip("/")) or "./") + m.group(3)

    return SWITCHER_LINK.sub(sub, page_html)


def drop_head_alternates(page_html: str) -> str:
    head_end = page_html.find("</head>")
    if head_end < 0:
        return page_html
    return HEAD_ALTERNATE.sub("", page_html[:head_end]) + page_html[head_end:]


def alternate_urls(canonical: str, page_url: str, lang: str, languages) -> dict[str, str]:
    """{hreflang: absolute URL} of a page in every language, plus ``x-default`` (the
    default language's); ``languages`` is a ``site_config.Languages``."""
    root = canonical[: len(canonical) - len(page_url)] if page_url and canonical.endswith(page_url) else canonical
    own = languages.folder(lang)
    path = page_url[len(own) + 1:] if own and page_url.startswith(own + "/") else page_url
    urls = {}
    for other in languages.all:
        folder = languages.folder(other)
        urls[other] = root + (f"{folder}/" if folder else "") + path
    urls["x-default"] = urls[languages.default]
    return urls


def add_head_alternates(page_html: str, urls: dict[str, str]) -> str:
    """Insert ``<link rel="alternate " hreflang>`` for every entry of ``urls`` before ``</head>``."""
    head_end = page_html.find("</head>")
    if head_end < 0:
        return page_html
    links = "".join(f'<link rel="alternate " hreflang="{lang}" href="{html.escape(url, quote=True)}">\n'
                    for lang, url in urls.items())
    return page_html[:head_end] + links + page_html[head_end:]


def write_language_sitemap(site_dir: str, site_url: str, lang: str) -> int:
    """Write ``<lang>/sitemap.xml`` from the root sitemap's ``<lang>/`` URLs; returns their count."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    tree = ET.parse(os.path.join(site_dir, "sitemap.xml"))
    root = tree.getroot()
    prefix = site_url.rstrip("/") + f"/{lang}/"
    for url in list(root):
        loc = url.find(f"{{{SITEMAP_NS}}}loc")
        if loc is None or not (loc.text or "").startswith(prefix):
            root.remove(url)
    os.makedirs(os.path.join(site_dir, lang), exist_ok=True)
    tree.write(os.path.join(site_dir, lang, "sitemap.xml"), encoding="utf-8", xml_declaration=True)
    return len(root)

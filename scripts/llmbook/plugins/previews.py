"""``llmbook-previews``: Open Graph and Twitter card tags on every page and a preview
image per page and language (``llmbook.previews``), written to ``assets/previews/<lang>/``."""
from __future__ import annotations

import os
import time
from urllib.parse import urljoin, urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from .. import nav, previews, site_config
from . import book_plugin

log = get_plugin_logger(__name__)


class PreviewsConfig(Config):
    enabled = c.Type(bool, default=True)
    font = c.Type(str, default="/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
    font_index = c.Type(int, default=1)
    """The face inside a font collection (.ttc): 1 is Noto Sans CJK KR."""
    cache_dir = c.Type(str, default=".cache/previews")
    """Relative to mkdocs.yml; images drawn before are copied from here."""


class PreviewsPlugin(BasePlugin[PreviewsConfig]):
    def on_config(self, config):
        self.numbers = {p.slug: p.number for p in nav.book(config.config_file_path)}
        self.drawn = self.copied = 0
        self.seconds = 0.0

    # 0 (default): the head is complete here; llmbook-i18n-site only edits the links in it.
    def on_post_page(self, output, page, config):
        if not self.config.enabled or not page.canonical_url:
            return output
        started = time.perf_counter()
        book = book_plugin(config)
        lang = site_config.current_language(config)
        langs = site_config.languages(config)
        slug = page.file.src_uri.rsplit("/", 1)[-1][:-3]
        site_name = config.site_name
        is_home = slug == "index"
        title = site_name if is_home else (page.meta.get("title") or page.title or site_name)   # not the nav's numbered title
        number = self.numbers.get(slug)
        label = book.strings_for("chapters", lang)["chapter"].format(n=number) if number else ""
        description = page.meta.get("description") or config.site_description or ""
        rel = f"assets/previews/{lang}/{slug}.png"
        dest = os.path.join(config.site_dir, rel)
        root = os.path.dirname(config.config_file_path)
        host = urlsplit(page.canonical_url)
        try:
            drawn = previews.render(dest, book="" if is_home else site_name, label=label, title=title,
                                    subtitle=description if is_home else "",
                                    footer=(host.netloc + host.path).rstrip("/"),
                                    font=self.config.font, font_index=self.config.font_index,
                                    cache_dir=os.path.join(root, self.config.cache_dir) if self.config.cache_dir else None)
        except previews.PreviewError as err:
            raise PluginError(f"llmbook-previews: {err}") from None
        self.drawn += drawn
        self.copied += not drawn
        image_url = urljoin(page.canonical_url, "../" * page.url.count("/") + rel)
        tags = previews.head_tags(
            title=title, description=description, url=page.canonical_url, site_name=site_name, lang=lang,
            other_langs=[o for o in langs.all if o != lang], image_url=image_url,
            image_alt=f"{site_name}: {title}" if not is_home else f"{site_name}: {description}",
            kind="website" if is_home else "article")
        head = output.find("</head>")
        self.seconds += time.perf_counter() - started
        return output[:head] + tags + output[head:] if head >= 0 else output

    def on_post_build(self, config):
        if self.config.enabled and (self.drawn or self.copied):
            log.info(f"{self.drawn} preview image(s) drawn, {self.copied} from the cache, "
                     f"{self.seconds:.2f} s")
            self.drawn = self.copied = 0
            self.seconds = 0.0

"""``llmbook-minify``: the site's own CSS and JavaScript, minified in the built site
(``llmbook.minify``). Runs once, after every language is built."""
from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from .. import minify, site_config

log = get_plugin_logger(__name__)


class MinifyConfig(Config):
    enabled = c.Type(bool, default=True)
    files = c.ListOfItems(c.Type(str), default=[])
    """Paths under the built site (glob wildcards allowed); each must name a .css or .js file."""


class MinifyPlugin(BasePlugin[MinifyConfig]):
    def on_post_build(self, config):
        if not self.config.enabled or not site_config.is_outer_build(config):
            return
        try:
            paths = minify.expand(config.site_dir, self.config.files)
            before, after = minify.minify_files(paths)
        except minify.MinifyError as err:
            raise PluginError(str(err)) from None
        log.info(f"minified {len(paths)} file(s): {before:,} -> {after:,} bytes")

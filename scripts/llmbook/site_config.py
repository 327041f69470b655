"""What the build needs to know about the site from MkDocs' configuration: its
languages (from the mkdocs-static-i18n plugin, never hard-coded) and the language being
built."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Languages:
    default: str
    all: tuple[str, ...]     # default first, then the others in configuration order

    @property
    def others(self) -> tuple[str, ...]:
        return tuple(lang for lang in self.all if lang != self.default)

    def folder(self, lang: str) -> str:
        """The built site's folder of a language: '' for the default, else the locale."""
        return "" if lang == self.default else lang


def languages(config) -> Languages:
    """The site's languages from the i18n plugin's ``languages``; a site without the
    plugin has the one language of its theme."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        lang = config.theme["language"]
        return Languages(lang, (lang,))
    langs = [lang for lang in i18n.config.languages if lang.build is not False]
    default = next(lang.locale for lang in langs if lang.default)
    return Languages(default, (default,) + tuple(lang.locale for lang in langs if lang.locale != default))


def current_language(config) -> str:
    """The language being built: the i18n plugin's current language (any theme), else
    the theme's language."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme["language"]


def is_outer_build(config) -> bool:
    """False during the i18n plugin's extra builds of the non-default languages, which it
    runs from inside its own ``on_post_build``; whole-site steps run once, in the outer build."""
    i18n = config.plugins.get("i18n")
    return not getattr(i18n, "building", False)

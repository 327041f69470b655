"""The book's one chapter list: ``nav`` in mkdocs.yml. Everything else that needs the
list of chapters (the home page's contents, the instructors' tables, the tests) derives
it from here.

A page under a nav section is a chapter unless its front matter says
``kind: reference``; chapters are numbered in nav order. Top-level pages (the home page)
are neither.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import yaml

from .frontmatter import read as read_front_matter


@dataclass(frozen=True)
class NavPage:
    slug: str
    section: str           # the nav section's title (in the default language)
    number: int | None     # chapter number, None for reference pages


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: tags such as ``!ENV`` give their plain value."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: (
    loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode)
    else loader.construct_mapping(node) if isinstance(node, yaml.MappingNode)
    else loader.construct_scalar(node)))


def read_config(config_file: str) -> dict:
    with open(config_file, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_ConfigLoader)


def default_language(config: dict) -> str:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for lang in plugin["i18n"]["languages"]:
                if lang.get("default"):
                    return lang["locale"]
    return (config.get("theme") or {}).get("language", "en")


def languages(config: dict) -> list[str]:
    """Every language the i18n plugin builds, the default first."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            langs = [lang for lang in plugin["i18n"]["languages"] if lang.get("build", True)]
            return [lang["locale"] for lang in sorted(langs, key=lambda lang: not lang.get("default"))]
    return [default_language(config)]


def pages(nav: list, read_meta) -> list[NavPage]:
    """Every page under a nav section, in order, numbered; ``read_meta(file)`` gives a
    page's front matter (``file`` as written in nav, e.g. ``transformer.md``)."""
    out, number = [], 0
    for item in nav:
        if not isinstance(item, dict):
            continue   # a top-level page: the home page
        for section, children in item.items():
            for child in children if isinstance(children, list) else [children]:
                file = next(iter(child.values())) if isinstance(child, dict) else child
                if not isinstance(file, str) or not file.endswith(".md"):
                    continue
                chapter = read_meta(file).get("kind") != "reference"
                number += chapter
                out.append(NavPage(file[:-3], section, number if chapter else None))
    return out


def book(config_file: str) -> list[NavPage]:
    """The nav pages of the site configured by ``config_file`` (mkdocs.yml)."""
    config = read_config(config_file)
    docs = os.path.join(os.path.dirname(os.path.abspath(config_file)), config.get("docs_dir", "docs"),
                        default_language(config))
    return pages(config["nav"], lambda file: read_front_matter(os.path.join(docs, file)))


def chapters(config_file: str) -> list[str]:
    """The chapters' slugs in book order."""
    return [p.slug for p in book(config_file) if p.number is not None]

"""Small Jinja templates for the HTML the build writes into pages (glossary entries and
tooltips, redirect pages), so a site can restyle them without touching Python: a file of
the same name under the theme's ``custom_dir`` (``overrides/llmbook/...``) replaces the
default in ``scripts/llmbook/templates/llmbook/``, as with Material's own partials."""
from __future__ import annotations

import html
import os

import jinja2
from markupsafe import Markup

PACKAGE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")


def environment(search_paths=()) -> jinja2.Environment:
    """A Jinja environment that looks in ``search_paths`` (the theme's folders) first."""
    loader = jinja2.FileSystemLoader([*search_paths, PACKAGE_DIR])
    return jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True,
                              undefined=jinja2.StrictUndefined, finalize=_escape)


def _escape(value):
    # Python's html.escape (&#x27; for '), as the site's other generated HTML uses.
    return value if isinstance(value, Markup) or not isinstance(value, str) else Markup(html.escape(value))


def for_config(config) -> jinja2.Environment:
    """The environment for a MkDocs configuration: the theme's folders, custom_dir first."""
    return environment(list(config.theme.dirs))

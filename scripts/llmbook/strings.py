"""UI strings, one YAML file per language (``overrides/strings/<lang>.yml``).

Every string the build writes into a page (headings of generated sections, labels,
tooltips, the redirect and 404 pages) is looked up here, so a translator edits one file
per language. A missing file or key is an error naming the file.
"""
from __future__ import annotations

import os

from .datafile import DataFileError, load

DEFAULT_DIR = os.path.join("overrides", "strings")


class Strings(dict):
    """The nested mapping of one language's strings; ``s.get_path("glossary.index")``."""

    def __init__(self, data: dict, path: str):
        super().__init__(data)
        self.path = path

    def section(self, name: str) -> dict:
        try:
            value = self[name]
        except KeyError:
            raise DataFileError(f"{self.path}: has no section '{name}:'") from None
        return _Section(value, f"{self.path}: {name}")


class _Section(dict):
    def __init__(self, data: dict, where: str):
        super().__init__(data)
        self.where = where

    def __missing__(self, key):
        raise DataFileError(f"{self.where}: has no key '{key}'")


def _strip_lines(value):
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    return value


def load_language(folder: str, lang: str) -> Strings:
    path = os.path.join(folder, f"{lang}.yml")
    return Strings(_strip_lines(load(path, dict, "a mapping of UI strings")), path)


def load_all(folder: str, languages) -> dict[str, Strings]:
    """{lang: Strings} for every language of the site."""
    return {lang: load_language(folder, lang) for lang in languages}

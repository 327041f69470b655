"""Read a Markdown page's YAML front matter, with errors that name the file and line."""
from __future__ import annotations

import yaml


class FrontMatterError(ValueError):
    """``path:line: reason``; the parts are kept as attributes too."""

    def __init__(self, path: str, line: int, reason: str):
        super().__init__(f"{path}:{line}: {reason}")
        self.path, self.line, self.reason = path, line, reason


def split(text: str, path: str = "<page>") -> tuple[dict, str]:
    """(metadata, body) of a page; a page without front matter has empty metadata."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        raise FrontMatterError(path, 1, "front matter opened with '---' is never closed")
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise FrontMatterError(path, line, f"malformed front matter: {getattr(err, 'problem', err)}") from None
    if not isinstance(meta, dict):
        raise FrontMatterError(path, 2, "front matter must be a mapping of keys to values")
    return meta, text[end + 5:]


def read(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return split(fh.read(), path)[0]

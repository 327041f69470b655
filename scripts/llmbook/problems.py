"""Shared helpers for build checks: find the line of a piece of text in a source file
and report a problem as ``path:line: message`` through MkDocs' logger.

A reported problem is a WARNING, so ``mkdocs build --strict`` fails on it after listing
every problem of the build, not only the first one.
"""
from __future__ import annotations

import logging
import os

log = logging.getLogger("mkdocs.plugins.llmbook")


def line_of(text: str, needle: str, start: int = 0) -> int:
    """1-based line number of the first occurrence of ``needle`` in ``text`` (0 if absent)."""
    at = text.find(needle, start)
    return text.count("\n", 0, at) + 1 if at >= 0 else 0


def where(path: str, line: int = 0, root: str | None = None) -> str:
    """``docs/ko/x.md:12`` style location, relative to ``root`` (the repository) if given."""
    shown = os.path.relpath(path, root) if root else path
    return f"{shown}:{line}" if line else shown


def report(path: str, line: int, message: str, root: str | None = None) -> str:
    """Log one problem and return the formatted text (handy for tests)."""
    text = f"{where(path, line, root)}: {message}"
    log.warning(text)
    return text

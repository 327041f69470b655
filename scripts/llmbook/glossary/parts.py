"""Where each term's full entry lives: the glossary is an index page (every term, light)
plus one page per part of the book (full entries). A term belongs to the part of the
chapter that introduces it (its ``chapter``); the parts are the nav sections that hold
chapters, in order, so the split is the same in every language and a term's address is
the same in every language.

A part page is an ordinary page pair (``docs/<lang>/<slug>.md``) whose front matter says
``glossary_part: <n>`` (1 for the first part) and whose body holds the glossary marker.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Term


@dataclass(frozen=True)
class Part:
    number: int        # 1, 2, 3 in book order
    section: str       # the nav section's title in the default language
    slug: str          # the part page's slug ('glossary-part-1')
    chapters: tuple[str, ...]


def book_parts(nav_pages) -> list[tuple[str, list[str]]]:
    """[(section title, [chapter slugs])] of the nav sections that hold chapters, in order.

    ``nav_pages``: ``llmbook.nav.NavPage`` items (slug, section, number)."""
    out: dict[str, list[str]] = {}
    for page in nav_pages:
        if page.number is not None:
            out.setdefault(page.section, []).append(page.slug)
    return list(out.items())


def find_parts(nav_pages, part_pages: dict[int, str], where: str) -> tuple[list[Part], list[str]]:
    """The parts with their pages. ``part_pages``: {n: slug} of the pages whose front matter
    says ``glossary_part: n``. Returns (parts, problems)."""
    sections = book_parts(nav_pages)
    problems = []
    parts = []
    for n, (section, slugs) in enumerate(sections, 1):
        slug = part_pages.get(n)
        if slug is None:
            problems.append(f"{where}: part {n} ('{section}') has no glossary page: add a page pair whose "
                            f"front matter says 'glossary_part: {n}' and whose body holds '<!-- glossary -->'")
            continue
        parts.append(Part(n, section, slug, tuple(slugs)))
    for n, slug in sorted(part_pages.items()):
        if not 1 <= n <= len(sections):
            problems.append(f"{where}: '{slug}' says 'glossary_part: {n}', but the book has "
                            f"{len(sections)} part(s) (nav sections with chapters)")
    return parts, problems


def term_pages(terms: list[Term], parts: list[Part], data_path: str) -> tuple[dict[str, Part], list[str]]:
    """term id -> the part whose page holds its full entry; a term whose ``chapter`` is in
    no part is a problem (``data_path:line``)."""
    by_chapter = {slug: part for part in parts for slug in part.chapters}
    out, problems = {}, []
    for term in terms:
        part = by_chapter.get(term.chapter)
        if part is None:
            if parts:
                problems.append(f"{data_path}:{term.line}: '{term.id}' is introduced in '{term.chapter}', "
                                f"which is in no part of the book, so no glossary page can hold it")
            continue
        out[term.id] = part
    return out, problems

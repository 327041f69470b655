"""Where each term's full entry lives. The glossary is an index page (every term, light)
plus pages of full entries, each for a run of consecutive chapters: a term's entry is on
the page whose run holds the chapter that introduces it (its ``chapter``). The split
depends only on chapters, so it is the same in every language and a term's address is
the same in every language.

A glossary page of entries is an ordinary page pair (``docs/<lang>/<slug>.md``) whose
front matter names the first chapter of its run, ``glossary_from: <chapter slug>``, and
whose body holds the glossary marker; the run goes on, in book (nav) order, up to the
chapter before the next page's first. Runs are chosen so that each page stays light
(tests/test_glossary_site.py measures it), and fall on part boundaries where they can.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Term


@dataclass(frozen=True)
class Part:
    """One glossary page of full entries and the chapters whose terms it holds."""
    slug: str                          # 'glossary-1'
    chapters: tuple[str, ...]          # chapter slugs, in book order
    numbers: tuple[int, int]           # first and last chapter number


def find_parts(nav_pages, starts: dict[str, str], where: str) -> tuple[list[Part], list[str]]:
    """The glossary pages of entries in book order, each with its run of chapters.

    ``nav_pages``: ``llmbook.nav.NavPage`` items; ``starts``: {page slug: first chapter}
    from the pages' ``glossary_from``. Returns (parts, problems)."""
    chapters = [(p.slug, p.number) for p in nav_pages if p.number is not None]
    position = {slug: i for i, (slug, _n) in enumerate(chapters)}
    problems = []
    begins: dict[int, str] = {}
    for slug, first in sorted(starts.items()):
        if first not in position:
            problems.append(f"{where}: '{slug}' says 'glossary_from: {first}', which is not a chapter in nav")
        elif position[first] in begins:
            problems.append(f"{where}: '{slug}' and '{begins[position[first]]}' both say 'glossary_from: {first}'")
        else:
            begins[position[first]] = slug
    if not begins:
        if chapters:
            problems.append(f"{where}: no glossary page of entries: add a page pair whose front matter says "
                            f"'glossary_from: {chapters[0][0]}' and whose body holds '<!-- glossary -->'")
        return [], problems
    order = sorted(begins)
    if order[0] != 0:
        problems.append(f"{where}: no glossary page holds the terms of '{chapters[0][0]}': the first page "
                        f"('{begins[order[0]]}') starts at '{chapters[order[0]][0]}'")
    parts = []
    for i, start in enumerate(order):
        end = order[i + 1] if i + 1 < len(order) else len(chapters)
        run = chapters[start:end]
        parts.append(Part(begins[start], tuple(slug for slug, _n in run), (run[0][1], run[-1][1])))
    return parts, problems


def term_pages(terms: list[Term], parts: list[Part], data_path: str) -> tuple[dict[str, Part], list[str]]:
    """term id -> the page that holds its full entry; a term whose ``chapter`` no page
    covers is a problem (``data_path:line``)."""
    by_chapter = {slug: part for part in parts for slug in part.chapters}
    out, problems = {}, []
    for term in terms:
        part = by_chapter.get(term.chapter)
        if part is None:
            if parts:
                problems.append(f"{data_path}:{term.line}: '{term.id}' is introduced in '{term.chapter}', "
                                f"which is not a chapter any glossary page covers")
            continue
        out[term.id] = part
    return out, problems

"""Where the pages link glossary entries, and the problems those links reveal: ids no
term has, and terms no page links to. The links themselves are found by the one Markdown
reader (``llmbook.markdown``), outside code."""
from __future__ import annotations

from .model import Term


def check_references(terms: list[Term], refs: dict[str, list[tuple[str, int]]], data_path: str) -> list[str]:
    """Unknown ids used by pages, and terms that no page links to.

    ``refs``: term id -> [(page path, line)] of every link to it."""
    ids = {t.id for t in terms}
    problems = []
    for ident, places in sorted(refs.items()):
        if ident not in ids:
            for path, line in places:
                problems.append(f"{path}:{line}: unknown glossary term '{ident}' (not in {data_path})")
    for term in terms:
        if term.id not in refs:
            problems.append(f"{data_path}:{term.line}: term '{term.id}' is never linked from any page")
    return problems


def usage(refs: dict[str, list[tuple[str, str, int]]], order: list[str], skip: set[str]) -> dict[str, dict[str, list[str]]]:
    """language -> term id -> slugs of the pages that link the term, in book ``order``.

    ``refs``: term id -> [(language, slug, line)]; pages in ``skip`` are left out."""
    rank = {slug: i for i, slug in enumerate(order)}
    out: dict[str, dict[str, list[str]]] = {}
    for ident, places in refs.items():
        for lang, slug, _line in places:
            if slug in skip:
                continue
            slugs = out.setdefault(lang, {}).setdefault(ident, [])
            if slug not in slugs:
                slugs.append(slug)
    for per_lang in out.values():
        for ident, slugs in per_lang.items():
            slugs.sort(key=lambda s: rank.get(s, len(rank)))
    return out

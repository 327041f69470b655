"""Derived, not hand-written: the facts the glossary and the timeline state about chapters
must follow from the chapters themselves.

- A glossary term's ``chapter`` ("Introduced in") is the first chapter, in book (nav)
  order, that links the term to the glossary: a link is the book's explicit mark of a use
  (naive word matching finds RNN-era "encoder", everyday "alignment" or "feature"). A term
  no chapter links is left to the glossary's own "never linked" check.
- A timeline event's ``chapter`` ("Explained in") must mention the event, in every
  language: the chapter cites the event's ``source`` URL, or contains the event's
  ``mention`` (a phrase, such as a proper name, that both language versions use).
"""
from __future__ import annotations

from .citations import without_location


def first_linking_chapter(links: list[tuple[str, str]], order: list[str]) -> str | None:
    """The first slug of ``order`` among ``links`` [(language, slug)]; None if none."""
    rank = {slug: i for i, slug in enumerate(order)}
    found = [slug for _lang, slug in links if slug in rank]
    return min(found, key=rank.__getitem__) if found else None


def check_glossary(terms, links: dict[str, list[tuple[str, str]]], order: list[str], shown_path: str) -> list[str]:
    """Problems for terms whose ``chapter`` is not the first chapter (in ``order``, chapters
    only) that links them. ``links``: term id -> [(language, slug)]."""
    problems = []
    for term in terms:
        first = first_linking_chapter(links.get(term.id, []), order)
        if first is not None and term.chapter != first:
            problems.append(f"{shown_path}:{term.line}: '{term.id}' is introduced in '{first}' (the first chapter "
                            f"in book order that links it to the glossary), not '{term.chapter}'; write "
                            f"chapter: {first}, or link the term where '{term.chapter}' introduces it")
    return problems


def mentions_event(event: dict, text: str, lang: str = "") -> bool:
    """Whether a chapter's ``text`` (code masked) in ``lang`` cites the event's source or
    contains its mention."""
    source = without_location(str(event.get("source") or ""))
    mention = event.get("mention") or ""
    if isinstance(mention, dict):
        mention = mention.get(lang) or ""
    mention = str(mention).strip()
    return bool(source and (source in text or source.rstrip("/") + ")" in text)) or bool(mention and mention in text)


def check_timeline(events: list[dict], chapter_texts, languages, shown_path: str) -> list[str]:
    """Problems for events whose chapter does not mention them. ``chapter_texts(lang, slug)``
    gives the masked text of a page, or None."""
    problems = []
    for event in events:
        missing = []
        for lang in languages:
            text = chapter_texts(lang, event["chapter"])
            if text is not None and not mentions_event(event, text, lang):
                missing.append(lang)
        if missing:
            problems.append(f"{shown_path}:{event['line']}: the event of {event['date']} is explained in "
                            f"'{event['chapter']}', but that chapter ({', '.join(missing)}) neither cites its "
                            "source nor contains its 'mention'")
    return problems

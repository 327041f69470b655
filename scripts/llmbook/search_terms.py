"""Search relevance from the term base: glossary names, spellings and phrases in the index.

Material's search (lunr) matches each query word as a prefix and adds up the scores of
the words a section contains, so a phrase such as "masked language model" ranks the
sections with the most "language" and "model" first, and a spelling the book does not
use ("할루시네이션", "챗GPT", "finetuning") finds nothing but the glossary. This module
gives every section of the index a hidden field with the glossary terms it uses, each
written in every spelling the term base knows (name, aliases, and for the Korean index
the English name too), joined into one word ("maskedlanguagemodel", "할루시네이션").
A query that starts like a term then meets the sections that use the term, in whichever
spelling the reader typed, and a phrase meets the sections that contain the phrase.

It also gives sections that have a heading but no text of their own (the text is all in
their subsections) a snippet: the titles of the subsections that follow, so that no
search result is shown without text.
"""
from __future__ import annotations

import html
import re
import unicodedata
from typing import Iterable

TAG = re.compile(r"<[^>]+>")
PARENTHESIS = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


def fold(text: str) -> str:
    """The comparison form: NFC, case-folded, without spaces, hyphens or middle dots."""
    return re.sub(r"[\s\-·‐‑–]", "", unicodedata.normalize("NFC", text)).casefold()


def spellings(names: Iterable[str]) -> list[str]:
    """Every spelling in ``names``, with "name (ABBR)" split into its two parts; unique,
    in order."""
    out: list[str] = []
    for name in names:
        m = PARENTHESIS.match(name)
        for part in ([m.group(1), m.group(2)] if m else [name]):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def term_spellings(term, lang: str) -> list[str]:
    """A term's spellings for the ``lang`` index: its name and aliases in ``lang``; the
    Korean index also gets the English ones (Korean readers type both)."""
    names = [term.name(lang), *term.aliases(lang)]
    if lang != "en":
        names += [term.name("en"), *term.aliases("en")]
    return spellings(names)


def _needle(spelling: str) -> tuple[re.Pattern, bool]:
    """How a spelling is found in text. Hangul spellings are compared without spaces and
    as substrings (particles attach to Korean words: 환각을, 언어모델은). Latin ones must
    stand as whole words (spaces and hyphens between their words optional, a plural s
    allowed), so that "RAG" is not found in "fragment" nor "LM" in "film"."""
    if re.search("[가-힣]", spelling):
        return re.compile(re.escape(fold(spelling))), True
    words = [re.escape(w) for w in re.split(r"[\s\-‐‑–·]+", spelling.casefold()) if w]
    return re.compile(r"(?<![a-z0-9])" + r"[\s\-‐‑–]*".join(words) + r"(?:e?s)?(?![a-z0-9])"), False


Needles = list[tuple[re.Pattern, bool]]


def prepare_terms(terms, lang: str) -> list[tuple[Needles, list[str], str]]:
    """Per term: (patterns that find a use of it, each with whether it searches the
    folded text (see :func:`_needle`), the folded spellings written into the
    field, the slug of the chapter that introduces it)."""
    out = []
    for term in terms:
        names = term_spellings(term, lang)
        out.append(([_needle(n) for n in names], list(dict.fromkeys(fold(n) for n in names)),
                    getattr(term, "chapter", "")))
    return out


def glossary_field(text: str, terms: list[tuple[Needles, list[str], str]], page: str = "",
                   cap: int = 3) -> str:
    """The hidden field for one section of ``page`` (``terms`` from :func:`prepare_terms`).
    A term used ``n`` times is written ``min(n, cap)`` times, so a section that is about
    the term outranks one that mentions it once; in the chapter that introduces the term,
    ``cap`` times more."""
    plain = html.unescape(TAG.sub(" ", text)).casefold()
    flat = fold(plain)
    words: list[str] = []
    for needles, written, chapter in terms:
        count = sum(len(pattern.findall(flat if folded else plain)) for pattern, folded in needles)
        if count:
            words += written * (min(count, cap) + (cap if page and page == chapter else 0))
    return " ".join(words)


def add_glossary_field(docs: list[dict], terms, lang: str, field: str = "gt") -> int:
    """Write ``field`` into every index entry that uses a term; returns how many."""
    prepared = prepare_terms(terms, lang)
    changed = 0
    for doc in docs:
        page = doc["location"].split("#")[0].strip("/").split("/")[0]
        value = glossary_field(f"{doc.get('title', '')}\n{doc.get('text', '')}", prepared, page)
        if value:
            doc[field] = value
            changed += 1
    return changed


def fill_empty_snippets(docs: list[dict]) -> int:
    """A section with a title but no text gets the titles of the sections that follow it
    on the same page, up to the first one with text; returns how many were filled."""
    filled = 0
    for i, doc in enumerate(docs):
        if doc.get("text", "").strip() or "#" not in doc["location"]:
            continue
        page = doc["location"].split("#")[0]
        titles = []
        for nxt in docs[i + 1:]:
            if nxt["location"].split("#")[0] != page or "#" not in nxt["location"]:
                break
            titles.append(nxt["title"])
            if nxt.get("text", "").strip():
                break
        if titles:
            doc["text"] = "<p>" + " · ".join(titles) + "</p>"   # titles are HTML already
            filled += 1
    return filled

"""One work, one citation: the same work is always cited the same way, everywhere.

What is read (outside code, through ``markdown.Page``):

- reference-list entries, the numbered items of a page's ``## ... {#references}`` section:
  ``N. Authors (2017a). *Title*. Venue. <https://...>`` (authors, year and title; an entry
  without a year, such as documentation, has year ``''``);
- inline citations, links whose text ends with a year:
  ``([Vaswani et al., 2017](url))``, ``([OpenAI, 2023b](url))``, ``[Bengio 등(2003)](url)``,
  ``Elman ([1990](url))``;
- the ``source`` URLs of the glossary and the timeline (a URL only).

Rules (letter suffixes, ``2023a``, are given per page, so years are compared without them):

1. every reference-list entry of one URL has the same year everywhere, and the same
   authors and title in every chapter of one language (a work without an original-language
   title, such as a post or a Korean law, may have its description translated);
2. an inline citation of a URL has the year of that URL's reference entry (every inline
   citation of a URL without an entry, one year), and names an
   author of it (a word of the citation, or its initials, as in ``EU``, appears in the
   entry's authors);
3. one author-year points at one work: within a page, ``Author, 2023a`` always links the
   same URL; across the book, entries with the same first author, year and title share one URL;
4. one work, one URL: URLs that differ only in spelling (``http``/``https``, a trailing
   slash, ``arxiv.org/pdf/X`` or ``abs/XvN`` for ``abs/X``, ``dx.doi.org``) are written one way.

Every problem names the file and line of the citation that disagrees, and where the other
one is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

YEAR_SUFFIX = re.compile(r"^(\d{4})[a-z]?$")
ITEM = re.compile(r"^\d+\.\s+(.*)$")
ENTRY = re.compile(r"^(?P<authors>.+?)\s+\((?P<year>\d{4}[a-z]?)\)\.\s+(?P<rest>.*)$")
ENTRY_NO_YEAR = re.compile(r"^(?P<authors>[^*.]+?)\.\s+(?P<rest>\*.*)$")
TITLE = re.compile(r"^\*(?P<title>[^*]+)\*|^(?P<plain>[^.<]+)")
ANGLE_URL = re.compile(r"<(https?://[^>\s]+)>")
LINK_URL = re.compile(r"\]\((https?://[^)\s]+)\)")
INLINE = re.compile(
    r"\[(?P<who>[^\]\[]*?),\s*(?P<year>\d{4}[a-z]?)\]\((?P<url>https?://[^)\s]+)\)"
    r"|\[(?P<who2>[^\]\[]*?)\s*\((?P<year2>\d{4}[a-z]?)\)\]\((?P<url2>https?://[^)\s]+)\)"
    r"|\[(?P<year3>\d{4}[a-z]?)\]\((?P<url3>https?://[^)\s]+)\)")
WORD = re.compile(r"[A-Za-z][A-Za-z.\-']*")


@dataclass(frozen=True)
class Entry:
    """A reference-list entry."""
    path: str
    line: int
    authors: str
    year: str
    title: str
    url: str


@dataclass(frozen=True)
class Inline:
    """An inline citation: the link text's author part and year."""
    path: str
    line: int
    who: str
    year: str
    url: str


ET_AL = re.compile(r"\s+(?:등|et al\.?)$")


def language(path: str) -> str:
    """The language folder of a page path (``docs/ko/x.md`` -> ``ko``); '' for data files."""
    parts = re.split(r"[\\/]", path)
    return parts[-2] if len(parts) >= 2 and path.endswith(".md") else ""


def names_an_author(who: str, authors: str) -> bool:
    """Whether the citation text ``who`` names one of ``authors`` (a word of it, or its
    initials: ``EU`` for ``European Union``)."""
    words = [w.rstrip(".") for w in WORD.findall(ET_AL.sub("", who)) if w[0].isupper()]
    initials = "".join(w[0] for w in WORD.findall(authors) if w[0].isupper())
    return any(w in authors or (len(w) > 1 and w.isupper() and w in initials) for w in words) or not words


def base_year(year: str) -> str:
    m = YEAR_SUFFIX.match(year)
    return m.group(1) if m else year


def without_location(url: str) -> str:
    """``url`` without a place inside the work (``#section``, a video's ``t=2743s``)."""
    u = url.strip().split("#", 1)[0]
    u = re.sub(r"([?&])t=\d+s?(&|$)", lambda m: m.group(1) if m.group(2) else "", u)
    return u.rstrip("?&")


def normal_url(url: str) -> str:
    """The spelling-independent key of a URL (rule 4)."""
    u = without_location(url).rstrip("/")
    u = re.sub(r"^http://", "https://", u)
    u = u.replace("://www.arxiv.org/", "://arxiv.org/").replace("://dx.doi.org/", "://doi.org/")
    m = re.match(r"^https://arxiv\.org/(?:abs|pdf)/([^?#]+?)(?:v\d+)?(?:\.pdf)?$", u)
    if m:
        return f"https://arxiv.org/abs/{m.group(1)}"
    return u


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip().rstrip(".").strip()


def parse_entry(text: str) -> tuple[str, str, str] | None:
    """(authors, year, title) of one reference-list item's text, or None if it has no
    recognisable author part."""
    m = ENTRY.match(text)
    if m:
        authors, year, rest = m.group("authors"), m.group("year"), m.group("rest")
    else:
        m = ENTRY_NO_YEAR.match(text)
        if not m:
            return None
        authors, year, rest = m.group("authors"), "", m.group("rest")
    t = TITLE.match(rest)
    title = (t.group("title") or t.group("plain")) if t else ""
    return _clean(authors), year, _clean(title)


def read_page(path: str, text: str, masked: str, references_start: int | None,
              references_end: int | None) -> tuple[list[Entry], list[Inline]]:
    """Entries of the references section (between the two offsets of ``masked``) and
    inline citations elsewhere in the page. Offsets are those of ``text``/``masked``
    (the same length; code is blanked in ``masked``)."""
    entries: list[Entry] = []
    inlines: list[Inline] = []
    offset = 0
    for number, raw in enumerate(masked.split("\n"), start=1):
        start, offset = offset, offset + len(raw) + 1
        in_refs = references_start is not None and references_start <= start < (references_end or len(masked))
        source_line = text[start:start + len(raw)]
        if in_refs:
            m = ITEM.match(raw)
            if not m:
                continue
            urls = ANGLE_URL.findall(raw) or LINK_URL.findall(raw)
            parsed = parse_entry(source_line[m.start(1):])
            if urls and parsed:
                entries.append(Entry(path, number, *parsed, urls[0]))
            continue
        for c in INLINE.finditer(raw):
            who = c.group("who") if c.group("who") is not None else (c.group("who2") or "")
            year = c.group("year") or c.group("year2") or c.group("year3")
            url = c.group("url") or c.group("url2") or c.group("url3")
            inlines.append(Inline(path, number, _clean(who), year, url))
    return entries, inlines


def check(entries: list[Entry], inlines: list[Inline], sources: list[tuple[str, int, str]],
          shown=lambda p: p) -> list[str]:
    """Problems of rules 1–4 as ``path:line: message``. ``sources``: (path, line, url)
    of the data files' ``source`` fields. ``shown`` turns a path into the one to print."""
    problems: list[str] = []

    def at(item) -> str:
        return f"{shown(item.path)}:{item.line}"

    # rule 4: one spelling per work
    spelled: dict[str, tuple[str, str]] = {}
    every = [(e.path, e.line, e.url) for e in entries] + [(i.path, i.line, i.url) for i in inlines] + list(sources)
    for path, line, url in every:
        key = normal_url(url)
        first = spelled.setdefault(key, (without_location(url), f"{shown(path)}:{line}"))
        if first[0] != without_location(url):
            problems.append(f"{shown(path)}:{line}: '{url}' is written '{first[0]}' at {first[1]}; "
                            "write one work's URL one way")

    # rule 1: one URL, one authors-year-title
    by_url: dict[str, Entry] = {}
    by_lang_url: dict[tuple[str, str], Entry] = {}
    for e in entries:
        key = normal_url(e.url)
        first = by_url.setdefault(key, e)
        if base_year(e.year) != base_year(first.year):
            problems.append(f"{at(e)}: {e.url} is cited with year '{e.year or 'none'}', "
                            f"but with '{first.year or 'none'}' at {at(first)}")
        first = by_lang_url.setdefault((language(e.path), key), e)
        for what, a, b in (("authors", e.authors, first.authors), ("title", e.title, first.title)):
            if a != b:
                problems.append(f"{at(e)}: {e.url} is cited with {what} '{a}', but with '{b}' at {at(first)}")

    # rule 2: inline citations agree with the reference entry of their URL
    for c in inlines:
        e = by_lang_url.get((language(c.path), normal_url(c.url))) or by_url.get(normal_url(c.url))
        if e is None:
            continue
        if e.year and base_year(c.year) != base_year(e.year):
            problems.append(f"{at(c)}: cites {c.url} as {base_year(c.year)}, but its reference entry says "
                            f"{base_year(e.year)} ({at(e)})")
        if e.authors and not names_an_author(c.who, e.authors):
            problems.append(f"{at(c)}: cites {c.url} as '{c.who}', but its reference entry's authors are "
                            f"'{e.authors}' ({at(e)})")

    # rule 2, without an entry: every inline citation of a URL gives one year
    first_inline: dict[str, Inline] = {}
    for c in inlines:
        key = normal_url(c.url)
        first = first_inline.setdefault(key, c)
        if key not in by_url and base_year(c.year) != base_year(first.year):
            problems.append(f"{at(c)}: cites {c.url} as {base_year(c.year)}, but as {base_year(first.year)} at {at(first)}")

    # rule 3: one author-year, one work
    per_page: dict[tuple[str, str, str], Inline] = {}
    for c in inlines:
        who = ET_AL.sub("", c.who)
        if not who:
            continue   # a bare year, ([2019](url)): the author is named in the sentence
        first = per_page.setdefault((c.path, who, c.year), c)
        if normal_url(first.url) != normal_url(c.url):
            problems.append(f"{at(c)}: '{who}, {c.year}' links {c.url}, but {first.url} at {at(first)}")
    by_work: dict[tuple[str, str, str], Entry] = {}
    for e in entries:
        key = (e.authors.split(",")[0].split(" ")[0], base_year(e.year), e.title.casefold())
        first = by_work.setdefault(key, e)
        if normal_url(first.url) != normal_url(e.url):
            problems.append(f"{at(e)}: '{e.authors} ({e.year}). {e.title}' links {e.url}, "
                            f"but {first.url} at {at(first)}")
    return problems

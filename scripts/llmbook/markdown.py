"""The one Markdown reader: every check and generator sees a page through it.

Each page of ``docs/<lang>/*.md`` is read and parsed once per build into a ``Page``:
front matter, body, headings (with their explicit ``{#id}``), links, glossary links,
figures, quiz questions and the references section. Code is masked first, so that a link
or heading inside a fenced block (````` ``` ````` or ``~~~``, any length) or an inline
code span never counts; masking keeps every line where it is, so each finding carries the
line an editor shows.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property

from .frontmatter import FrontMatterError, split as split_front_matter

FENCE_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$", re.M)
EXPLICIT_ID = re.compile(r"\{[^}]*#([A-Za-z0-9][\w\-]*)[^}]*\}\s*$")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+?\.md)(?:#([^)\s>]*))?>?(?:\s+\"[^\"]*\")?\s*\)")
GLOSSARY_LINK = re.compile(r"\]\(\s*(?:\./)?glossary\.md#([^)\s]*)\s*\)")
FIGURE = re.compile(r"!\[[^\]]*\]\([^)]*\.svg\)")
QUIZ = re.compile(r"^\?\?\?\+?\s+question\b", re.M)
REFERENCES = re.compile(r"^##\s+.*\{#references\}\s*$", re.M)
NEXT_H2 = re.compile(r"^##\s", re.M)
LIST_ITEM = re.compile(r"^(?:\d+\.|[-*])\s+", re.M)
# Anchors of the glossary page that are not terms (its download and index sections).
GLOSSARY_PAGE_ANCHORS = re.compile(r"^(?:download|index|index-[a-z]+|glossary-index)$")


def mask_code(text: str) -> str:
    """``text`` with fenced code blocks and inline code spans replaced by spaces, line
    breaks kept, so offsets and line numbers stay those of the source."""
    out, fence = [], None
    for line in text.split("\n"):
        if fence:
            out.append(" " * len(line))
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        m = FENCE_OPEN.match(line)
        if m:
            fence = m.group(1)
            out.append(" " * len(line))
            continue
        out.append(INLINE_CODE.sub(lambda c: " " * len(c.group(0)), line))
    return "\n".join(out)


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str
    ident: str | None


@dataclass(frozen=True)
class Link:
    line: int
    target: str          # the page, as written ("transformer.md")
    anchor: str | None


@dataclass
class Page:
    """One Markdown page, parsed once."""
    path: str
    lang: str
    slug: str
    text: str
    meta: dict = field(default_factory=dict)
    body: str = ""
    meta_error: FrontMatterError | None = None

    @classmethod
    def parse(cls, path: str, lang: str, text: str, shown_path: str | None = None) -> "Page":
        slug = os.path.basename(path)[:-3]
        try:
            meta, body = split_front_matter(text, shown_path or path)
            return cls(path, lang, slug, text, meta, body)
        except FrontMatterError as err:
            return cls(path, lang, slug, text, {}, text, err)

    @classmethod
    def read(cls, path: str, lang: str, shown_path: str | None = None) -> "Page":
        with open(path, encoding="utf-8") as fh:
            return cls.parse(path, lang, fh.read(), shown_path)

    @cached_property
    def masked(self) -> str:
        return mask_code(self.text)

    def line_at(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    @cached_property
    def title(self) -> str:
        return str(self.meta.get("title") or self.slug)

    @cached_property
    def headings(self) -> list[Heading]:
        """Every ATX heading outside code, with its explicit id (or None)."""
        out = []
        body_start = len(self.text) - len(self.body)   # front matter comments are not headings
        for m in HEADING.finditer(self.masked, body_start):
            # the text itself from the source (masking blanks inline code in headings)
            start = m.start(2)
            text = self.text[start:m.end(2)]
            ident = EXPLICIT_ID.search(text)
            out.append(Heading(self.line_at(m.start()), len(m.group(1)), text, ident.group(1) if ident else None))
        return out

    @cached_property
    def links(self) -> list[Link]:
        """Links to other pages (``x.md``, ``x.md#id``) outside code; images excluded."""
        return [Link(self.line_at(m.start()), m.group(1), m.group(2)) for m in LINK.finditer(self.masked)]

    @cached_property
    def glossary_refs(self) -> list[tuple[str, int]]:
        """(term id, line) of every link to a glossary entry outside code."""
        return [(m.group(1), self.line_at(m.start())) for m in GLOSSARY_LINK.finditer(self.masked)
                if not GLOSSARY_PAGE_ANCHORS.match(m.group(1))]

    @cached_property
    def figure_count(self) -> int:
        return len(FIGURE.findall(self.masked))

    @cached_property
    def quiz_count(self) -> int:
        return len(QUIZ.findall(self.masked))

    @cached_property
    def references(self) -> str:
        """The body of the page's ``## ... {#references}`` section ('' if it has none)."""
        m = REFERENCES.search(self.masked)
        if not m:
            return ""
        end = NEXT_H2.search(self.masked, m.end())
        return self.text[m.end():end.start() if end else len(self.text)].strip()

    @cached_property
    def reference_count(self) -> int:
        return len(LIST_ITEM.findall(self.references))


class Book:
    """Every page of every language, read once: ``book.pages[lang][slug]``."""

    def __init__(self, docs_dir: str, languages, root: str | None = None):
        self.docs_dir = docs_dir
        self.languages = tuple(languages)
        self.root = root
        self.pages: dict[str, dict[str, Page]] = {}
        for lang in self.languages:
            folder = os.path.join(docs_dir, lang)
            self.pages[lang] = {}
            for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
                if name.endswith(".md"):
                    path = os.path.join(folder, name)
                    shown = os.path.relpath(path, root) if root else path
                    self.pages[lang][name[:-3]] = Page.read(path, lang, shown)

    def by_path(self, path: str) -> Page | None:
        """The page read from ``path`` (an absolute source path), if any."""
        if not hasattr(self, "_by_path"):
            self._by_path = {os.path.abspath(p.path): p for p in self.all_pages()}
        return self._by_path.get(os.path.abspath(path))

    def slugs(self, lang: str | None = None) -> set[str]:
        return set(self.pages[lang or self.languages[0]])

    def page(self, lang: str, slug: str) -> Page | None:
        return self.pages.get(lang, {}).get(slug)

    def all_pages(self):
        for lang in self.languages:
            yield from self.pages[lang].values()

    def glossary_refs(self) -> dict[str, list[tuple[str, str, int, str]]]:
        """term id -> [(language, slug, line, path)] of every link to it."""
        out: dict[str, list] = {}
        for page in self.all_pages():
            for ident, line in page.glossary_refs:
                out.setdefault(ident, []).append((page.lang, page.slug, line, page.path))
        return out

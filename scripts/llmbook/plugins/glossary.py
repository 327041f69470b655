"""``llmbook-glossary``: the glossary pages (an index page and one page of full entries
per part of the book), tooltips on term links, the CSV download and the term checks, from
one term base (see ``llmbook.glossary``)."""
from __future__ import annotations

import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .. import glossary, nav as book_nav, site_config
from ..datafile import DataFileError
from ..problems import line_of, log, report
from . import book_plugin


class GlossaryConfig(Config):
    enabled = c.Type(bool, default=True)
    data_file = c.File(exists=True, default=os.path.join("docs", "_data", "glossary.yml"))
    """The term base, relative to mkdocs.yml."""
    page = c.Type(str, default="glossary")
    """Slug of the glossary index page (it holds the marker ``<!-- glossary -->``). The part
    pages of entries hold the same marker and say ``glossary_from: <first chapter>`` in their
    front matter (``llmbook.glossary.parts``)."""
    csv = c.Type(str, default="glossary.csv")
    """Name of the CSV download, written at the root of the built site."""


class GlossaryPlugin(BasePlugin[GlossaryConfig]):
    def __init__(self):
        super().__init__()
        self.terms: dict[str, glossary.Term] = {}
        self.refs: dict[str, list[tuple[str, str, int]]] = {}
        self.parts: list[glossary.Part] = []
        self.entry_page: dict[str, str] = {}   # term id -> slug of the page with its full entry

    def on_pre_build(self, config):
        if not self.config.enabled or not site_config.is_outer_build(config):
            return
        book = book_plugin(config)
        data = book.relative(self.config.data_file)
        try:
            terms, problems = glossary.load(self.config.data_file, book.book.slugs())
        except DataFileError as err:
            raise PluginError(str(err).replace(book.root + os.sep, "")) from None
        refs = book.book.glossary_refs()
        for problem in problems:
            log.warning(problem.replace(book.root + os.sep, ""))
        places = {ident: [(book.relative(path), line) for _lang, _slug, line, path in found]
                  for ident, found in refs.items()}
        for problem in glossary.check_references(terms, places, data):
            log.warning(problem)
        self.terms = {t.id: t for t in terms}
        self.refs = {ident: [(lang, slug, line) for lang, slug, line, _ in found] for ident, found in refs.items()}
        where: dict[str, glossary.Part] = {}
        part_pages, page_problems = self._part_pages(book)
        for problem in page_problems:
            log.warning(problem)
        default = book.languages.all[0]
        nav_pages = book_nav.pages(config["nav"] or [], lambda file: getattr(
            book.book.page(default, file[:-3]), "meta", None) or {})
        self.parts, problems = glossary.find_parts(nav_pages, part_pages, "mkdocs.yml: nav")
        if self.parts:
            where, more = glossary.term_pages(terms, self.parts, data)
            problems += more
        for problem in problems:
            log.warning(problem)
        self.entry_page = {ident: part.slug for ident, part in where.items()}

    @staticmethod
    def _part_pages(book) -> tuple[dict[str, str], list[str]]:
        """{slug: first chapter} of the pages whose front matter says ``glossary_from``
        (the same in every language), and the problems found."""
        found: dict[str, str] = {}
        problems = []
        for lang in book.languages.all:
            for slug, page in sorted(book.book.pages[lang].items()):
                first = (page.meta or {}).get("glossary_from")
                if first is None:
                    continue
                at = book.relative(page.path)
                if not isinstance(first, str) or not first.strip():
                    problems.append(f"{at}:1: 'glossary_from' must name a chapter (its slug), not {first!r}")
                elif glossary.MARKER not in page.text:
                    problems.append(f"{at}:1: a glossary page of entries must hold '{glossary.MARKER}'")
                elif found.setdefault(slug, first) != first:
                    problems.append(f"{at}:1: 'glossary_from: {first}' differs from the other language's "
                                    f"'{found[slug]}'")
        return found, problems

    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled or glossary.MARKER not in markdown:
            return markdown
        book = book_plugin(config)
        lang = site_config.current_language(config)
        t = book.strings_for("glossary", lang)
        terms = list(self.terms.values())
        part = next((p for p in self.parts if p.slug == page.file.src_uri.rsplit("/", 1)[-1][:-3]), None)
        if part is None:   # the index page
            csv_href = "../" * page.url.count("/") + self.config.csv
            hrefs = {ident: f"../{slug}/#{ident}" for ident, slug in self.entry_page.items()}
            titles = book.titles(lang)
            parts = [(self._title(p, t), f"{p.slug}.md", self._count(p),
                      " · ".join(titles.get(slug, slug) for slug in p.chapters)) for p in self.parts]
            body = glossary.render_index(terms, lang, hrefs, parts, csv_href, t, book.templates)
            return markdown.replace(glossary.MARKER, body)
        page.meta["title"] = self._title(part, t)
        order = [p.file.src_uri.rsplit("/", 1)[-1][:-3] for p in book.nav.pages]
        usage = glossary.usage(self.refs, order, {self.config.page, "index"} | {p.slug for p in self.parts})
        hrefs = {ident: f"#{ident}" if slug == part.slug else f"../{slug}/#{ident}"
                 for ident, slug in self.entry_page.items()}
        mine = [term for term in terms if self.entry_page.get(term.id) == part.slug]
        titles = book.titles(lang)
        # " · ", not a comma: chapter titles have commas of their own
        chapters = " · ".join(f"[{titles.get(slug, slug)}]({slug}.md)" for slug in part.chapters)
        current = ' aria-current="page"'
        links = " · ".join(f'<a href="../{p.slug}/"{current if p is part else ""}>{self._chapters(p, t)}</a>'
                           for p in self.parts)
        intro = "\n".join([
            f"# {page.meta['title']}", "",   # the page's own heading, like every page's (its id is the slug)
            t["part_intro"].format(chapters=self._chapters(part, t), titles=chapters, n=len(mine),
                                   index=f"[{t['index_link']}]({self.config.page}.md#index)"), "",
            f'<nav class="glossary-parts" aria-label="{t["parts"]}" data-search-exclude>'
            f'<a href="../{self.config.page}/#index">{t["index_link_short"]}</a> · {links}</nav>'])
        body = glossary.render_part(mine, lang, intro, self.terms, hrefs, titles, usage.get(lang, {}),
                                    t, book.templates)
        return markdown.replace(glossary.MARKER, body)

    def _count(self, part) -> int:
        return sum(slug == part.slug for slug in self.entry_page.values())

    @staticmethod
    def _chapters(part, t) -> str:
        """'1–2장', 'chapters 1–2', 'chapter 5' (the UI strings of the page's language)."""
        first, last = part.numbers
        return t["chapters_one"].format(n=first) if first == last else \
            t["chapters_range"].format(first=first, last=last)

    def _title(self, part, t) -> str:
        return t["part_title"].format(chapters=self._chapters(part, t))

    # 0 (default), listed after llmbook-book: tooltips go into the HTML after figures are inlined.
    def on_page_content(self, html, page, config, files):
        if not self.config.enabled:
            return html
        book = book_plugin(config)
        source = book.page_source(page)

        def unknown_term(ident: str) -> None:
            if f"{self.config.page}.md#{ident}" in source.text:
                return   # a Markdown link: check_references reported it with its line
            report(source.path, line_of(source.text, f"#{ident}"), f"unknown glossary term '{ident}'", book.root)

        return glossary.add_tooltips(html, self.terms, site_config.current_language(config), book.templates,
                                     unknown_term, self.entry_page)

    # -200: once, after mkdocs-static-i18n's on_post_build (-100) has built every language.
    @event_priority(-200)
    def on_post_build(self, config):
        if not self.config.enabled or not site_config.is_outer_build(config):
            return
        with open(os.path.join(config.site_dir, self.config.csv), "w", encoding="utf-8", newline="") as fh:
            fh.write(glossary.to_csv(list(self.terms.values())))


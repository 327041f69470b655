"""``llmbook-editorial``: the checks that keep the editors' fixes fixed (issue 15), each
problem with file and line, and the anchors of the misconceptions boxes:

- preferred forms (``llmbook.preferred_forms``, data file ``preferred_forms``);
- one work, one citation (``llmbook.citations``), over every page and the glossary's and
  the timeline's ``source`` fields;
- derived, not hand-written (``llmbook.derived``): the glossary's "Introduced in" and the
  timeline's "Explained in";
- misconceptions boxes (``llmbook.misconceptions``): every box titled like one carries the
  ``misconceptions`` class; in the HTML each gets a stable id and a permalink.
"""
from __future__ import annotations

import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .. import citations, derived, misconceptions, nav, preferred_forms, site_config
from ..datafile import DataFileError
from ..markdown import NEXT_H2, REFERENCES
from ..problems import log, report
from . import book_plugin


class EditorialConfig(Config):
    checks = c.Type(bool, default=True)
    preferred_forms = c.File(exists=True, default=os.path.join("docs", "_data", "preferred-forms.yml"))
    """Preferred names and terms with their rejected variants, per language."""
    misconception_titles = c.ListOfItems(c.Type(str), default=["흔한 오해", "Common misconceptions"])
    """Box titles that mark a misconceptions box, in every language."""


class EditorialPlugin(BasePlugin[EditorialConfig]):
    # -50: after llmbook-glossary and llmbook-timeline (0) have read their data files.
    @event_priority(-50)
    def on_pre_build(self, config):
        if not self.config.checks or not site_config.is_outer_build(config):
            return
        book = book_plugin(config)
        glossary_plugin = config.plugins.get("llmbook-glossary")
        timeline_plugin = config.plugins.get("llmbook-timeline")
        terms = list(glossary_plugin.terms.values()) if glossary_plugin else []
        events = timeline_plugin.events if timeline_plugin else []
        glossary_file = book.relative(glossary_plugin.config.data_file) if glossary_plugin else ""
        timeline_file = book.relative(timeline_plugin.config.data_file) if timeline_plugin else ""
        langs = book.languages.all
        data_prose = {glossary_file: [(t.line, lang, getattr(t, f"{lang}{part}", ""))
                                      for t in terms for lang in langs for part in ("", "_short", "_long")],
                      timeline_file: [(e["line"], lang, e.get(lang, "")) for e in events for lang in langs]}
        self._preferred_forms(book, data_prose)
        self._misconception_boxes(book)
        self._citations(book, [(glossary_file, t.line, t.source) for t in terms if t.source] +
                        [(timeline_file, e["line"], e["source"]) for e in events])
        order = nav.chapters(config.config_file_path)
        if terms:
            links = {ident: [(lang, slug) for lang, slug, _line, _path in found]
                     for ident, found in book.book.glossary_refs().items()}
            for problem in derived.check_glossary(terms, links, order, glossary_file):
                log.warning(problem)
        if events:
            def text(lang, slug):
                page = book.book.page(lang, slug)
                return page.masked if page else None
            for problem in derived.check_timeline(events, text, book.languages.all, timeline_file):
                log.warning(problem)

    def _preferred_forms(self, book, data_prose: dict):
        data = book.relative(self.config.preferred_forms)
        try:
            rules, problems = preferred_forms.load(self.config.preferred_forms, book.languages.all)
        except DataFileError as err:
            raise PluginError(str(err).replace(book.root + os.sep, "")) from None
        for problem in problems:
            log.warning(problem.replace(book.root + os.sep, ""))
        for page in book.book.all_pages():
            for line, rejected, preferred in preferred_forms.check_text(rules, page.lang, page.masked):
                report(page.path, line, preferred_forms.message(rejected, preferred, data), book.root)
        for shown, items in data_prose.items():
            for line, rejected, preferred in preferred_forms.check_data(rules, items):
                log.warning(f"{shown}:{line}: {preferred_forms.message(rejected, preferred, data)}")

    def _misconception_boxes(self, book):
        titles = set(self.config.misconception_titles)
        for page in book.book.all_pages():
            for line in misconceptions.unmarked_boxes(page.masked, titles):
                report(page.path, line, "a misconceptions box needs the class 'misconceptions' "
                       "(!!! warning misconceptions \"...\"), which gives it its anchor", book.root)
            boxes = set(misconceptions.source_ids(page.masked))
            for heading in page.headings:
                if heading.ident in boxes:
                    report(page.path, heading.line, f"heading id '{heading.ident}' is the id of the page's "
                           "misconceptions box; choose another", book.root)

    def _citations(self, book, sources):
        entries, inlines = [], []
        for page in book.book.all_pages():
            m = REFERENCES.search(page.masked)
            start = end = None
            if m:
                nxt = NEXT_H2.search(page.masked, m.end())
                start, end = m.end(), nxt.start() if nxt else len(page.masked)
            found = citations.read_page(page.path, page.text, page.masked, start, end)
            entries += found[0]
            inlines += found[1]
        for problem in citations.check(entries, inlines, sources, shown=lambda p: book.relative(p) if os.path.isabs(p) else p):
            log.warning(problem)

    def on_page_content(self, html, page, config, files):
        toc = (config.mdx_configs or {}).get("toc", {})
        title = toc.get("permalink_title") or "Permanent link"
        symbol = toc.get("permalink") if isinstance(toc.get("permalink"), str) else "¶"
        html = misconceptions.add_anchors(html, title, symbol)
        # MkDocs validates links to these ids after every page is rendered, against the
        # anchors it collected while converting the Markdown: add the boxes' ids.
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.update(misconceptions.html_ids(html))
        return html

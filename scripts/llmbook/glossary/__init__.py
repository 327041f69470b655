"""The bilingual glossary: one term base drives the glossary pages, in-text term
tooltips, the CSV download and the build-time checks. One job per module:

- ``model``: a term, dictionary order and index letters;
- ``validate``: reading and checking ``docs/_data/glossary.yml``;
- ``links``: unknown and unused terms, and which pages use each term;
- ``parts``: which part page holds each term's full entry;
- ``render``: the glossary pages' bodies (the index page and the pages of entries);
- ``csv_export``: the CSV download;
- ``tooltips``: tooltips on term links in every page.

Source of truth: ``docs/_data/glossary.yml``, a list of terms::

    - id: attention                 # stable English id, the glossary anchor
      ko: 어텐션                    # the one Korean form the book uses
      en: attention
      ko_aliases: [주의 집중]       # other renderings a reader meets (optional)
      en_aliases: [attention mechanism]
      ko_short: 툴팁에 쓰는 한 문장 정의.
      en_short: One-sentence definition for the tooltip.
      ko_long: 두세 문장의 설명.
      en_long: Two or three sentences.
      chapter: transformer          # the chapter that introduces it (a page slug)
      related: [self-attention]     # other term ids (optional)
      source: https://...           # primary source (optional)

The glossary is an index page (``glossary.md``: every term with a link to its entry) and
pages of full entries, each for a run of chapters (``glossary-1.md`` ..., front matter
``glossary_from: <first chapter>``; see ``parts``); a term's entry is on the page whose
run holds its ``chapter``. A chapter links a term with an ordinary Markdown link,
``[어텐션](glossary.md#attention)``; the build points the link at the page with the entry.
The glossary plugin (``llmbook.plugins.glossary``) renders ``<!-- glossary -->`` on the
glossary pages, adds the tooltips, writes the CSV and reports, with file and line:
malformed data, missing fields or languages, duplicate ids or names, unknown ids in
chapters or in ``related``, and terms no page links to.
"""
from .csv_export import to_csv
from .links import check_references, usage
from .model import Term, initial, sort_key
from .parts import Part, find_parts, term_pages
from .render import MARKER, render_index, render_part
from .tooltips import PAGE_ANCHORS, add_tooltips
from .validate import GlossaryError, load

__all__ = ["MARKER", "PAGE_ANCHORS", "GlossaryError", "Part", "Term", "add_tooltips", "check_references",
           "find_parts", "initial", "load", "render_index", "render_part", "sort_key", "term_pages", "to_csv",
           "usage"]

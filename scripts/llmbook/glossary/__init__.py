"""The bilingual glossary: one term base drives the glossary pages, in-text term
tooltips, the CSV download and the build-time checks. One job per module:

- ``model``: a term, dictionary order and index letters;
- ``validate``: reading and checking ``docs/_data/glossary.yml``;
- ``links``: unknown and unused terms, and which pages use each term;
- ``render``: the glossary page's body;
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

A chapter links a term with an ordinary Markdown link, ``[어텐션](glossary.md#attention)``.
The glossary plugin (``llmbook.plugins.glossary``) renders ``<!-- glossary -->`` on the
glossary page, adds the tooltips, writes the CSV and reports, with file and line:
malformed data, missing fields or languages, duplicate ids or names, unknown ids in
chapters or in ``related``, and terms no page links to.
"""
from .csv_export import to_csv
from .links import check_references, usage
from .model import Term, initial, sort_key
from .render import MARKER, render_page
from .tooltips import PAGE_ANCHORS, add_tooltips
from .validate import GlossaryError, load

__all__ = ["MARKER", "PAGE_ANCHORS", "GlossaryError", "Term", "add_tooltips", "check_references", "initial",
           "load", "render_page", "sort_key", "to_csv", "usage"]

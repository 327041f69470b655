"""The glossary as a CSV download: both languages and both definitions, one row per term."""
from __future__ import annotations

import csv
import io

from .model import Term, sort_key

HEADER = ["id", "korean", "english", "korean_aliases", "english_aliases",
          "korean_definition", "english_definition", "chapter", "source"]


def to_csv(terms: list[Term]) -> str:
    """One row per term, in the English order, with a BOM (spreadsheet programs then read the Hangul right)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER)
    for term in sorted(terms, key=lambda term: sort_key(term, "en")):
        writer.writerow([term.id, term.ko, term.en, "; ".join(term.ko_aliases), "; ".join(term.en_aliases),
                         term.ko_short, term.en_short, term.chapter, term.source])
    return "\ufeff" + buf.getvalue()

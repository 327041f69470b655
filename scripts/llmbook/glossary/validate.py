"""Read and validate the term base (``docs/_data/glossary.yml``); every problem names
the file and line."""
from __future__ import annotations

import re

from .. import datafile
from .model import Term, fold

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("id", "ko", "en", "ko_short", "en_short", "ko_long", "en_long", "chapter")
OPTIONAL = ("ko_aliases", "en_aliases", "related", "source")


class GlossaryError(datafile.DataFileError):
    """Malformed glossary data; the message names the file and line."""


def load(path: str, chapters: set[str] | None = None) -> tuple[list[Term], list[str]]:
    """Parse and validate the term base.

    Returns (terms, problems). A file that cannot be read as a list of terms raises
    GlossaryError; every other problem is returned as ``path:line: message``.
    """
    shown = path
    try:
        data = datafile.load(path, list, "a list of terms")
    except datafile.DataFileError as err:
        raise GlossaryError(str(err)) from None

    problems: list[str] = []
    terms: list[Term] = []
    for entry in data:
        if not isinstance(entry, dict):
            problems.append(f"{shown}: every item must be a mapping of fields, found {entry!r}")
            continue
        line = entry.pop("__line__", 0)
        at = f"{shown}:{line}"
        unknown = set(entry) - set(REQUIRED) - set(OPTIONAL)
        if unknown:
            problems.append(f"{at}: unknown field(s) {', '.join(sorted(unknown))}")
        missing = [k for k in REQUIRED if not str(entry.get(k) or "").strip()]
        if missing:
            label = entry.get("id") or entry.get("en") or entry.get("ko") or "?"
            problems.append(f"{at}: term '{label}' lacks {', '.join(missing)}")
            continue
        if not ID.match(str(entry["id"])):
            problems.append(f"{at}: id '{entry['id']}' must be lower-case English words joined by '-'")
        lists = {}
        for key in ("ko_aliases", "en_aliases", "related"):
            value = entry.get(key) or []
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems.append(f"{at}: '{key}' of '{entry['id']}' must be a list of strings")
                value = []
            lists[key] = value
        terms.append(Term(
            id=str(entry["id"]), ko=str(entry["ko"]).strip(), en=str(entry["en"]).strip(),
            ko_short=str(entry["ko_short"]).strip(), en_short=str(entry["en_short"]).strip(),
            ko_long=str(entry["ko_long"]).strip(), en_long=str(entry["en_long"]).strip(),
            chapter=str(entry["chapter"]).strip(), source=str(entry.get("source") or "").strip(),
            line=line, **lists,
        ))

    ids: dict[str, Term] = {}
    for term in terms:
        if term.id in ids:
            problems.append(f"{shown}:{term.line}: duplicate id '{term.id}' (first on line {ids[term.id].line})")
        else:
            ids[term.id] = term
    for lang in ("ko", "en"):
        names: dict[str, Term] = {}
        for term in terms:
            for name in [term.name(lang)] + term.aliases(lang):
                key = fold(name)
                if key in names and names[key] is not term:
                    problems.append(f"{shown}:{term.line}: '{name}' of '{term.id}' is already used by "
                                    f"'{names[key].id}' (line {names[key].line})")
                names.setdefault(key, term)
    for term in terms:
        for rel in term.related:
            if rel not in ids:
                problems.append(f"{shown}:{term.line}: '{term.id}' relates to unknown term '{rel}'")
        if chapters is not None and term.chapter not in chapters:
            problems.append(f"{shown}:{term.line}: '{term.id}' names unknown chapter '{term.chapter}'")
        if term.source and not term.source.startswith("https://"):
            problems.append(f"{shown}:{term.line}: source of '{term.id}' must be an https URL")
    return terms, problems

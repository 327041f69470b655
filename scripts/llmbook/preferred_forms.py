"""Preferred forms: the book writes a name or term one way (``docs/_data/preferred-forms.yml``).

The data file maps each language to rules ``{prefer: 수츠케버, reject: [서츠케버]}``. A
rejected variant in a page's prose is a problem naming the file, the line and the
preferred form. Prose is the page (front matter included) without code (masked by the one
reader), link and image targets, bare and ``<...>`` URLs, HTML comments and the numbered
entries of the ``{#references}`` section, which keep a work's original title. Matching is
literal and case-sensitive; each rule must be unambiguous (a rejected variant is never
right), and the file itself is checked: a rule lacks nothing, and a rejected variant is
not part of its own preferred form. The glossary's names and definitions and the
timeline's sentences are checked too (``check_data``), with the data file's line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import datafile

LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
URL = re.compile(r"<https?://[^>\s]*>|https?://[^\s)>\]]+")
COMMENT = re.compile(r"<!--.*?-->", re.S)
ATTRS = re.compile(r"\{[^{}\n]*[#.][^{}\n]*\}")
REFERENCES = re.compile(r"^##\s+.*\{#references\}\s*$", re.M)
NEXT_H2 = re.compile(r"^##\s", re.M)
REFERENCE_ITEM = re.compile(r"^\d+\.\s.*$", re.M)


@dataclass(frozen=True)
class Rule:
    lang: str
    prefer: str
    reject: tuple[str, ...]
    line: int


def load(path: str, languages) -> tuple[list[Rule], list[str]]:
    """(rules, problems) from the data file; DataFileError if it cannot be read."""
    data = datafile.load(path, dict, "a mapping of language to rules")
    rules, problems = [], []
    for lang, items in data.items():
        if lang == "__line__":
            continue
        if lang not in languages:
            problems.append(f"{path}:{data['__line__']}: unknown language '{lang}'")
            continue
        for item in items or []:
            if not isinstance(item, dict):
                problems.append(f"{path}: every rule of '{lang}' must be a mapping, found {item!r}")
                continue
            line = item.get("__line__", 0)
            prefer, reject = item.get("prefer"), item.get("reject")
            if isinstance(reject, str):
                reject = [reject]
            if not isinstance(prefer, str) or not prefer.strip() or not reject or \
                    not all(isinstance(r, str) and r.strip() for r in reject):
                problems.append(f"{path}:{line}: a rule needs 'prefer' (text) and 'reject' (a list of texts)")
                continue
            for r in reject:
                if r in prefer:
                    problems.append(f"{path}:{line}: rejected '{r}' is part of the preferred '{prefer}'")
            rules.append(Rule(lang, prefer, tuple(reject), line))
    return rules, problems


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def prose(masked: str) -> str:
    """``masked`` (a page with code blanked) with everything that is not prose blanked,
    line breaks and offsets kept."""
    text = COMMENT.sub(_blank, masked)
    text = LINK_TARGET.sub(lambda m: "]" + " " * (len(m.group(0)) - 1), text)
    text = URL.sub(_blank, text)
    m = REFERENCES.search(text)
    if m:
        end = NEXT_H2.search(text, m.end())
        stop = end.start() if end else len(text)
        section = REFERENCE_ITEM.sub(_blank, text[m.end():stop])
        text = text[:m.end()] + section + text[stop:]
    return ATTRS.sub(_blank, text)


def check_text(rules: list[Rule], lang: str, masked: str) -> list[tuple[int, str, str]]:
    """(line, rejected, preferred) for every rejected variant in the prose of ``masked``."""
    text = prose(masked)
    found = []
    for rule in rules:
        if rule.lang != lang:
            continue
        for variant in rule.reject:
            for m in re.finditer(re.escape(variant), text):
                found.append((text.count("\n", 0, m.start()) + 1, variant, rule.prefer))
    return sorted(found)


def check_data(rules: list[Rule], items) -> list[tuple[int, str, str]]:
    """(line, rejected, preferred) in data-file prose: ``items`` are (line, language,
    text) of fields shown as text (a glossary definition, a timeline sentence; not the
    aliases, which may list a variant so that search finds it)."""
    found = []
    for line, lang, text in items:
        for rule in rules:
            if rule.lang == lang:
                found += [(line, v, rule.prefer) for v in rule.reject if v in prose(str(text))]
    return sorted(found)


def message(rejected: str, preferred: str, data_file: str) -> str:
    return f"write '{preferred}', not '{rejected}' ({data_file})"

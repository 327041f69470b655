"""The bilingual glossary: one term base drives the glossary pages, in-text term
tooltips, the CSV download and the build-time checks.

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
The build renders ``<!-- glossary -->`` on the glossary page into the sorted entries,
turns every link to an entry into a link with a tooltip in the page's language, and
reports, with file and line: malformed data, missing fields or languages, duplicate ids
or names, unknown ids in chapters or in ``related``, and terms no page links to.
"""
from __future__ import annotations

import csv
import html
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field

import datafile

MARKER = "<!-- glossary -->"
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("id", "ko", "en", "ko_short", "en_short", "ko_long", "en_long", "chapter")
OPTIONAL = ("ko_aliases", "en_aliases", "related", "source")
LINK_IN_MARKDOWN = re.compile(r"\]\(\s*(?:\./)?glossary\.md#([^)\s]*)\s*\)")
# Anchors of the glossary page itself that are not terms (its download and index sections).
PAGE_ANCHORS = re.compile(r"^(?:download|index|index-[a-z]+)$")
LINK_IN_HTML = re.compile(r'<a\b([^>]*?)href="((?:\.\./)*(?:\./)?glossary/(?:index\.html)?)#([^"]*)"([^>]*)>(.*?)</a>', re.S)
CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
BASE_CHOSEONG = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}
CHOSEONG_IDS = {"ㄱ": "g", "ㄴ": "n", "ㄷ": "d", "ㄹ": "r", "ㅁ": "m", "ㅂ": "b", "ㅅ": "s",
                "ㅇ": "ng", "ㅈ": "j", "ㅊ": "ch", "ㅋ": "k", "ㅌ": "t", "ㅍ": "p", "ㅎ": "h"}

TEXT = {
    "ko": {
        "download": "내려받기", "index": "찾아보기", "latin": "A–Z", "other": "기타",
        "download_text": "모든 용어를 한국어와 영어, 두 언어의 정의와 함께 담은 {link}을 내려받을 수 있습니다. "
                         "수업 자료로 나누어 주거나 플래시카드 앱으로 가져올 수 있습니다(UTF-8, 쉼표 구분).",
        "csv": "CSV 파일", "aliases": "다른 표기", "introduced": "처음 나오는 장", "used": "이 용어를 쓰는 장",
        "related": "관련 용어", "source": "출처", "count": "용어 {n}개",
    },
    "en": {
        "download": "Download", "index": "Index", "latin": "A–Z", "other": "Other",
        "download_text": "Download {link} with every term in Korean and English and both definitions, "
                         "to hand out in class or import into a flashcard app (UTF-8, comma-separated).",
        "csv": "the CSV file", "aliases": "Also written", "introduced": "Introduced in", "used": "Used in",
        "related": "Related", "source": "Source", "count": "{n} terms",
    },
}


class GlossaryError(datafile.DataFileError):
    """Malformed glossary data; the message names the file and line."""


@dataclass
class Term:
    id: str
    ko: str
    en: str
    ko_short: str
    en_short: str
    ko_long: str
    en_long: str
    chapter: str
    ko_aliases: list[str] = field(default_factory=list)
    en_aliases: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    source: str = ""
    line: int = 0

    def name(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en

    def other(self, lang: str) -> str:
        return self.en if lang == "ko" else self.ko

    def short(self, lang: str) -> str:
        return self.ko_short if lang == "ko" else self.en_short

    def long(self, lang: str) -> str:
        return self.ko_long if lang == "ko" else self.en_long

    def aliases(self, lang: str) -> list[str]:
        return self.ko_aliases if lang == "ko" else self.en_aliases


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
                key = _fold(name)
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


def _fold(text: str) -> str:
    return re.sub(r"[\s\-·]", "", unicodedata.normalize("NFC", text)).casefold()


def sort_key(term: Term, lang: str) -> tuple:
    """Dictionary order: 가나다 for Korean (Latin-initial names after Hangul), A–Z for English."""
    name = _fold(term.name(lang))
    if lang == "ko":
        group = 0 if "가" <= name[:1] <= "힣" else 1
        return (group, name)
    return (0 if name[:1].isalpha() else 1, name)


def initial(term: Term, lang: str) -> tuple[str, str]:
    """(heading label, heading id) of the index letter a term is filed under."""
    first = _fold(term.name(lang))[:1]
    if lang == "ko":
        if "가" <= first <= "힣":
            jamo = CHOSEONG[(ord(first) - ord("가")) // 588]
            jamo = BASE_CHOSEONG.get(jamo, jamo)
            return jamo, f"index-{CHOSEONG_IDS[jamo]}"
        return TEXT["ko"]["latin"], "index-latin"
    if first.isascii() and first.isalpha():
        return first.upper(), f"index-{first}"
    return TEXT["en"]["other"], "index-other"


def references(pages: dict[str, str]) -> dict[str, list[tuple[str, int]]]:
    """term id -> [(page path, line)] for every ``glossary.md#id`` link in Markdown ``pages``."""
    found: dict[str, list[tuple[str, int]]] = {}
    for path, text in pages.items():
        for m in LINK_IN_MARKDOWN.finditer(text):
            if PAGE_ANCHORS.match(m.group(1)):
                continue
            found.setdefault(m.group(1), []).append((path, text.count("\n", 0, m.start()) + 1))
    return found


def check_references(terms: list[Term], refs: dict[str, list[tuple[str, int]]], data_path: str) -> list[str]:
    """Unknown ids used by pages, and terms that no page links to."""
    ids = {t.id for t in terms}
    problems = []
    for ident, places in sorted(refs.items()):
        if ident not in ids:
            for path, line in places:
                problems.append(f"{path}:{line}: unknown glossary term '{ident}' (not in {data_path})")
    for term in terms:
        if term.id not in refs:
            problems.append(f"{data_path}:{term.line}: term '{term.id}' is never linked from any page")
    return problems


def render_page(terms: list[Term], lang: str, chapter_titles: dict[str, str],
                usage: dict[str, list[str]], csv_href: str) -> str:
    """Markdown for the glossary body of one language."""
    t = TEXT[lang]
    by_id = {term.id: term for term in terms}
    ordered = sorted(terms, key=lambda term: sort_key(term, lang))
    groups: dict[tuple[str, str], list[Term]] = {}
    for term in ordered:
        groups.setdefault(initial(term, lang), []).append(term)
    link = f'<a href="{csv_href}" download="llm-textbook-glossary.csv">{t["csv"]}</a>'
    out = [f"## {t['download']} {{#download}}", "", t["download_text"].format(link=link), "",
           f"## {t['index']} {{#index}}", "",
           '<nav class="glossary-jump" aria-label="' + t["index"] + '">' +
           " ".join(f'<a href="#{gid}">{label}</a>' for label, gid in groups) + "</nav>", "",
           f'<p class="glossary-count">{t["count"].format(n=len(terms))}</p>', ""]
    for (label, gid), members in groups.items():
        out += [f"## {label} {{#{gid}}}", ""]
        for term in members:
            out += _entry(term, lang, by_id, chapter_titles, usage.get(term.id, []))
    return "\n".join(out)


def _entry(term: Term, lang: str, by_id: dict[str, Term], titles: dict[str, str], used_in: list[str]) -> list[str]:
    t = TEXT[lang]
    other_lang = "en" if lang == "ko" else "ko"
    e = html.escape
    rows = []
    aliases = term.aliases(lang)
    if aliases:
        rows.append(f'<dt>{t["aliases"]}</dt><dd>{e(", ".join(aliases))}</dd>')
    rows.append(f'<dt>{t["introduced"]}</dt><dd><a href="../{term.chapter}/">{e(titles.get(term.chapter, term.chapter))}</a></dd>')
    others = [slug for slug in used_in if slug != term.chapter]
    if others:
        rows.append(f'<dt>{t["used"]}</dt><dd>' + ", ".join(
            f'<a href="../{slug}/">{e(titles.get(slug, slug))}</a>' for slug in others) + "</dd>")
    if term.related:
        rows.append(f'<dt>{t["related"]}</dt><dd>' + ", ".join(
            f'<a href="#{rel}">{e(by_id[rel].name(lang))}</a>' for rel in term.related if rel in by_id) + "</dd>")
    if term.source:
        rows.append(f'<dt>{t["source"]}</dt><dd><a href="{e(term.source)}">{e(term.source)}</a></dd>')
    return [
        f'<div class="glossary-entry" id="{term.id}" markdown>',
        f'<p class="glossary-name"><dfn>{e(term.name(lang))}</dfn> '
        f'<span class="glossary-other" lang="{other_lang}">{e(term.other(lang))}</span></p>',
        f'<p>{e(term.short(lang))} {e(term.long(lang))}</p>',
        '<dl class="glossary-meta">' + "".join(rows) + "</dl>",
        "</div>", "",
    ]


def to_csv(terms: list[Term]) -> str:
    """Both languages and both definitions, one row per term, in the English order."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["id", "korean", "english", "korean_aliases", "english_aliases",
                     "korean_definition", "english_definition", "chapter", "source"])
    for term in sorted(terms, key=lambda term: sort_key(term, "en")):
        writer.writerow([term.id, term.ko, term.en, "; ".join(term.ko_aliases), "; ".join(term.en_aliases),
                         term.ko_short, term.en_short, term.chapter, term.source])
    return "\ufeff" + buf.getvalue()   # BOM: spreadsheet programs then read the Hangul right


def add_tooltips(page_html: str, terms: dict[str, Term], lang: str, on_unknown=None) -> str:
    """Give every link to a glossary entry an accessible tooltip with the term's definition."""
    counter = 0
    other_lang = "en" if lang == "ko" else "ko"

    def sub(m: re.Match) -> str:
        nonlocal counter
        before, href, ident, after, label = m.groups()
        term = terms.get(ident)
        if term is None and PAGE_ANCHORS.match(ident):
            return m.group(0)
        if term is None:
            if on_unknown:
                on_unknown(ident)
            return m.group(0)
        counter += 1
        tip = f"term-tip-{ident}-{counter}"
        return (f'<span class="glossary-ref"><a{before}href="{href}#{ident}"{after} class="glossary-link" '
                f'aria-describedby="{tip}">{label}</a>'
                f'<span class="glossary-tip" role="tooltip" id="{tip}" data-search-exclude>'
                f'<strong>{html.escape(term.name(lang))}</strong> '
                f'<span lang="{other_lang}">({html.escape(term.other(lang))})</span>: '
                f'{html.escape(term.short(lang))}</span></span>')

    return LINK_IN_HTML.sub(sub, page_html)


def read_pages(docs_dir: str, lang: str) -> dict[str, str]:
    """Markdown of every page of one language, keyed by path."""
    root = os.path.join(docs_dir, lang)
    pages = {}
    for name in sorted(os.listdir(root)):
        if name.endswith(".md"):
            with open(os.path.join(root, name), encoding="utf-8") as fh:
                pages[os.path.join(root, name)] = fh.read()
    return pages

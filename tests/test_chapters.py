"""Every chapter has the parts a chapter of this book must have, in both languages."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import CHAPTERS, LANGUAGES, chapter_problems, page_path

def article(site, lang, slug):
    return BeautifulSoup((site / page_path(lang, slug)).read_text(encoding="utf-8"), "html.parser").find("article")


def prose_words(art) -> int:
    art = BeautifulSoup(str(art), "html.parser")
    for el in art.select("pre, code, svg, math, .glossary-tip, #references ~ *, .headerlink, [data-lab], .print-only"):
        el.decompose()
    return len(re.findall(r"[A-Za-z]+(?:['’-][A-Za-z]+)*", art.get_text(" ")))


@pytest.mark.parametrize("slug", CHAPTERS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_chapter_has_every_part(site, lang, slug):
    """CHAPTERS comes from nav: a chapter added to nav is checked here, and every part it
    lacks is named (see README, "Add a chapter")."""
    problems = chapter_problems(article(site, lang, slug), lang)
    assert not problems, f"{lang}/{slug} lacks: " + "; ".join(problems)


@pytest.mark.parametrize("slug", CHAPTERS)
def test_english_chapter_length(site, slug):
    words = prose_words(article(site, "en", slug))
    # GUIDE: roughly 1,500 to 3,000 words; a chapter with labs also carries what to try
    # in each (language-models has three), hence the upper bound of 4,000.
    assert 1500 <= words <= 4000, f"{slug}: {words} words of prose"


@pytest.mark.parametrize("slug", CHAPTERS)
def test_korean_uses_hapnida_style(site, slug):
    art = article(site, "ko", slug)
    for el in art.select("pre, code, svg, math, table, #references ~ *, .glossary-tip, summary, li"):
        el.decompose()
    sentences = [s.strip() for s in re.split(r"(?<=[.?!])\s+", art.get_text(" ")) if re.search("[가-힣]{2,}[.?!]$", s.strip())]
    # 합니다체 ends in -ㅂ니다/-습니다 (and -ㅂ시다 when inviting the reader: 계산해 봅시다).
    plain = [s for s in sentences if re.search(r"다[.]$", s) and not re.search(r"(니다|시다)[.]$", s)]
    assert len(plain) <= max(2, len(sentences) // 50), f"{slug}: sentences not in 합니다체: {plain[:5]}"

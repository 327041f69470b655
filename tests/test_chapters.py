"""Every chapter has the parts a chapter of this book must have, in both languages."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import CHAPTERS, page_path

REQUIRED_IDS = ["key-takeaways", "quiz", "further-reading", "references"]
BOXES = {"ko": ("학습 목표", "선수 지식"), "en": ("Learning objectives", "Prerequisites")}


def article(site, lang, slug):
    return BeautifulSoup((site / page_path(lang, slug)).read_text(encoding="utf-8"), "html.parser").find("article")


def prose_words(art) -> int:
    art = BeautifulSoup(str(art), "html.parser")
    for el in art.select("pre, code, svg, math, .glossary-tip, #references ~ *, .headerlink"):
        el.decompose()
    return len(re.findall(r"[A-Za-z]+(?:['’-][A-Za-z]+)*", art.get_text(" ")))


@pytest.mark.parametrize("slug", CHAPTERS)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_chapter_has_every_part(site, lang, slug):
    art = article(site, lang, slug)
    ids = [h["id"] for h in art.select("h2[id]")]
    for ident in REQUIRED_IDS:
        assert ident in ids, f"{lang}/{slug}: no section #{ident}"
    assert ids[-4:] == REQUIRED_IDS, f"{lang}/{slug}: closing sections out of order: {ids[-4:]}"
    titles = [t.get_text(strip=True) for t in art.select(".admonition-title, summary")]
    objectives, prerequisites = BOXES[lang]
    assert objectives in titles and prerequisites in titles, f"{lang}/{slug}: {titles[:4]}"
    box = art.select_one(".admonition.abstract")
    assert 3 <= len(box.select("li")) <= 5, f"{lang}/{slug}: {len(box.select('li'))} learning objectives"
    figures = art.select("figure svg.figure[role=img]")
    assert figures, f"{lang}/{slug}: no figure"
    for svg in figures:
        title = svg.find("title")
        assert title and len(title.get_text(strip=True)) > 20, f"{lang}/{slug}: figure without a real text alternative"
    questions = art.select("details.question")
    assert 4 <= len(questions) <= 8, f"{lang}/{slug}: {len(questions)} quiz questions"
    for q in questions:
        assert not q.has_attr("open"), "answers are hidden until asked"
        assert q.find("summary").get_text(strip=True) and q.get_text(strip=True) != q.find("summary").get_text(strip=True)
    refs = art.find(id="references").find_next(["ol", "ul"])
    assert refs and len(refs.select("a[href^='https://']")) >= 3, f"{lang}/{slug}: references without links"
    assert len({a["href"] for a in art.select("a.glossary-link")}) >= 5, f"{lang}/{slug}: fewer than 5 glossary terms"


@pytest.mark.parametrize("slug", CHAPTERS)
def test_english_chapter_length(site, slug):
    words = prose_words(article(site, "en", slug))
    assert 1500 <= words <= 3600, f"{slug}: {words} words of prose"


@pytest.mark.parametrize("slug", CHAPTERS)
def test_korean_uses_hapnida_style(site, slug):
    art = article(site, "ko", slug)
    for el in art.select("pre, code, svg, math, table, #references ~ *, .glossary-tip, summary, li"):
        el.decompose()
    sentences = [s.strip() for s in re.split(r"(?<=[.?!])\s+", art.get_text(" ")) if re.search("[가-힣]{2,}[.?!]$", s.strip())]
    # 합니다체 ends in -ㅂ니다/-습니다 (and -ㅂ시다 when inviting the reader: 계산해 봅시다).
    plain = [s for s in sentences if re.search(r"다[.]$", s) and not re.search(r"(니다|시다)[.]$", s)]
    assert len(plain) <= max(2, len(sentences) // 50), f"{slug}: sentences not in 합니다체: {plain[:5]}"

"""Unit tests for the glossary: parsing, validation, ordering, rendering, tooltips, CSV."""
from __future__ import annotations

import csv
import io

import pytest

from llmbook import glossary
from llmbook.markdown import Page
from llmbook.templates import environment

from conftest import ui_strings

TEMPLATES = environment()

TERM = """- id: {id}
  ko: {ko}
  en: {en}
  ko_aliases: {ko_aliases}
  en_aliases: []
  ko_short: {ko} 정의입니다.
  en_short: Definition of {en}.
  ko_long: 긴 설명입니다.
  en_long: A longer explanation.
  chapter: transformer
  related: {related}
"""


def data(tmp_path, *terms, raw=None):
    path = tmp_path / "glossary.yml"
    path.write_text(raw if raw is not None else "".join(TERM.format(**t) for t in terms), encoding="utf-8")
    return str(path)


def t(id, ko, en, ko_aliases="[]", related="[]"):
    return {"id": id, "ko": ko, "en": en, "ko_aliases": ko_aliases, "related": related}


def test_load_valid_terms(tmp_path):
    terms, problems = glossary.load(data(tmp_path, t("attention", "어텐션", "attention", "[주의 집중]", "[token]"),
                                         t("token", "토큰", "token")), {"transformer"})
    assert problems == []
    assert [x.id for x in terms] == ["attention", "token"]
    assert terms[0].ko_aliases == ["주의 집중"] and terms[0].line == 1 and terms[1].line == 12


def test_every_data_error_names_the_file_and_line(tmp_path):
    path = data(tmp_path, t("attention", "어텐션", "attention"), t("attention", "주의", "attn"),
                t("Bad_Id", "토큰", "token", related="[nowhere]"), t("alias", "별칭", "alias", "[어텐션]"))
    path_text = open(path, encoding="utf-8").read() + "- id: lonely\n  ko: 외톨이\n  chapter: transformer\n"
    open(path, "w", encoding="utf-8").write(path_text)
    terms, problems = glossary.load(path, {"other"})
    text = "\n".join(problems)
    assert f"{path}:12: duplicate id 'attention' (first on line 1)" in text
    assert f"{path}:23: id 'Bad_Id' must be lower-case" in text
    assert f"{path}:23: 'Bad_Id' relates to unknown term 'nowhere'" in text
    assert f"{path}:34: '어텐션' of 'alias' is already used by 'attention' (line 1)" in text
    assert f"{path}:45: term 'lonely' lacks en, ko_short, en_short, ko_long, en_long" in text
    assert f"{path}:1: 'attention' names unknown chapter 'transformer'" in text


def test_malformed_file_raises_with_path_and_line(tmp_path):
    with pytest.raises(glossary.GlossaryError, match=r"glossary.yml:2: malformed YAML"):
        glossary.load(data(tmp_path, raw="- id: a\n  ko: x: y\n  en: z\n"))
    with pytest.raises(glossary.GlossaryError, match=r"glossary.yml:1: expected a list of terms"):
        glossary.load(data(tmp_path, raw="id: a\n"))
    with pytest.raises(glossary.GlossaryError, match="missing"):
        glossary.load(str(tmp_path / "nope.yml"))


def test_korean_and_english_orders():
    terms = [glossary.Term(i, ko, en, "", "", "", "", "c") for i, ko, en in [
        ("t", "토큰", "token"), ("a", "어텐션", "attention"), ("b", "BERT", "BERT"),
        ("g", "기울기", "gradient"), ("k", "까다로운", "Kappa"), ("l", "언어 모델", "language model"),
        ("e", "언어", "language")]]
    ko = [x.ko for x in sorted(terms, key=lambda x: glossary.sort_key(x, "ko"))]
    assert ko == ["기울기", "까다로운", "어텐션", "언어", "언어 모델", "토큰", "BERT"]
    en = [x.en for x in sorted(terms, key=lambda x: glossary.sort_key(x, "en"))]
    assert en == ["attention", "BERT", "gradient", "Kappa", "language", "language model", "token"]
    assert glossary.initial(terms[4], "ko", "A–Z", "?") == ("ㄱ", "index-g")      # ㄲ files under ㄱ
    assert glossary.initial(terms[2], "ko", "A–Z", "?") == ("A–Z", "index-latin")
    assert glossary.initial(terms[1], "en", "A–Z", "?") == ("A", "index-a")


def test_references_ignore_page_anchors_and_report_unknown_and_unused(tmp_path):
    page = Page.parse("docs/ko/a.md", "ko", "x [어텐션](glossary.md#attention)\n[받기](glossary.md#download)\n"
                      "[?](glossary.md#nope)\n```\n[in code](glossary.md#code-only)\n```\n")
    assert page.glossary_refs == [("attention", 1), ("nope", 3)]
    refs = {ident: [("docs/ko/a.md", line)] for ident, line in page.glossary_refs}
    terms, _ = glossary.load(data(tmp_path, t("attention", "어텐션", "attention"), t("token", "토큰", "token")))
    problems = glossary.check_references(terms, refs, "docs/_data/glossary.yml")
    assert "docs/ko/a.md:3: unknown glossary term 'nope' (not in docs/_data/glossary.yml)" in problems
    assert "docs/_data/glossary.yml:12: term 'token' is never linked from any page" in problems


def test_rendered_index_page_lists_every_term_lightly_with_a_link_to_its_entry(tmp_path):
    terms, _ = glossary.load(data(tmp_path, t("attention", "어텐션", "attention", "[주의 집중]", "[token]"),
                                  t("token", "토큰", "token")))
    hrefs = {"attention": "../glossary-1/#attention", "token": "../glossary-2/#token"}
    parts = [("용어집 1장", "glossary-1.md", 1, "하나"), ("용어집 2–3장", "glossary-2.md", 1, "둘, 셋")]
    md = glossary.render_index(terms, "ko", hrefs, parts, "../glossary.csv", ui_strings("ko")["glossary"], TEMPLATES)
    assert "## 내려받기 {#download}" in md and 'href="../glossary.csv"' in md
    assert "- [용어집 1장](glossary-1.md)" in md and "{#parts}" in md and '<span class="chapter-summary">둘, 셋</span>' in md
    assert md.index("## ㅇ {#index-ng}") < md.index("## ㅌ {#index-t}")
    assert ('<li class="glossary-item" id="attention" data-glossary-entry="" data-names="어텐션|attention|주의 집중" '
            'markdown="span"><a href="../glossary-1/#attention">어텐션</a> '
            '<span class="glossary-other" lang="en">attention</span></li>') in md
    assert '<a href="../glossary-2/#token">토큰</a>' in md
    assert md.count('<section class="glossary-group" data-glossary-group="" markdown>') == 2
    assert md.count('<a href="#glossary-index">') == 2 and 'id="glossary-index"' in md
    assert 'class="glossary-entry"' not in md and "긴 설명" not in md   # no full entries on the index
    en = glossary.render_index(terms, "en", hrefs, [], "../../glossary.csv", ui_strings("en")["glossary"], TEMPLATES)
    assert "## A {#index-a}" in en and '<span class="glossary-other" lang="ko">어텐션</span>' in en


def test_rendered_part_page_has_full_entries_usage_and_related_links_across_pages(tmp_path):
    terms, _ = glossary.load(data(tmp_path, t("attention", "어텐션", "attention", "[주의 집중]", "[token]"),
                                  t("token", "토큰", "token")))
    by_id = {term.id: term for term in terms}
    hrefs = {"attention": "#attention", "token": "../glossary-2/#token"}
    md = glossary.render_part([by_id["attention"]], "ko", "머리말", by_id, hrefs,
                              {"transformer": "어텐션과 트랜스포머", "scale": "규모"},
                              {"attention": ["transformer", "scale"]}, ui_strings("ko")["glossary"], TEMPLATES)
    assert md.startswith("머리말\n")
    assert '<div class="glossary-entry" id="attention" markdown>' in md and 'id="token"' not in md
    assert '<dfn>어텐션</dfn> <span class="glossary-other" lang="en">attention</span>' in md
    assert "주의 집중" in md and '<a href="../scale/">규모</a>' in md
    assert '<a href="../glossary-2/#token">토큰</a>' in md          # related, on another part page
    assert md.count('<a href="#glossary-index">') == 1 and "data-glossary-entry" not in md


def test_terms_go_to_the_page_of_their_run_of_chapters():
    from llmbook.nav import NavPage
    nav = [NavPage("a", "1부", 1), NavPage("b", "1부", 2), NavPage("c", "2부", 3), NavPage("glossary", "참고", None)]
    parts, problems = glossary.find_parts(nav, {"g2": "c", "g1": "a"}, "mkdocs.yml")
    assert problems == []
    assert [(p.slug, p.chapters, p.numbers) for p in parts] == [("g1", ("a", "b"), (1, 2)), ("g2", ("c",), (3, 3))]
    terms = [glossary.Term(i, i, i, "", "", "", "", chapter, line=n) for n, (i, chapter) in
             enumerate([("x", "b"), ("y", "c"), ("z", "glossary")], 1)]
    where, problems = glossary.term_pages(terms, parts, "g.yml")
    assert {ident: part.slug for ident, part in where.items()} == {"x": "g1", "y": "g2"}
    assert problems == ["g.yml:3: 'z' is introduced in 'glossary', which is not a chapter any glossary page covers"]
    _, problems = glossary.find_parts(nav, {"g2": "b", "g3": "nope", "g4": "b"}, "mkdocs.yml")
    assert "mkdocs.yml: 'g3' says 'glossary_from: nope', which is not a chapter in nav" in problems
    assert "mkdocs.yml: 'g4' and 'g2' both say 'glossary_from: b'" in problems
    assert any("no glossary page holds the terms of 'a'" in p for p in problems)
    assert glossary.find_parts(nav, {}, "m")[1] == [
        "m: no glossary page of entries: add a page pair whose front matter says 'glossary_from: a' "
        "and whose body holds '<!-- glossary -->'"]


def test_tooltips_in_the_page_language():
    term = glossary.Term("attention", "어텐션", "attention", "정의입니다.", "A definition.", "", "", "transformer")
    html = '<p>이 <a href="../glossary/#attention">어텐션</a>과 <a href="../glossary/#download">x</a></p>'
    out = glossary.add_tooltips(html, {"attention": term}, "ko", TEMPLATES)
    assert 'class="glossary-link" aria-describedby="term-tip-attention-1"' in out
    assert 'role="tooltip" id="term-tip-attention-1" data-search-exclude' in out
    assert '<strong>어텐션</strong> <span lang="en">(attention)</span>: 정의입니다.' in out
    assert '<a href="../glossary/#download">x</a>' in out
    en = glossary.add_tooltips('<a href="../../glossary/#attention">attention</a>', {"attention": term}, "en", TEMPLATES)
    assert '<span lang="ko">(어텐션)</span>: A definition.' in en
    # pointed at the part page that holds the entry, at the same depth
    moved = glossary.add_tooltips(html + '<a href="glossary/#attention">a</a>', {"attention": term}, "ko", TEMPLATES,
                                  pages={"attention": "glossary-1"})
    assert '<a href="../glossary-1/#attention" class="glossary-link"' in moved
    assert '<a href="glossary-1/#attention" class="glossary-link"' in moved
    assert '<a href="../glossary/#download">x</a>' in moved
    unknown = []
    glossary.add_tooltips('<a href="glossary/#nope">?</a>', {}, "ko", TEMPLATES, unknown.append)
    assert unknown == ["nope"]


def test_tooltip_never_doubles_parentheses():
    term = glossary.Term("rnn", "순환 신경망(RNN)", "recurrent neural network (RNN)", "정의.", "Def.", "", "", "rnn-lstm")
    out = glossary.add_tooltips('<a href="../glossary/#rnn">RNN</a>', {"rnn": term}, "ko", TEMPLATES)
    assert '<span lang="en">(recurrent neural network, RNN)</span>' in out and "))" not in out


def test_csv_has_both_languages_and_opens_in_spreadsheets(tmp_path):
    terms, _ = glossary.load(data(tmp_path, t("token", "토큰", "token"), t("attention", "어텐션", "attention", "[주의 집중]")))
    text = glossary.to_csv(terms)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][:3] == ["id", "korean", "english"]
    assert rows[1][:4] == ["attention", "어텐션", "attention", "주의 집중"]
    assert rows[2][5:7] == ["토큰 정의입니다.", "Definition of token."]

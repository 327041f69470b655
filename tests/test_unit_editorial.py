"""Unit tests for the editorial checks' MkDocs-free cores: preferred forms, citations,
derived glossary/timeline chapters, misconceptions anchors and rendered text."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from llmbook import citations, derived, misconceptions, preferred_forms, rendered_text
from llmbook.markdown import mask_code


# -- preferred forms ---------------------------------------------------------------------
def rules(tmp_path, text):
    path = tmp_path / "forms.yml"
    path.write_text(text, encoding="utf-8")
    return preferred_forms.load(str(path), ("ko", "en"))


def test_preferred_forms_find_prose_only(tmp_path):
    found, problems = rules(tmp_path, "ko:\n  - prefer: 수츠케버\n    reject: [서츠케버]\n  - prefer: 등\n    reject: [et al.]\n")
    assert not problems and len(found) == 2
    page = ("---\ntitle: 서츠케버\n---\n서츠케버가 말했습니다.\n`서츠케버`\n```\n서츠케버\n```\n"
            "[링크](https://x.org/서츠케버) <https://x.org/서츠케버> https://y.org/서츠케버\n<!-- 서츠케버 -->\n"
            "([Smith et al., 2020](https://x.org))\n\n## 참고 문헌 {#references}\n\n"
            "1. Smith, J. et al. (2020). *서츠케버*.\n\n## 다음 {#next}\n\nSmith et al.\n")
    hits = preferred_forms.check_text(found, "ko", mask_code(page))
    assert hits == [(2, "서츠케버", "수츠케버"), (4, "서츠케버", "수츠케버"), (11, "et al.", "등"), (19, "et al.", "등")]
    assert preferred_forms.check_text(found, "en", mask_code(page)) == []


def test_preferred_forms_file_is_checked(tmp_path):
    _, problems = rules(tmp_path, "ko:\n  - prefer: GPU 시간\n    reject: [GPU]\n  - prefer: x\nfr: []\n")
    assert any("unknown language 'fr'" in p for p in problems)
    assert any(":2: rejected 'GPU' is part of the preferred 'GPU 시간'" in p for p in problems)
    assert any(":4: a rule needs 'prefer'" in p for p in problems)


def test_book_preferred_forms_file_loads():
    found, problems = preferred_forms.load("docs/_data/preferred-forms.yml", ("ko", "en"))
    assert not problems and any(r.prefer == "수츠케버" for r in found)


# -- citations -----------------------------------------------------------------------
def test_normal_url_joins_spellings_of_one_work():
    key = citations.normal_url("https://arxiv.org/abs/1706.03762")
    for url in ("http://arxiv.org/abs/1706.03762", "https://arxiv.org/pdf/1706.03762v5",
                "https://arxiv.org/abs/1706.03762/", "https://www.arxiv.org/pdf/1706.03762.pdf"):
        assert citations.normal_url(url) == key
    assert citations.normal_url("https://youtu.be/x?t=5") == "https://youtu.be/x"
    assert citations.normal_url("https://doi.org/10.1/a") == citations.normal_url("https://dx.doi.org/10.1/a")


def test_parse_entry():
    assert citations.parse_entry("Vaswani, A. et al. (2017a). *Attention Is All You Need*. NeurIPS. <https://a>") == \
        ("Vaswani, A. et al", "2017a", "Attention Is All You Need")
    assert citations.parse_entry("OpenAI. *Prompt engineering* (API documentation). <https://b>") == \
        ("OpenAI", "", "Prompt engineering")


def read(path, text):
    masked = mask_code(text)
    at = masked.find("{#references}")
    return citations.read_page(path, text, masked, at + 13 if at >= 0 else None, None)


def test_citation_rules():
    ko = read("docs/ko/a.md", "가([Kim 등, 2020a](https://x.org/1)). 나([Kim 등, 2020a](https://x.org/2)).\n"
              "다([Lee, 2019](https://x.org/1)). 라([Kim 등, 2020](http://x.org/1/)).\n\n"
              "## 참고 문헌 {#references}\n\n1. Kim, A. et al. (2020a). *Title*. <https://x.org/1>\n")
    en = read("docs/en/a.md", "## References {#references}\n\n1. Kim, A. et al. (2021). *Other title*. <https://x.org/1>\n"
              "2. Kim, A. et al. (2020). *Title*. <https://x.org/3>\n")
    problems = citations.check(ko[0] + en[0], ko[1] + en[1], [("docs/_data/t.yml", 4, "https://x.org/1")])
    text = "\n".join(problems)
    assert "docs/ko/a.md:1: 'Kim, 2020a' links https://x.org/2, but https://x.org/1 at docs/ko/a.md:1" in text
    assert "docs/ko/a.md:2: cites https://x.org/1 as 'Lee'" in text
    assert "docs/ko/a.md:2: cites https://x.org/1 as 2019, but its reference entry says 2020" in text
    assert "docs/ko/a.md:2: 'http://x.org/1/' is written 'https://x.org/1' at docs/ko/a.md:6" in text
    assert "docs/en/a.md:3: https://x.org/1 is cited with year '2021', but with '2020a' at docs/ko/a.md:6" in text
    assert "docs/en/a.md:4: 'Kim, A. et al (2020). Title' links https://x.org/3, but https://x.org/1" in text
    # titles are compared within a language (the ko entry's title may be translated)
    assert "cited with title" not in text
    assert len(problems) == 6, problems


def test_names_an_author():
    assert citations.names_an_author("Vaswani 등", "Vaswani, A. et al")
    assert citations.names_an_author("EU", "European Union")
    assert citations.names_an_author("Dwarkesh Patel", "Patel, D")
    assert not citations.names_an_author("Shazeer et al.", "Vaswani, A. et al")


# -- derived -------------------------------------------------------------------------
def test_glossary_chapter_is_first_linking_chapter():
    terms = [SimpleNamespace(id="t", chapter="b", line=3), SimpleNamespace(id="u", chapter="a", line=9),
             SimpleNamespace(id="v", chapter="a", line=12)]
    links = {"t": [("ko", "glossary"), ("en", "c"), ("ko", "a")], "u": [("ko", "a")]}
    problems = derived.check_glossary(terms, links, ["a", "b", "c"], "g.yml")
    assert problems == ["g.yml:3: 't' is introduced in 'a' (the first chapter in book order that links it to the "
                        "glossary), not 'b'; write chapter: a, or link the term where 'b' introduces it"]


def test_timeline_event_must_be_mentioned_in_its_chapter():
    events = [{"date": "2020", "chapter": "a", "source": "https://x.org/p", "line": 1},
              {"date": "2021", "chapter": "a", "source": "https://x.org/q", "mention": "Garante", "line": 5},
              {"date": "2022", "chapter": "a", "source": "https://x.org/r", "line": 9,
               "mention": {"ko": "가란테", "en": "Garante"}}]
    texts = {("ko", "a"): "([X, 2020](https://x.org/p)) 가란테", ("en", "a"): "see https://x.org/p; Garante"}
    problems = derived.check_timeline(events, lambda lang, slug: texts.get((lang, slug)), ("ko", "en"), "t.yml")
    assert problems == ["t.yml:5: the event of 2021 is explained in 'a', but that chapter (ko) neither cites its "
                        "source nor contains its 'mention'"]


# -- misconceptions ------------------------------------------------------------------
def test_misconceptions_anchors():
    html = ('<div class="admonition warning misconceptions">\n<p class="admonition-title">흔한 오해</p></div>'
            '<div class="admonition note">\n<p class="admonition-title">Note</p></div>'
            '<div class="admonition warning misconceptions">\n<p class="admonition-title">또</p></div>')
    out = misconceptions.add_anchors(html, "이 절의 링크")
    assert out.count('id="misconceptions"') == 1 and out.count('id="misconceptions-2"') == 1
    assert '흔한 오해<a class="headerlink" href="#misconceptions" title="이 절의 링크">¶</a></p>' in out
    assert '<div class="admonition note">' in out


def test_unmarked_misconception_boxes():
    md = '!!! warning "흔한 오해"\n    x\n!!! warning misconceptions "흔한 오해"\n```\n!!! warning "흔한 오해"\n```\n'
    assert misconceptions.unmarked_boxes(mask_code(md), {"흔한 오해"}) == [1]
    assert misconceptions.source_ids(mask_code(md)) == ["misconceptions"]


# -- rendered text -------------------------------------------------------------------
def test_visible_text_skips_code_maths_and_hidden():
    html = ('<p>a <code>**b**</code> <math><annotation>((x))</annotation></math></p><pre>__c__</pre>'
            '<script>x = "\\"";</script><span hidden>{#id}</span><p>done</p>')
    text = rendered_text.visible_text(html)
    assert "b" not in text and "((" not in text and "__" not in text and "{#" not in text and "done" in text
    assert rendered_text.problems(text) == []


@pytest.mark.parametrize("text", ['say \\"hi\\"', "a **bold**", "__init", "[text](x.md)", "use `code` here",
                                  "Heading {#id}", '!!! note "x"', "(see ((a)))", "(a (b))"])
def test_rendered_text_problems(text):
    assert rendered_text.problems(text), text


@pytest.mark.parametrize("text", ["snake_case", "a * b * c", "f(x) (y)", "it's", "5 * 3 = 15 (roughly)"])
def test_rendered_text_allows(text):
    assert rendered_text.problems(text) == [], text


def test_preferred_forms_in_data_files(tmp_path):
    found, _ = rules(tmp_path, "ko:\n  - prefer: 내적\n    reject: [점곱]\n")
    items = [(3, "ko", "두 벡터의 점곱입니다."), (9, "en", "점곱"), (12, "ko", "내적 https://x.org/점곱")]
    assert preferred_forms.check_data(found, items) == [(3, "점곱", "내적")]


def test_visible_text_includes_alt_and_aria_label():
    text = rendered_text.visible_text('<img alt="a \\&quot;quoted\\&quot; figure"><button aria-label="**menu**"></button>')
    kinds = {p.split(":")[0] for p in rendered_text.problems(text)}
    assert kinds == {"a backslash-escaped quote", "stray '**'"}, text


def test_inline_citations_of_one_url_without_entry_share_a_year():
    a = read("docs/ko/a.md", "가 ([2019](https://x.org/j)), 나 ([2019](https://x.org/w)).\n")
    b = read("docs/en/a.md", "A [Jain (2020)](https://x.org/j).\n")
    problems = citations.check(a[0] + b[0], a[1] + b[1], [])
    assert problems == ["docs/en/a.md:1: cites https://x.org/j as 2020, but as 2019 at docs/ko/a.md:1"]

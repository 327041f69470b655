"""Unit tests for the rendering modules: figures, maths, home TOC, timeline, references,
search index and the i18n fixes."""
from __future__ import annotations

import json
import re
import types

import pytest

from llmbook import chapters
from llmbook import html_fixes
from llmbook import figures
from llmbook import i18n_site
from llmbook import mathml
from llmbook import references_page
from llmbook.markdown import Page
from llmbook import search_index
from llmbook import timeline

from conftest import ui_strings

SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10"><title>old</title><rect width="1" height="1" fill="var(--fig-fill-1)"/></svg>'


def test_svg_is_inlined_with_its_alt_text_as_title(tmp_path):
    svg = tmp_path / "x.svg"
    svg.write_text(SVG, encoding="utf-8")
    html = '<p><img alt="A &amp; B" src="../figures/x.svg" /></p>'
    out = figures.inline_figures(html, "ch/", {"figures/x.svg": str(svg)}, str(tmp_path / "ch.md"))
    assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" class="figure" role="img"' in out
    assert 'aria-labelledby="fig-x-1"' in out and '<title id="fig-x-1">A &amp; B</title>' in out
    assert "old" not in out and "<img" not in out and 'width="10"' not in out


def test_figure_problems_are_reported_with_the_file(tmp_path, caplog):
    bad = tmp_path / "bad.svg"
    bad.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>', encoding="utf-8")
    page = tmp_path / "ch.md"
    md = "line\n![](figures/none.svg)\n"
    html = '<img alt="" src="figures/none.svg"><img alt="ok" src="figures/missing.svg"><img alt="b" src="figures/bad.svg">'
    out = figures.inline_figures(html, "", {"figures/bad.svg": str(bad)}, str(page), md)
    assert out.count("<img") == 3
    text = caplog.text
    assert f"{page}:2: figure 'figures/none.svg' has no alt text" in text
    assert "figure 'figures/missing.svg' not found" in text
    assert "bad.svg: contains a script" in text


def test_maths_become_mathml_and_bad_tex_is_reported():
    html = '<p><span class="arithmatex">\\(x^2\\)</span></p><div class="arithmatex">\\[\\frac{a}{b}\\]</div>'
    out = mathml.render(html)
    assert "<math" in out and "<msup>" in out and "<mfrac>" in out and "arithmatex" not in out
    assert 'display="block"' in out
    errors = []
    mathml.render("<span class=\"arithmatex\">\\(\\frac{a\\)</span><span class=\"arithmatex\">\\(\\foo x\\)</span>", lambda message, tex: errors.append(message))
    assert len(errors) == 2 and "unbalanced braces" in errors[0] and "unknown command \\foo" in errors[1]


def _nav():
    def page(src, title):
        return types.SimpleNamespace(file=types.SimpleNamespace(src_uri=src), title=title, children=None)
    part = types.SimpleNamespace(title="1부", children=[page("ko/a.md", "A"), page("ko/b.md", "B")])
    ref = types.SimpleNamespace(title="참고", children=[page("ko/glossary.md", "G")])
    return [page("ko/index.md", "Home"), part, ref]


def test_home_toc_numbers_chapters_from_the_nav():
    meta = {"a": {"title": "가", "description": "첫째"}, "b": {"title": "나", "description": "둘째"},
            "glossary": {"title": "용어집", "description": "용어", "kind": "reference"}}
    sections = chapters.entries(_nav(), lambda p: meta[p.file.src_uri.split("/")[-1][:-3]])
    md = chapters.render(sections, ui_strings("ko")["chapters"], {"a.md": 15, "b.md": 20, "glossary.md": 5})
    assert "### 1부 {#part-1}" in md and "### 참고 {#part-2}" in md
    assert ('- <span class="chapter-no">1장</span> [가](a.md) <span class="reading-time">약 15분</span> '
            '<span class="chapter-summary">첫째</span>') in md
    assert '<span class="chapter-no">2장</span> [나](b.md)' in md
    assert '- [용어집](glossary.md) <span class="chapter-summary">용어</span>' in md   # no number, no time
    en = chapters.render(sections, ui_strings("en")["chapters"], {"b.md": 20})
    assert '<span class="chapter-no">Chapter 2</span>' in en and "about 20 min" in en


def test_timeline_validation_and_rendering(tmp_path):
    data = tmp_path / "t.yml"
    data.write_text(
        '- {date: "2017-06-12", ko: 가, en: A, chapter: transformer, source: "https://arxiv.org/abs/1706.03762"}\n'
        '- {date: "2017", ko: 나, en: B, chapter: nope, source: "http://x.org"}\n'
        '- {date: 2018-06-11, ko: 다, en: C, chapter: transformer, source: "https://x.org"}\n'
        '- {date: "2016", ko: 라, en: D, chapter: transformer, source: "https://x.org"}\n'
        '- {date: "2019", ko: 마, chapter: transformer, source: "https://x.org"}\n', encoding="utf-8")
    events, problems = timeline.load(str(data), {"transformer"})
    text = "\n".join(problems)
    assert f"{data}:2: unknown chapter 'nope'" in text and f"{data}:2: source must be an https URL" in text
    assert f"{data}:3: date" in text and "quoted" in text
    assert f"{data}:4: 2016 comes before the previous event" in text
    assert f"{data}:5: event lacks en" in text
    md = timeline.render(events[:1], "en", {"transformer": "Attention"}, ui_strings("en")["timeline"])
    assert "## 2017 {#y2017}" in md and "**12 June 2017**: A" in md and "[Attention](transformer.md)" in md
    assert "**2017년 6월 12일**" in timeline.render(events[:1], "ko", {}, ui_strings("ko")["timeline"])
    bad = tmp_path / "bad.yml"
    bad.write_text("- date: [\n", encoding="utf-8")
    with pytest.raises(timeline.TimelineError, match=r"bad.yml:\d+: malformed YAML"):
        timeline.load(str(bad), set())


def test_references_page_is_built_from_chapter_sections():
    ch = ("# T\n\n## Body {#body}\n\n```\n## References {#references}\n```\n\n## References {#references}\n\n"
          "1. Paper A\n2. Paper B\n\n## After {#after}\n")
    page = Page.parse("docs/en/transformer.md", "en", ch)
    assert page.references == "1. Paper A\n2. Paper B" and page.reference_count == 2
    md = references_page.render([("transformer", "Attention", page.references), ("empty", "E", "")])
    assert "## Attention {#transformer}" in md and "1. Paper A" in md and "E {#empty}" not in md


def test_korean_keywords_give_dictionary_forms_and_joined_nouns():
    words = search_index.keywords_for(["<p>다음 토큰을 예측합니다. 언어 모델은 빠릅니다.</p>"])[0]
    assert {"다음토큰", "언어모델", "빠르다"} <= set(words)
    assert "토큰" not in words   # a prefix search finds nouns in the text itself
    assert search_index.keywords_for(["only English"]) == [[]]


@pytest.mark.parametrize("word,stem", [("예측합니다", "예측"), ("예측하다", "예측"), ("예측했다", "예측"),
                                       ("트랜스포머는", "트랜스포머"), ("모델이", "모델"), ("아이", "아이"),
                                       ("대한", "대한"), ("GPT-3", "GPT")])
def test_korean_separator_cuts_endings_the_same_way_for_query_and_text(word, stem):
    parts = [p for p in re.split(search_index.KO_SEPARATOR, word) if p]
    assert parts[0] == stem


def test_index_split_by_language():
    merged = {"config": {"lang": ["en"], "separator": "x", "fields": {"title": {}, "text": {}}},
              "docs": [{"location": "", "title": "홈", "text": "<p>언어 모델을 학습합니다</p>"},
                       {"location": "en/", "title": "Home", "text": "<p>language model</p>"},
                       {"location": "en/transformer/#a", "title": "A", "text": ""}]}
    ko, en = search_index.split_index(merged)
    assert [d["location"] for d in ko["docs"]] == [""]
    assert [d["location"] for d in en["docs"]] == ["", "transformer/#a"]
    ko = search_index.korean_index(ko)
    assert "kw" in ko["config"]["fields"] and "언어모델" in ko["docs"][0]["kw"]
    assert ko["config"]["separator"] == search_index.KO_SEPARATOR
    assert "kw" not in merged["config"]["fields"]


def test_write_language_indexes(tmp_path):
    (tmp_path / "search").mkdir()
    merged = {"config": {"fields": {}}, "docs": [{"location": "", "title": "가", "text": ""},
                                                  {"location": "en/", "title": "A", "text": ""}]}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(merged), encoding="utf-8")
    assert search_index.write_language_indexes(str(tmp_path)) == (1, 1)
    en = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert en["docs"] == [{"location": "", "title": "A", "text": ""}]
    search_index.write_language_indexes(str(tmp_path), other_pipeline=["stopWordFilter"])
    en = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert en["config"]["pipeline"] == ["stopWordFilter"]


def test_config_base_head_alternates_and_switcher_links():
    page = ('<html><head><link rel="alternate" href="./" hreflang="ko">\n<link rel="alternate" '
            'href="../en/x/" hreflang="en"></head><body><a href="/en/" hreflang="en" class="md-select__link">'
            '<script id="__config" type="application/json">{"base": "../..", "x": 1}</script></body></html>')
    out = i18n_site.patch_config_base(page, "en")
    assert '"base":"../../en/"' in out and '"x":1' in out
    out = i18n_site.drop_head_alternates(out)
    assert 'rel="alternate"' not in out
    assert 'href="../en/"' in i18n_site.relative_switcher_links(out, "en/")
    assert 'href="en/"' in i18n_site.relative_switcher_links(out, "")


def test_language_sitemap(tmp_path):
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://s.org/a/</loc></url><url><loc>https://s.org/en/a/</loc></url></urlset>", encoding="utf-8")
    assert i18n_site.write_language_sitemap(str(tmp_path), "https://s.org/", "en") == 1
    assert "https://s.org/en/a/" in (tmp_path / "en" / "sitemap.xml").read_text(encoding="utf-8")


def test_search_dialog_gets_a_name_in_the_page_language():
    page = '<div class="md-search" data-md-component="search" role="dialog"><input></div>'
    assert 'role="dialog" aria-label="검색">' in html_fixes.label_search_dialog(page, ui_strings("ko")["page"]["search_label"])
    assert 'role="dialog" aria-label="Search">' in html_fixes.label_search_dialog(page, ui_strings("en")["page"]["search_label"])


def test_material_bundle_is_deferred():
    page = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script><script src="x.js"></script>'
    out = html_fixes.defer_bundle(page)
    assert '<script src="../assets/javascripts/bundle.a5f9d56c.min.js" defer></script>' in out
    assert '<script src="x.js"></script>' in out


def test_permalink_titles_follow_the_page_language():
    page = '<h2 id="a">A<a class="headerlink" href="#a" title="이 절의 링크">&para;</a></h2>'
    written = ui_strings("ko")["page"]["permalink_title"]
    assert 'title="Link to this section"' in html_fixes.localize_permalinks(
        page, ui_strings("en")["page"]["permalink_title"], written)
    assert html_fixes.localize_permalinks(page, written, written) == page


def test_page_title_id_is_the_slug_in_both_languages():
    page = '<h1 id="_1">제목<a class="headerlink" href="#_1" title="t">&para;</a></h1><h2 id="_1x">'
    out = html_fixes.title_id(page, "transformer")
    assert out.startswith('<h1 id="transformer">') and 'href="#transformer"' in out and 'id="_1x"' in out

"""Bad input fails loudly: each test copies the tiny fixture book (tests/fixture_book),
injects one fault and checks that the strict build, run in this process, fails with a
message naming the file (and the line, where the fault has one). The fixture book uses
the same plugins as the real book, so these tests exercise the real checks."""
from __future__ import annotations

import re

import pytest

from conftest import build_in_process, chapter_problems
from llmbook import parity


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def append_pair(book, slug, ko_text, en_text):
    """Add text to both pages of a pair and record them as aligned, so that only the
    injected fault (not a stale translation) can fail the build. Returns the last line
    number of each page: {'ko': n, 'en': n}."""
    lines = {}
    for lang, text in (("ko", ko_text), ("en", en_text)):
        path = book / "docs" / lang / f"{slug}.md"
        append(path, text)
        lines[lang] = path.read_text(encoding="utf-8").count("\n")
    parity.align(str(book / "docs"), slug)
    return lines


def fault_broken_link(b):
    line = append_pair(b, "alpha", "\n[사라진 장](missing-chapter.md)\n", "\n[gone](missing-chapter.md)\n")["ko"]
    return [rf"docs/ko/alpha\.md:{line}: broken link to 'missing-chapter\.md'"]


def fault_broken_anchor(b):
    line = append_pair(b, "beta", "\n[절](alpha.md#no-such-section)\n",
                       "\n[section](alpha.md#no-such-section)\n")["en"]
    return [rf"docs/en/beta\.md:{line}: broken anchor 'alpha\.md#no-such-section'"]


def fault_page_in_one_language(b):
    (b / "docs/ko/extra.md").write_text("---\ntitle: 추가\ndescription: 설명\n---\n# 추가\n", encoding="utf-8")
    return [r"docs/ko/extra\.md: has no counterpart: docs/en/extra\.md is missing"]


def fault_unknown_glossary_term(b):
    line = append_pair(b, "index", "\n[없는 용어](glossary.md#no-such-term)\n",
                       "\n[missing](glossary.md#no-such-term)\n")["ko"]
    return [rf"docs/ko/index\.md:{line}: unknown glossary term 'no-such-term'"]


def fault_duplicate_heading_id(b):
    line = append_pair(b, "beta", "\n## 다시 {#overview-again}\n\n## 또 다시 {#overview-again}\n",
                       "\n## Again {#overview-again}\n\n## Again {#overview-again}\n")["ko"]
    return [rf"docs/ko/beta\.md:{line}: duplicate heading id 'overview-again'"]


def fault_heading_without_id(b):
    line = append_pair(b, "beta", "\n## 아이디 없는 절 {#with-id}\n", "\n## A section without an id\n")["en"]
    return [rf"docs/en/beta\.md:{line}: heading without an explicit id"]


def fault_page_missing_from_nav(b):
    for lang in ("ko", "en"):
        (b / f"docs/{lang}/orphan.md").write_text("---\ntitle: O\ndescription: D\n---\n# O\n", encoding="utf-8")
    parity.align(str(b / "docs"), "orphan")
    return [r"not included in the \"nav\" configuration:\s+- ko/orphan\.md"]


def fault_malformed_front_matter(b):
    f = b / "docs/en/beta.md"
    f.write_text(f.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: [unclosed\nx: ", 1), encoding="utf-8")
    return [r"docs/en/beta\.md:\d+: malformed front matter"]


def fault_stale_translation(b):
    append(b / "docs/ko/beta.md", "\n한국어 쪽에만 추가한 문단입니다.\n")
    return [r"docs/en/beta\.md:1: is out of date: docs/ko/beta\.md changed"]


def fault_malformed_glossary(b):
    (b / "docs/_data/glossary.yml").write_text("- id: token\n  ko: 토큰: 단위\n", encoding="utf-8")
    return [r"docs/_data/glossary\.yml:2: malformed YAML"]


def fault_glossary_term_missing_a_language(b):
    append(b / "docs/_data/glossary.yml", "\n- id: orphan-term\n  ko: 고아\n  ko_short: 정의.\n  ko_long: 설명.\n  chapter: beta\n")
    return [r"docs/_data/glossary\.yml:\d+: term 'orphan-term' lacks en, en_short, en_long"]


def fault_unused_glossary_term(b):
    append(b / "docs/_data/glossary.yml", "\n- id: never-used\n  ko: 안 쓰임\n  en: never used\n  ko_short: 정의.\n"
                                          "  en_short: Def.\n  ko_long: 설명.\n  en_long: Expl.\n  chapter: beta\n")
    return [r"docs/_data/glossary\.yml:\d+: term 'never-used' is never linked from any page"]


def fault_glossary_term_linked_only_inside_code(b):
    """A link inside a code block is not a use of the term (the one reader masks code)."""
    append(b / "docs/_data/glossary.yml", "\n- id: in-code\n  ko: 코드 속\n  en: in code\n  ko_short: 정의.\n"
                                          "  en_short: Def.\n  ko_long: 설명.\n  en_long: Expl.\n  chapter: beta\n")
    append_pair(b, "beta", "\n```md\n[코드](glossary.md#in-code)\n```\n", "\n```md\n[code](glossary.md#in-code)\n```\n")
    return [r"docs/_data/glossary\.yml:\d+: term 'in-code' is never linked from any page"]


def fault_glossary_without_a_page_of_entries(b):
    """The terms' full entries need at least one glossary page that covers the first chapter."""
    for lang in ("ko", "en"):
        path = b / "docs" / lang / "glossary-1.md"
        path.write_text(path.read_text(encoding="utf-8").replace("glossary_from: alpha", "glossary_from: beta"),
                        encoding="utf-8")
    return [r"mkdocs\.yml: nav: no glossary page holds the terms of 'alpha'",
            r"docs/_data/glossary\.yml:\d+: 'token' is introduced in 'alpha', which is not a chapter any glossary page covers"]


def fault_glossary_page_of_entries_without_the_marker(b):
    path = b / "docs/en/glossary-1.md"
    path.write_text(path.read_text(encoding="utf-8").replace("<!-- glossary -->", ""), encoding="utf-8")
    return [r"docs/en/glossary-1\.md:1: a glossary page of entries must hold '<!-- glossary -->'"]


def fault_missing_figure(b):
    line = append_pair(b, "beta", "\n![없는 그림](figures/none.svg)\n", "\n![missing](figures/none.svg)\n")["ko"]
    return [rf"docs/ko/beta\.md:{line}: figure 'figures/none\.svg' not found"]


def fault_bad_formula(b):
    line = append_pair(b, "beta", "\n공식 $\\frac{a$ 입니다.\n", "\nFormula $\\frac{a$ here.\n")["en"]
    return [rf"docs/en/beta\.md:{line}: cannot render formula .*unbalanced braces"]


def fault_malformed_timeline(b):
    append(b / "docs/_data/timeline.yml", '\n- date: 2030-01-01\n  ko: 가\n  en: A\n  chapter: beta\n  source: https://example.org\n')
    return [r"docs/_data/timeline\.yml:\d+: date .* must be a quoted"]


def fault_bad_redirect(b):
    (b / "docs/_data/redirects.yml").write_text("old-alpha: nowhere\n", encoding="utf-8")
    return [r"docs/_data/redirects\.yml:1: redirect target 'nowhere' is not a page"]


def fault_missing_ui_string(b):
    strings = b / "strings"
    strings.mkdir()
    for lang in ("ko", "en"):
        (strings / f"{lang}.yml").write_text("glossary: {}\n", encoding="utf-8")
    config = b / "mkdocs.yml"
    config.write_text(re.sub(r"strings_dir: .*", "strings_dir: strings", config.read_text(encoding="utf-8")), encoding="utf-8")
    return [r"strings/ko\.yml: glossary: has no key 'latin'|strings/ko\.yml: has no section"]


def fault_rejected_preferred_form(b):
    """A rejected variant in prose fails; the same text in code, in a URL and in a
    reference-list entry (original titles) does not."""
    line = append_pair(b, "beta", "\n`서츠케버` [링크](https://example.org/서츠케버)\n\n일리야 서츠케버가 말했습니다.\n",
                       "\nSee the code on Github.\n")
    append_pair(b, "alpha", "2. Smith, J. et al. (2020). *A title*. <https://example.org/smith>\n",
                "2. Smith, J. et al. (2020). *A title*. <https://example.org/smith>\n")
    return [rf"docs/ko/beta\.md:{line['ko']}: write '수츠케버', not '서츠케버' \(docs/_data/preferred-forms\.yml\)",
            rf"docs/en/beta\.md:{line['en']}: write 'GitHub', not 'Github'"]



def fault_rejected_preferred_form_in_the_glossary(b):
    g = b / "docs/_data/glossary.yml"
    g.write_text(g.read_text(encoding="utf-8").replace("ko_short: 모델이 읽는 글의 단위입니다.",
                                                       "ko_short: 서츠케버가 말한, 모델이 읽는 글의 단위입니다."), encoding="utf-8")
    return [r"docs/_data/glossary\.yml:1: write '수츠케버', not '서츠케버'"]


def test_preferred_forms_skip_code_urls_and_reference_entries(fixture_book):
    fault_rejected_preferred_form(fixture_book)
    _, output = build_in_process(fixture_book, fixture_book / "site")
    assert len(re.findall(r"not '서츠케버'", output)) == 1, output
    assert "not 'et al.'" not in output, output


def fault_one_url_two_titles(b):
    ko = append_pair(b, "alpha", "2. Vaswani, A. et al. (2017). *Attention Is All You Need*. <https://arxiv.org/abs/1706.03762>\n",
                     "2. Vaswani, A. et al. (2017). *Attention Is All You Need*. <https://arxiv.org/abs/1706.03762>\n")
    line = append_pair(b, "beta", "\n## 참고 문헌 {#references}\n\n"
                       "1. Vaswani, A. et al. (2018). *Attention Is All You Need*. <https://arxiv.org/abs/1706.03762>\n",
                       "\n## References {#references}\n\n"
                       "1. Vaswani, A. et al. (2017). *Attention is all you need*. <https://arxiv.org/abs/1706.03762>\n")
    return [rf"docs/ko/beta\.md:{line['ko']}: https://arxiv\.org/abs/1706\.03762 is cited with year '2018', "
            rf"but with '2017' at docs/ko/alpha\.md:{ko['ko']}",
            rf"docs/en/beta\.md:{line['en']}: .* is cited with title 'Attention is all you need', "
            rf"but with 'Attention Is All You Need' at docs/en/alpha\.md:{ko['en']}"]


def fault_inline_citation_disagrees_with_entry(b):
    entry = "2. Vaswani, A. et al. (2017). *Attention Is All You Need*. <https://arxiv.org/abs/1706.03762>\n"
    append_pair(b, "alpha", entry, entry)
    line = append_pair(b, "beta", "\n트랜스포머([Vaswani 등, 2016](https://arxiv.org/abs/1706.03762)).\n",
                       "\nThe Transformer ([Shazeer et al., 2017](https://arxiv.org/abs/1706.03762)).\n")
    return [rf"docs/ko/beta\.md:{line['ko']}: cites https://arxiv\.org/abs/1706\.03762 as 2016, but its reference "
            rf"entry says 2017",
            rf"docs/en/beta\.md:{line['en']}: cites .* as 'Shazeer et al', but its reference entry's authors"]


def fault_one_author_year_two_urls(b):
    line = append_pair(b, "beta", "\n가([Kim, 2020](https://example.org/one)). 나([Kim, 2020](https://example.org/two)).\n",
                       "\nA ([Kim, 2020](https://example.org/one)).\n")
    return [rf"docs/ko/beta\.md:{line['ko']}: 'Kim, 2020' links https://example\.org/two, but https://example\.org/one"]


def fault_one_work_two_url_spellings(b):
    line = append_pair(b, "beta", "\n가([Kim, 2020](https://arxiv.org/pdf/2001.00001v2)).\n",
                       "\nA ([Kim, 2020](https://arxiv.org/abs/2001.00001)).\n")
    return [rf"docs/en/beta\.md:{line['en']}: 'https://arxiv\.org/abs/2001\.00001' is written "
            rf"'https://arxiv\.org/pdf/2001\.00001v2' at docs/ko/beta\.md:{line['ko']}"]


def fault_glossary_chapter_not_first_link(b):
    g = b / "docs/_data/glossary.yml"
    g.write_text(g.read_text(encoding="utf-8").replace("  chapter: alpha\n", "  chapter: beta\n", 1), encoding="utf-8")
    return [r"docs/_data/glossary\.yml:1: 'token' is introduced in 'alpha' \(the first chapter in book order that "
            r"links it to the glossary\), not 'beta'"]


def fault_timeline_chapter_does_not_mention_event(b):
    t = b / "docs/_data/timeline.yml"
    t.write_text(t.read_text(encoding="utf-8").replace("chapter: beta", "chapter: alpha"), encoding="utf-8")
    return [r"docs/_data/timeline\.yml:1: the event of 2017-06 is explained in 'alpha', but that chapter \(ko, en\) "
            r"neither cites its source nor contains its 'mention'"]


def fault_misconceptions_box_without_class(b):
    line = append_pair(b, "beta", '\n!!! warning "흔한 오해"\n\n    - 오해입니다.\n',
                       '\n!!! warning misconceptions "Common misconceptions"\n\n    - A misconception.\n')["ko"] - 2
    return [rf"docs/ko/beta\.md:{line}: a misconceptions box needs the class 'misconceptions'"]



def fault_heading_id_taken_by_a_misconceptions_box(b):
    line = append_pair(b, "beta", '\n## 오해 {#misconceptions}\n\n!!! warning misconceptions "흔한 오해"\n\n    - 하나\n',
                       '\n## Myths {#misconceptions}\n\n!!! warning misconceptions "Common misconceptions"\n\n'
                       '    - One\n')["en"] - 4
    return [rf"docs/en/beta\.md:{line}: heading id 'misconceptions' is the id of the page's misconceptions box"]


def test_misconceptions_boxes_get_the_same_anchor_in_both_languages(fixture_book):
    box = '\n!!! warning misconceptions "{}"\n\n    - {}\n'
    append_pair(fixture_book, "beta", box.format("흔한 오해", "하나") + box.format("흔한 오해", "둘"),
                box.format("Common misconceptions", "One") + box.format("Common misconceptions", "Two"))
    ok, output = build_in_process(fixture_book, fixture_book / "site")
    assert ok, output
    for page in ("beta/index.html", "en/beta/index.html"):
        html = (fixture_book / "site" / page).read_text(encoding="utf-8")
        assert re.findall(r'class="admonition warning misconceptions" id="([^"]+)"', html) == \
            ["misconceptions", "misconceptions-2"], page
        assert 'href="#misconceptions-2"' in html and 'class="headerlink"' in html


FAULTS = [v for k, v in sorted(globals().items()) if k.startswith("fault_")]


def test_fixture_book_builds_cleanly(fixture_book):
    ok, output = build_in_process(fixture_book, fixture_book / "site")
    assert ok and not output, output
    tip = (fixture_book / "site" / "beta" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="en">(recurrent neural network, RNN)</span>' in tip


@pytest.mark.parametrize("inject", FAULTS, ids=[f.__name__[6:] for f in FAULTS])
def test_fault_fails_the_strict_build_with_file_and_line(fixture_book, inject):
    expected = inject(fixture_book)
    ok, output = build_in_process(fixture_book, fixture_book / "site")
    assert not ok, f"the build passed despite the fault:\n{output[-2000:]}"
    for pattern in expected:
        assert re.search(pattern, output), f"no message matching {pattern!r} in:\n{output[-3000:]}"


def test_a_broken_anchor_is_reported_once_with_its_line(fixture_book):
    fault_broken_anchor(fixture_book)
    _, output = build_in_process(fixture_book, fixture_book / "site")
    assert len(re.findall(r"no-such-section", output)) == 2, output   # one report per language
    assert "does not contain an anchor" not in output


def test_a_stub_chapter_in_nav_fails_naming_what_it_lacks(fixture_book):
    """Following README's "Add a chapter" with a stub: the chapter checks (the same
    function test_chapters.py runs on every chapter of nav) name every missing part."""
    from bs4 import BeautifulSoup
    ok, output = build_in_process(fixture_book, fixture_book / "site")
    assert ok, output
    html = (fixture_book / "site" / "en" / "alpha" / "index.html").read_text(encoding="utf-8")
    problems = "; ".join(chapter_problems(BeautifulSoup(html, "html.parser").find("article"), "en"))
    for part in ("closing sections", "learning objectives box", "prerequisites box", "a figure",
                 "a quiz", "references", "glossary terms"):
        assert part in problems, problems

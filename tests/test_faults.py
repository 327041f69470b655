"""Bad input fails loudly: each test builds a throw-away copy of the project with one
fault injected and checks that the strict build fails with a message naming the file
(and the line, where the fault has one)."""
from __future__ import annotations

import re

import pytest

from conftest import build


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def append_pair(project, slug, ko_text, en_text):
    """Add text to both pages of a pair and record them as aligned, so that only the
    injected fault (not a stale translation) can fail the build. Returns the last line
    number of each page: {'ko': n, 'en': n}."""
    import parity
    lines = {}
    for lang, text in (("ko", ko_text), ("en", en_text)):
        path = project / "docs" / lang / f"{slug}.md"
        append(path, text)
        lines[lang] = path.read_text(encoding="utf-8").count("\n")
    parity.align(str(project / "docs"), slug)
    return lines


def fault_broken_link(p):
    line = append_pair(p, "rlhf", "\n[사라진 장](missing-chapter.md)\n", "\n[gone](missing-chapter.md)\n")["ko"]
    return [rf"docs/ko/rlhf\.md:{line}: broken link to 'missing-chapter\.md'"]


def fault_broken_anchor(p):
    line = append_pair(p, "rlhf", "\n[절](transformer.md#no-such-section)\n",
                       "\n[section](transformer.md#no-such-section)\n")["en"]
    return [rf"docs/en/rlhf\.md:{line}: broken anchor 'transformer\.md#no-such-section'"]


def fault_page_in_one_language(p):
    (p / "docs/ko/extra.md").write_text("---\ntitle: 추가\ndescription: 설명\n---\n# 추가\n", encoding="utf-8")
    return [r"docs/ko/extra\.md: has no counterpart: docs/en/extra\.md is missing"]


def fault_unknown_glossary_term(p):
    line = append_pair(p, "index", "\n[없는 용어](glossary.md#no-such-term)\n",
                       "\n[missing](glossary.md#no-such-term)\n")["ko"]
    return [rf"docs/ko/index\.md:{line}: unknown glossary term 'no-such-term'"]


def fault_duplicate_heading_id(p):
    line = append_pair(p, "rlhf", "\n## 다시 {#overview-again}\n\n## 또 다시 {#overview-again}\n",
                       "\n## Again {#overview-again}\n\n## Again {#overview-again}\n")["ko"]
    return [rf"docs/ko/rlhf\.md:{line}: duplicate heading id 'overview-again'"]


def fault_heading_without_id(p):
    line = append_pair(p, "rlhf", "\n## 아이디 없는 절 {#with-id}\n", "\n## A section without an id\n")["en"]
    return [rf"docs/en/rlhf\.md:{line}: heading without an explicit id"]


def fault_page_missing_from_nav(p):
    for lang in ("ko", "en"):
        (p / f"docs/{lang}/orphan.md").write_text("---\ntitle: O\ndescription: D\n---\n# O\n", encoding="utf-8")
    import parity
    parity.align(str(p / "docs"), "orphan")
    return [r"not included in the \"nav\" configuration:\s+- ko/orphan\.md"]


def fault_malformed_front_matter(p):
    f = p / "docs/en/rlhf.md"
    f.write_text(f.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: [unclosed\nx: ", 1), encoding="utf-8")
    return [r"docs/en/rlhf\.md:\d+: malformed front matter"]


def fault_stale_translation(p):
    append(p / "docs/ko/rlhf.md", "\n한국어 쪽에만 추가한 문단입니다.\n")
    return [r"docs/en/rlhf\.md:1: is out of date: docs/ko/rlhf\.md changed"]


def fault_malformed_glossary(p):
    f = p / "docs/_data/glossary.yml"
    f.write_text("- id: token\n  ko: 토큰: 단위\n", encoding="utf-8")
    return [r"docs/_data/glossary\.yml:2: malformed YAML"]


def fault_glossary_term_missing_a_language(p):
    f = p / "docs/_data/glossary.yml"
    append(f, "\n- id: orphan-term\n  ko: 고아\n  ko_short: 정의.\n  ko_long: 설명.\n  chapter: rlhf\n")
    return [r"docs/_data/glossary\.yml:\d+: term 'orphan-term' lacks en, en_short, en_long"]


def fault_unused_glossary_term(p):
    f = p / "docs/_data/glossary.yml"
    append(f, "\n- id: never-used\n  ko: 안 쓰임\n  en: never used\n  ko_short: 정의.\n  en_short: Def.\n"
              "  ko_long: 설명.\n  en_long: Expl.\n  chapter: rlhf\n")
    return [r"docs/_data/glossary\.yml:\d+: term 'never-used' is never linked from any page"]


def fault_missing_figure(p):
    line = append_pair(p, "rlhf", "\n![없는 그림](figures/none.svg)\n", "\n![missing](figures/none.svg)\n")["ko"]
    return [rf"docs/ko/rlhf\.md:{line}: figure 'figures/none\.svg' not found"]


def fault_bad_formula(p):
    line = append_pair(p, "rlhf", "\n공식 $\\frac{a$ 입니다.\n", "\nFormula $\\frac{a$ here.\n")["en"]
    return [rf"docs/en/rlhf\.md:{line}: cannot render formula .*unbalanced braces"]


def fault_malformed_timeline(p):
    f = p / "docs/_data/timeline.yml"
    append(f, '\n- date: 2030-01-01\n  ko: 가\n  en: A\n  chapter: rlhf\n  source: https://example.org\n')
    return [r"docs/_data/timeline\.yml:\d+: date .* must be a quoted"]


FAULTS = [v for k, v in sorted(globals().items()) if k.startswith("fault_")]


@pytest.mark.parametrize("inject", FAULTS, ids=[f.__name__[6:] for f in FAULTS])
def test_fault_fails_the_strict_build_with_file_and_line(project_copy, inject):
    project = project_copy(inject.__name__)
    expected = inject(project)
    result = build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build passed despite the fault:\n{output[-2000:]}"
    for pattern in expected:
        assert re.search(pattern, output), f"no message matching {pattern!r} in:\n{output[-3000:]}"

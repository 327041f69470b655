"""Unit tests for the check modules: front matter, page pairs and heading ids, parity."""
from __future__ import annotations

import pytest

from llmbook import frontmatter
from llmbook import pairs
from llmbook import parity
from llmbook.markdown import Book, Page


def book(docs, root):
    return Book(str(docs), ("ko", "en"), str(root))


def write(tmp_path, rel, text):
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


PAGE = "---\ntitle: T\ndescription: D\n---\n\n# T\n\n## A {#a}\n\ntext\n\n### B {#b}\n"


def test_front_matter_split_and_errors():
    meta, body = frontmatter.split("---\ntitle: x\n---\nbody\n")
    assert meta == {"title": "x"} and body == "body\n"
    assert frontmatter.split("no front matter") == ({}, "no front matter")
    with pytest.raises(frontmatter.FrontMatterError) as err:
        frontmatter.split("---\ntitle: a: b\n---\n", "docs/ko/x.md")
    assert err.value.path == "docs/ko/x.md" and err.value.line == 2 and "malformed" in str(err.value)
    with pytest.raises(frontmatter.FrontMatterError, match="never closed"):
        frontmatter.split("---\ntitle: x\n", "p.md")
    with pytest.raises(frontmatter.FrontMatterError, match="mapping"):
        frontmatter.split("---\n- a\n---\n", "p.md")


def test_heading_ids_ignores_code_fences():
    md = "## One {#one}\n````\n## not a heading\n```\n## still code\n````\n### Two\n~~~\n# x\n~~~\n"
    assert pairs.heading_ids(Page.parse("x.md", "en", md)) == [(1, "one", "One {#one}"), (7, None, "Two")]


def test_one_reader_ignores_links_and_terms_in_code():
    md = ("---\ntitle: T\n# not a heading: a comment in front matter\n---\n"
          "[a](x.md) `[b](y.md)` [t](glossary.md#token)\n```\n[c](z.md) [u](glossary.md#unused)\n```\n"
          "![f](figures/a.svg)\n")
    page = Page.parse("docs/en/p.md", "en", md)
    assert [(link.target, link.line) for link in page.links] == [("x.md", 5), ("glossary.md", 5)]
    assert page.figure_count == 1
    assert page.glossary_refs == [("token", 5)]
    assert page.headings == []


def test_pairs_reports_missing_counterpart_and_heading_problems(tmp_path):
    docs = tmp_path / "docs"
    write(docs, "ko/a.md", PAGE)
    write(docs, "en/a.md", PAGE.replace("{#b}", "{#c}"))
    write(docs, "ko/only.md", PAGE)
    write(docs, "ko/figures/f.svg", "<svg/>")
    write(docs, "ko/dup.md", PAGE + "\n## Again {#a}\n\n## Missing id\n")
    write(docs, "en/dup.md", PAGE + "\n## Again {#a}\n\n## Missing id {#missing-id}\n")
    problems = "\n".join(pairs.check(book(docs, tmp_path), str(tmp_path)))
    assert "docs/ko/only.md: has no counterpart: docs/en/only.md is missing" in problems
    assert "docs/ko/figures/f.svg: has no counterpart" in problems
    assert "docs/en/a.md:12: heading ids differ from the ko page at position 2: ko 'b' vs en 'c'" in problems
    assert "docs/ko/dup.md:14: duplicate heading id 'a' (first used on line 8)" in problems
    assert "docs/ko/dup.md:16: heading without an explicit id: 'Missing id'" in problems


def test_pairs_requires_title_and_description(tmp_path):
    docs = tmp_path / "docs"
    write(docs, "ko/a.md", "---\ntitle: T\n---\n# T\n")
    write(docs, "en/a.md", "---\ntitle: T\ndescription: D\n---\n# T\n")
    assert pairs.check(book(docs, tmp_path), str(tmp_path)) == ["docs/ko/a.md:1: front matter has no 'description'"]


CHAPTER_KO = """# 장
![그림](figures/x.svg) [어텐션](glossary.md#attention)
??? question "1. 질문?"
    답
## 참고 문헌 {#references}
1. 하나
2. 둘
"""
CHAPTER_EN = """# Chapter
![figure](figures/x.svg) [attention](glossary.md#attention)
??? question "1. Question?"
    Answer
## References {#references}
1. One
2. Two
"""


def _page(text, lang="en"):
    return Page.parse(f"docs/{lang}/x.md", lang, text)


def test_parity_features_and_compare():
    f = parity.features(_page(CHAPTER_KO, "ko"))
    assert (f["figures"], f["quiz questions"], f["glossary terms"], f["references"]) == (1, 1, ["attention"], 2)
    assert parity.compare(_page(CHAPTER_KO, "ko"), _page(CHAPTER_EN)) == []
    broken = CHAPTER_EN.replace("2. Two\n", "").replace("??? question", "text") + "[token](glossary.md#token)"
    problems = parity.compare(_page(CHAPTER_KO, "ko"), _page(broken))
    assert "quiz questions: Korean 1, English 0" in problems
    assert "references: Korean 2, English 1" in problems
    assert any("only in English ['token']" in p for p in problems)


def test_parity_length_ratio_band():
    en = "word " * 2000
    assert parity.compare(_page("가나다 " * 1000, "ko"), _page(en)) == []   # 3000 Hangul / 8000 Latin letters
    assert any("length ratio" in p for p in parity.compare(_page("가" * 100, "ko"), _page(en)))


def test_freshness_hashes_detect_one_sided_edits(tmp_path):
    docs = tmp_path / "docs"
    write(docs, "ko/a.md", "---\ntitle: 가\ndescription: 설명\n---\n\n본문\n")
    write(docs, "en/a.md", "---\ntitle: A\ndescription: D\n---\n\nBody\n")
    assert any("no 'aligned' hash" in p for p in parity.check(book(docs, tmp_path), str(tmp_path)))
    parity.align(str(docs), "a")
    assert parity.check(book(docs, tmp_path), str(tmp_path)) == []
    ko = docs / "ko" / "a.md"
    ko.write_text(ko.read_text(encoding="utf-8") + "\n새 문단\n", encoding="utf-8")
    problems = parity.check(book(docs, tmp_path), str(tmp_path))
    assert len(problems) == 1
    assert problems[0].startswith("docs/en/a.md:1: is out of date: docs/ko/a.md changed")
    assert "parity.py --align a" in problems[0]
    parity.align(str(docs), "a")   # after the English page is updated too
    assert parity.check(book(docs, tmp_path), str(tmp_path)) == []
    assert (docs / "ko" / "a.md").read_text(encoding="utf-8").count("aligned:") == 1


def test_md_links_reports_missing_pages_and_anchors_with_lines(tmp_path):
    from llmbook import md_links
    docs = tmp_path / "docs"
    for lang in ("ko", "en"):
        write(docs, f"{lang}/target.md", PAGE)
        write(docs, f"{lang}/glossary.md", "# G\n")
        write(docs, f"{lang}/src.md", "# S\n\n[ok](target.md#a) [img](figures/x.svg)\n"
                                      "```\n[in code](nowhere.md)\n```\n"
                                      "[gone](nowhere.md)\n[bad](target.md#zzz)\n[term](glossary.md#nope)\n"
                                      "[term](glossary.md#token) [dl](glossary.md#download) [ext](https://x.org/a.md)\n")
    problems = md_links.check(book(docs, tmp_path), str(tmp_path))
    ko = [p for p in problems if p.startswith("docs/ko/src.md")]
    # Glossary term anchors are glossary.check_references' job (test_unit_glossary.py).
    assert ko == ["docs/ko/src.md:7: broken link to 'nowhere.md' (no such page in docs/ko)",
                  "docs/ko/src.md:8: broken anchor 'target.md#zzz' (no heading with that id)"]
    assert len(problems) == 4


def test_data_files_are_read_with_lines_and_shape_checked(tmp_path):
    from llmbook import datafile
    path = tmp_path / "d.yml"
    path.write_text("- a: 1\n- b: 2\n", encoding="utf-8")
    assert [item["__line__"] for item in datafile.load(str(path), list, "a list")] == [1, 2]
    with pytest.raises(datafile.DataFileError, match=r"d.yml:1: expected a mapping, found list"):
        datafile.load(str(path), dict, "a mapping")
    path.write_text("a: b: c\n", encoding="utf-8")
    with pytest.raises(datafile.DataFileError, match=r"d.yml:1: malformed YAML"):
        datafile.load(str(path), dict, "a mapping")
    with pytest.raises(datafile.DataFileError, match="missing"):
        datafile.load(str(tmp_path / "none.yml"), list, "a list")

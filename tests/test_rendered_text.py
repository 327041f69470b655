"""What a reader sees on the built site: no Markdown left unrendered, no escaped quotes,
no doubled parentheses (llmbook.rendered_text), and every misconceptions box with the
same anchor in both languages (llmbook.misconceptions)."""
from __future__ import annotations

import re

import pytest

from conftest import CHAPTERS, LANGUAGES, all_pages, page_path
from llmbook import rendered_text

MISCONCEPTION_TITLES = {"ko": "흔한 오해", "en": "Common misconceptions"}


def test_no_page_shows_markdown_escapes_or_doubled_parentheses(site):
    found = []
    pages = all_pages(site)
    assert len(pages) > 2 * len(CHAPTERS)
    for path in pages:
        for problem in rendered_text.problems(rendered_text.visible_text(path.read_text(encoding="utf-8"))):
            found.append(f"{path.relative_to(site)}: {problem}")
    assert not found, "\n".join(found)


def _boxes(html: str, lang: str) -> list[tuple[str | None, bool]]:
    """(id, has a permalink to it) of every box titled like a misconceptions box."""
    out = []
    for m in re.finditer(r'<div class="admonition[^"]*"(?: id="([^"]*)")?>\s*<p class="admonition-title">(.*?)</p>',
                         html, re.S):
        ident, title = m.group(1), m.group(2)
        if re.sub(r"<a class=\"headerlink\".*?</a>", "", title).strip() == MISCONCEPTION_TITLES[lang]:
            out.append((ident, bool(ident) and f'href="#{ident}"' in title))
    return out


def test_every_misconceptions_box_on_any_page_has_an_id_and_a_permalink(site):
    lacking, count = [], 0
    for path in all_pages(site):
        rel = path.relative_to(site).as_posix()
        lang = next((l for l in LANGUAGES[1:] if rel.startswith(f"{l}/")), LANGUAGES[0])
        boxes = _boxes(path.read_text(encoding="utf-8"), lang)
        count += len(boxes)
        lacking += [f"{rel}: {ident}" for ident, linked in boxes if not linked]
    assert count >= len(CHAPTERS) * len(LANGUAGES) and not lacking, lacking


@pytest.mark.parametrize("slug", CHAPTERS)
def test_misconceptions_boxes_have_the_same_linkable_id_in_both_languages(site, slug):
    ids = {}
    for lang in LANGUAGES:
        boxes = _boxes((site / page_path(lang, slug)).read_text(encoding="utf-8"), lang)
        assert boxes, f"{lang}/{slug}: no misconceptions box"
        assert all(ident and linked for ident, linked in boxes), f"{lang}/{slug}: {boxes}"
        ids[lang] = [ident for ident, _ in boxes]
    assert len({tuple(v) for v in ids.values()}) == 1, ids
    assert ids[LANGUAGES[0]][0] == "misconceptions"


def test_the_check_finds_leftovers_in_a_built_page(fixture_book):
    """The same check on the fixture book, with leftovers injected: it must find each."""
    from conftest import build_in_process
    from test_faults import append_pair
    append_pair(fixture_book, "beta",
                '\n??? question "1. \\"따옴표\\"가 보이는 질문입니까?"\n    네.\n\n설명(([출처](https://example.org)))입니다. '
                '**닫히지 않은 강조 {#not-an-id}\n',
                '\n??? question "1. A fine question?"\n    Yes.\n\nFine text.\n')
    ok, output = build_in_process(fixture_book, fixture_book / "site")
    assert ok, output
    text = rendered_text.visible_text((fixture_book / "site" / "beta" / "index.html").read_text(encoding="utf-8"))
    kinds = {p.split(":")[0] for p in rendered_text.problems(text)}
    assert {"a backslash-escaped quote", "doubled parentheses", "stray '**'",
            "an attribute list left as text"} <= kinds, kinds
    english = rendered_text.visible_text((fixture_book / "site" / "en" / "beta" / "index.html").read_text(encoding="utf-8"))
    assert rendered_text.problems(english) == []

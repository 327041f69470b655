"""Renamed pages keep their old URLs in every language (llmbook.redirects)."""
from __future__ import annotations


import pytest

from llmbook import localsite, redirects
from conftest import LANGUAGES, build_in_process


def test_redirect_data_is_validated(tmp_path):
    data = tmp_path / "r.yml"
    data.write_text("old-name: transformer\ntransformer: scale\nBad Slug: nowhere\n", encoding="utf-8")
    mapping, problems = redirects.load(str(data), {"transformer", "scale"})
    assert mapping["old-name"] == "transformer"
    assert f"{data}:2: 'transformer' is still a page; a redirect would hide it" in problems
    assert f"{data}:3: 'Bad Slug' is not a slug" in problems
    assert f"{data}:3: redirect target 'nowhere' is not a page" in problems
    assert redirects.load(str(tmp_path / "none.yml"), set()) == ({}, [])
    data.write_text("a: [b\n", encoding="utf-8")
    with pytest.raises(redirects.RedirectError, match=r"r.yml:\d+: malformed YAML"):
        redirects.load(str(data), set())


def test_old_urls_lead_to_the_new_page_and_section_in_each_language(fixture_book, browser):
    (fixture_book / "docs/_data/redirects.yml").write_text("attention-chapter: beta\n", encoding="utf-8")
    ok, output = build_in_process(fixture_book, fixture_book / "site")
    assert ok, output
    site = fixture_book / "site"
    httpd, base = localsite.serve(site)
    page = browser.new_page()
    try:
        for lang in LANGUAGES:
            prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
            assert (site / prefix / "attention-chapter" / "index.html").is_file()
            page.goto(f"{base}{prefix}attention-chapter/#self-attention")
            page.wait_for_url(f"{base}{prefix}beta/#self-attention")
            assert page.evaluate("document.documentElement.lang") == lang
    finally:
        page.close()
        httpd.shutdown()

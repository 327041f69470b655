"""Links of the built site in both languages (see scripts/check_links.py)."""
from __future__ import annotations

from llmbook import check_links
from conftest import ROOT


def test_every_internal_link_and_anchor_resolves(site):
    problems, _ = check_links.check_internal(str(site))
    assert not problems, "\n".join(problems)


def test_external_links_are_well_formed_https(site):
    _, external = check_links.check_internal(str(site))
    assert external, "the book cites no external source?"
    problems = check_links.check_external_form(external)
    assert not problems, "\n".join(problems)


def test_external_link_list_is_up_to_date(site):
    _, external = check_links.check_internal(str(site))
    current = (ROOT / "external-links.tsv").read_text(encoding="utf-8")
    assert current == check_links.external_list(external), (
        "external-links.tsv is stale: run `python3 scripts/check_links.py SITE --write` after a build")


def test_checker_finds_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="x">X</h2><a href="#x">ok</a><a href="#y">bad anchor</a>'
                                              '<a href="../b/">missing page</a><a href="http://insecure.org/">http</a>',
                                              encoding="utf-8")
    problems, external = check_links.check_internal(str(tmp_path))
    assert "a/index.html:1: broken anchor '#y' (no id 'y' in a/index.html)" in problems
    assert "a/index.html:1: broken link '../b/' (no file at that path)" in problems
    assert check_links.check_external_form(external) == ["a/index.html: external link is not https: http://insecure.org/"]

"""The glossary on the built site: pages in both languages, term links, tooltips, CSV."""
from __future__ import annotations

import csv
import io
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT
from conftest import LANGUAGES, page_path

TERMS = yaml.safe_load((ROOT / "docs" / "_data" / "glossary.yml").read_text(encoding="utf-8"))


def soup(site, rel):
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def test_term_base_is_large_enough():
    assert len(TERMS) >= 150


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_page_lists_every_term_in_order(site, lang):
    page = soup(site, page_path(lang, "glossary"))
    entries = page.select("div.glossary-entry[id]")
    assert {e["id"] for e in entries} == {t["id"] for t in TERMS}
    names = [e.select_one("dfn").get_text() for e in entries]
    fold = [re.sub(r"[\s\-·]", "", n).casefold() for n in names]
    if lang == "ko":
        hangul = [n for n in fold if "가" <= n[:1] <= "힣"]
        assert hangul == sorted(hangul) and fold[:len(hangul)] == hangul   # 가나다, then Latin
    else:
        assert fold == sorted(fold, key=lambda n: (not n[:1].isalpha(), n))
    other = "en" if lang == "ko" else "ko"
    assert all(e.select_one(f".glossary-other[lang={other}]") for e in entries)
    jump = [a["href"][1:] for a in page.select("nav.glossary-jump a")]
    assert jump and all(page.find(id=j) for j in jump)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_term_link_resolves_and_has_a_tooltip_in_the_page_language(site, lang):
    glossary_ids = {e["id"] for e in soup(site, page_path(lang, "glossary")).select("div.glossary-entry[id]")}
    by_id = {t["id"]: t for t in TERMS}
    linked = set()
    prefix = "" if lang == "ko" else "en/"
    for path in sorted(site.glob(f"{prefix}*/index.html")):
        if path.parent.name in ("en", "search", "assets"):
            continue
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for a in page.select("a.glossary-link"):
            ident = a["href"].split("#")[1]
            assert a["href"].split("#")[0].endswith("glossary/"), a["href"]
            assert ident in glossary_ids, f"{path}: {ident}"
            tip = page.find(id=a["aria-describedby"])
            assert tip and tip.get("role") == "tooltip"
            assert by_id[ident][f"{lang}_short"] in tip.get_text()
            linked.add(ident)
    assert linked == glossary_ids, f"terms never linked: {sorted(glossary_ids - linked)[:10]}"


def test_csv_download_is_linked_in_both_languages(site):
    for lang in LANGUAGES:
        page = soup(site, page_path(lang, "glossary"))
        link = page.select_one("#download ~ p a[download]")
        assert link, lang
        target = (site / page_path(lang, "glossary")).parent / link["href"]
        assert target.resolve() == (site / "glossary.csv").resolve()
    text = (site / "glossary.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(TERMS)
    assert all(r["korean"] and r["english"] and r["korean_definition"] and r["english_definition"] for r in rows)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_markup_for_the_filter_box(site, lang):
    """The markup the filter script relies on: entries with every name in both languages,
    letter groups that end with a link back to the jump index."""
    page = soup(site, page_path(lang, "glossary"))
    entries = page.select("[data-glossary-entry]")
    assert len(entries) == len(TERMS)
    by_id = {t["id"]: t for t in TERMS}
    for entry in entries:
        term = by_id[entry["id"]]
        names = entry["data-names"].split("|")
        expected = [term["ko"], term["en"]] + (term.get("ko_aliases") or []) + (term.get("en_aliases") or [])
        assert set(names) == set(expected), entry["id"]
    assert page.find(id="glossary-index").name == "nav"
    groups = page.select("[data-glossary-group]")
    assert len(groups) == len(page.select("nav.glossary-jump a"))
    for group in groups:
        assert group.find("h2")["id"].startswith("index-")
        assert all(e in entries for e in group.select("[data-glossary-entry]"))
        assert group.find_all("a")[-1]["href"] == "#glossary-index"
    assert sum(len(g.select("[data-glossary-entry]")) for g in groups) == len(entries)


def test_tooltips_never_show_doubled_parentheses(site):
    for lang in LANGUAGES:
        for path in sorted(site.glob(("" if lang == "ko" else "en/") + "*/index.html")):
            for tip in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select(".glossary-tip span[lang]"):
                assert "))" not in tip.get_text(), f"{path}: {tip.get_text()}"

"""Assertions on the built HTML of both languages."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import CHAPTERS, LANGUAGES, SLUGS, all_pages, page_path, soup


def test_every_planned_page_exists_in_both_languages(site):
    for slug in CHAPTERS + ["glossary", "timeline", "references", "instructors"]:
        assert slug in SLUGS
        for lang in LANGUAGES:
            assert (site / page_path(lang, slug)).is_file(), (lang, slug)
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_lang_matches_the_language(site, lang):
    for slug in SLUGS + ["index"]:
        html = soup(site, page_path(lang, slug)).find("html")
        assert html.get("lang") == lang, (lang, slug)


def test_language_switcher_leads_to_the_same_page(site):
    home_ko = soup(site, "index.html")
    assert home_ko.select_one('a.md-select__link[hreflang="en"]')["href"] == "en/"
    home_en = soup(site, "en/index.html")
    assert home_en.select_one('a.md-select__link[hreflang="ko"]')["href"] == "../"
    for slug in SLUGS:
        ko = soup(site, page_path("ko", slug))
        link = ko.select_one('a.md-select__link[hreflang="en"]')
        assert link is not None and link["href"] == f"../en/{slug}/", slug
        en = soup(site, page_path("en", slug))
        link = en.select_one('a.md-select__link[hreflang="ko"]')
        assert link is not None and link["href"] == f"../../{slug}/", slug


def test_heading_ids_are_explicit_and_identical_in_both_languages(site):
    for slug in SLUGS + ["index"]:
        ids = {}
        for lang in LANGUAGES:
            headings = soup(site, page_path(lang, slug)).select("article h2[id], article h3[id]")
            ids[lang] = [h["id"] for h in headings]
            for ident in ids[lang]:
                assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident), (lang, slug, ident)
        if not slug.startswith("glossary"):   # the glossary pages' letter index follows each language's alphabet
            assert ids["ko"] == ids["en"], slug


def test_chapter_section_links_work_in_both_languages(site):
    """A course can link /transformer/#self-attention and /en/transformer/#self-attention,
    and the page title's own link is /transformer/#transformer in both languages."""
    for lang in LANGUAGES:
        for slug in CHAPTERS:
            page = soup(site, page_path(lang, slug))
            assert page.select_one("article h2[id]") is not None, (lang, slug)
            assert page.select_one("article h1")["id"] == slug, (lang, slug)
        assert soup(site, page_path(lang, "transformer")).find(id="self-attention").name == "h2"


def _resource_urls(page: BeautifulSoup):
    for tag, attr in (("script", "src"), ("img", "src"), ("link", "href"), ("iframe", "src"),
                      ("source", "src"), ("video", "src"), ("audio", "src"), ("object", "data")):
        for el in page.find_all(tag):
            # canonical and hreflang alternates name pages (absolute URLs); nothing is loaded
            if el.get(attr) and not (tag == "link" and {"canonical", "alternate"} & set(el.get("rel") or [])):
                yield el[attr]
    for el in page.find_all(style=True):
        yield from re.findall(r"url\(([^)]*)\)", el["style"])


def test_no_page_loads_anything_from_another_host(site):
    bad = []
    for path in all_pages(site):
        for url in _resource_urls(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")):
            parsed = urlparse(url.strip("'\""))
            if parsed.scheme in ("http", "https") or url.startswith("//"):
                bad.append(f"{path.relative_to(site)}: {url}")
    for css in site.rglob("*.css"):
        for url in re.findall(r"(?:url\(|@import\s+)['\"]?((?:https?:)?//[^'\")\s]+)", css.read_text(encoding="utf-8")):
            if not url.startswith("data:"):
                bad.append(f"{css.relative_to(site)}: {url}")
    assert not bad, "\n".join(bad)


def test_sitemaps_for_both_languages(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site / "sitemap.xml").getroot()
    en = ET.parse(site / "en" / "sitemap.xml").getroot()
    en_locs = [u.find("s:loc", ns).text for u in en.findall("s:url", ns)]
    assert len(en_locs) == len(SLUGS) + 1
    assert all("/en/" in loc for loc in en_locs)
    for url in en.findall("s:url", ns):
        langs = {link.get("hreflang") for link in url.findall("x:link", ns)}
        assert langs == set(LANGUAGES)
    assert len(root.findall("s:url", ns)) == 2 * (len(SLUGS) + 1)


def test_english_pages_use_the_english_site_root_for_search_and_sitemap(site):
    config = soup(site, "en/transformer/index.html").find("script", id="__config")
    assert json.loads(config.string)["base"] == "../../en/"
    config = soup(site, "transformer/index.html").find("script", id="__config")
    assert json.loads(config.string)["base"] == ".."


def test_search_indexes_are_split_by_language(site):
    ko = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert ko["docs"] and en["docs"]
    assert not any(d["location"].startswith("en/") for d in ko["docs"])
    expected = {""} | {f"{slug}/" for slug in SLUGS}
    assert {d["location"].split("#")[0] for d in ko["docs"]} == expected
    assert {d["location"].split("#")[0] for d in en["docs"]} == expected
    ko_titles = {d["title"] for d in ko["docs"] if "#" not in d["location"]}
    en_titles = {d["title"] for d in en["docs"] if "#" not in d["location"]}
    assert "용어집" in ko_titles and "Glossary" not in ko_titles
    assert "Glossary" in en_titles and "용어집" not in en_titles
    assert "kw" in ko["config"]["fields"] and "kw" not in en["config"]["fields"]
    # English search keeps its own pipeline (stop-word filtering), not the Korean one.
    assert en["config"]["pipeline"] == ["stopWordFilter"] and ko["config"]["pipeline"] == [" "]


def test_meta_description_on_every_page(site):
    for path in all_pages(site):
        if path.name == "404.html":
            continue
        meta = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("meta", attrs={"name": "description"})
        assert meta and meta.get("content"), path


def test_home_page_lists_every_chapter_in_order(site):
    for lang in LANGUAGES:
        page = soup(site, page_path(lang, "index"))
        hrefs = [a["href"].strip("/").split("/")[-1] for a in page.select("article ul a")]
        listed = [h for h in hrefs if h in CHAPTERS]
        assert listed == CHAPTERS, (lang, listed)


def test_copy_buttons_enabled_for_code(site):
    config = json.loads(soup(site, "index.html").find("script", id="__config").string)
    assert "content.code.copy" in config["features"]


def test_korean_text_does_not_break_words(site):
    css = (site / "assets" / "site.css").read_text(encoding="utf-8")
    assert re.search(r'html\[lang="ko"\][^{]*\{[^}]*word-break:\s*keep-all', css)


def test_instructors_page_follows_the_chapter_list(site):
    """The slug table is generated from nav; the four-week plan, written by hand, still
    covers every chapter of nav in the book's order."""
    for lang in LANGUAGES:
        page = soup(site, page_path(lang, "instructors"))
        rows = page.find(id="chapter-slugs").find_next("table").select("tbody tr")
        assert [r.select("code")[0].get_text() for r in rows] == CHAPTERS, lang
        plan, seen = page.find(id="four-week-module"), []
        for el in plan.find_all_next(["p", "h2"]):
            if el.name == "h2":
                break
            for a in el.select("a[href]"):
                slug = a["href"].split("#")[0].strip("./").split("/")[-1]
                if slug in CHAPTERS and slug not in seen:
                    seen.append(slug)
        assert seen == CHAPTERS, (lang, seen)

"""The glossary on the built site: an index page and one page of full entries per part of
the book, in both languages; term links, tooltips, CSV, page weight."""
from __future__ import annotations

import csv
import gzip
import io
import posixpath
import re
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGUAGES, NAV_PAGES, ROOT, page_path, ui_strings
from llmbook.frontmatter import read as read_front_matter

TERMS = yaml.safe_load((ROOT / "docs" / "_data" / "glossary.yml").read_text(encoding="utf-8"))
BY_ID = {t["id"]: t for t in TERMS}
# The glossary pages of full entries: each covers the chapters from its front matter's
# glossary_from up to the next page's first, in book order.
CHAPTER_ORDER = [p.slug for p in NAV_PAGES if p.number is not None]
STARTS = {  # first chapter -> page slug
    first: p.stem for first, p in ((read_front_matter(str(p)).get("glossary_from"), p)
                                   for p in sorted((ROOT / "docs" / LANGUAGES[0]).glob("*.md"))) if first}
PART_OF_CHAPTER = {}
for _slug in CHAPTER_ORDER:
    PART_OF_CHAPTER[_slug] = STARTS.get(_slug) or PART_OF_CHAPTER[CHAPTER_ORDER[CHAPTER_ORDER.index(_slug) - 1]]
PARTS = list(dict.fromkeys(PART_OF_CHAPTER.values()))        # page slugs in book order
GLOSSARY_PAGES = ["glossary"] + PARTS
# The largest a glossary page's HTML may be, gzip-compressed (level 6, a web server's
# usual setting): with the ~58 KB of CSS and JS every page loads, its first view stays
# well under the 100 KiB budget (scripts/bench_lighthouse.py).
MAX_GZIP = 40_000


def soup(site, rel):
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def fold(name):
    return re.sub(r"[\s\-·]", "", name).casefold()


def assert_dictionary_order(names, lang):
    folded = [fold(n) for n in names]
    if lang == "ko":
        hangul = [n for n in folded if "가" <= n[:1] <= "힣"]
        assert hangul == sorted(hangul) and folded[:len(hangul)] == hangul   # 가나다, then Latin
    else:
        assert folded == sorted(folded, key=lambda n: (not n[:1].isalpha(), n))


def test_term_base_is_large_enough():
    assert len(TERMS) >= 150


def test_the_glossary_pages_cover_every_chapter_and_are_in_nav():
    assert CHAPTER_ORDER[0] in STARTS and len(PARTS) >= 3
    nav_slugs = [p.slug for p in NAV_PAGES]
    assert all(slug in nav_slugs for slug in GLOSSARY_PAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_index_page_lists_every_term_in_order_with_a_link_to_its_entry(site, lang):
    page = soup(site, page_path(lang, "glossary"))
    items = page.select("li.glossary-item[id]")
    assert [i["id"] for i in items if i["id"] in BY_ID] == [i["id"] for i in items]
    assert sorted(i["id"] for i in items) == sorted(BY_ID)       # each term once
    assert_dictionary_order([i.a.get_text() for i in items], lang)
    other = "en" if lang == "ko" else "ko"
    for item in items:
        assert item.select_one(f".glossary-other[lang={other}]").get_text() == BY_ID[item["id"]][other]
        href = item.a["href"]
        assert href == f"../{PART_OF_CHAPTER[BY_ID[item['id']]['chapter']]}/#{item['id']}", href
    assert not page.select(".glossary-entry"), "the index page holds no full entries"
    jump = [a["href"][1:] for a in page.select("nav.glossary-jump a")]
    assert jump and all(page.find(id=j) for j in jump)
    parts = [a["href"] for a in page.select("#parts ~ ul a")]
    assert parts == [f"../{slug}/" for slug in PARTS]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_term_has_one_full_entry_on_the_page_of_its_chapter(site, lang):
    t = ui_strings(lang)["glossary"]
    numbers = {p.slug: p.number for p in NAV_PAGES if p.number is not None}
    seen = {}
    for slug in PARTS:
        chapters = [c for c in CHAPTER_ORDER if PART_OF_CHAPTER[c] == slug]
        page = soup(site, page_path(lang, slug))
        first, last = numbers[chapters[0]], numbers[chapters[-1]]
        run = t["chapters_one"].format(n=first) if first == last else t["chapters_range"].format(first=first, last=last)
        title = t["part_title"].format(chapters=run)
        assert page.h1.get_text(strip=True).rstrip("¶") == title and page.title.get_text().startswith(title)
        assert page.h1["id"] == slug
        entries = page.select("div.glossary-entry[id]")
        assert entries, slug
        for entry in entries:
            assert entry["id"] not in seen, f"{entry['id']} on {slug} and {seen.get(entry['id'])}"
            seen[entry["id"]] = slug
            assert BY_ID[entry["id"]]["chapter"] in chapters, (slug, entry["id"])
        assert_dictionary_order([e.select_one("dfn").get_text() for e in entries], lang)
        other = "en" if lang == "ko" else "ko"
        assert all(e.select_one(f".glossary-other[lang={other}]") for e in entries)
        # letter groups, each ending with a link back to this page's own jump index
        groups = page.select("[data-glossary-group]")
        assert len(groups) == len(page.select("nav.glossary-jump#glossary-index a"))
        assert all(g.find_all("a")[-1]["href"] == "#glossary-index" for g in groups)
        assert sum(len(g.select(".glossary-entry")) for g in groups) == len(entries)
        # a visible way to the whole index, and no filter box markup (that is the index page's)
        assert page.select_one('article a[href="../glossary/#index"]')
        assert not page.select("[data-glossary-entry]")
    assert set(seen) == set(BY_ID)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_glossary_link_on_every_page_resolves(site, lang):
    """Every link into a glossary page (chapters, tooltips, related terms, index items,
    timeline, references, home, handouts) lands on an element with that id; every link
    to a term goes straight to the part page with its full entry."""
    root = site if lang == LANGUAGES[0] else site / lang
    targets = {slug: soup(site, page_path(lang, slug)) for slug in GLOSSARY_PAGES}
    checked = 0
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root).as_posix()
        if rel.split("/")[0] in set(LANGUAGES) | {"assets", "search"}:
            continue
        base = posixpath.dirname(rel)
        for a in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("a[href]"):
            url = urlsplit(a["href"])
            if url.scheme or url.netloc or not url.fragment:
                continue
            target = posixpath.normpath(posixpath.join(base, url.path)) if url.path else base
            slug = target.split("/")[0]
            if slug not in targets or target.strip("/") != slug:
                continue
            ident = unquote(url.fragment)
            assert targets[slug].find(id=ident), f"{rel}: {a['href']} has no target"
            if ident in BY_ID and rel != "glossary/index.html":
                want = PART_OF_CHAPTER[BY_ID[ident]["chapter"]]
                assert slug == want, f"{rel}: {a['href']} should point at {want}/#{ident}"
                assert targets[slug].find(id=ident)["class"] == ["glossary-entry"]
            checked += 1
    assert checked > len(TERMS) * 3


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_term_link_has_a_tooltip_in_the_page_language(site, lang):
    linked = set()
    prefix = "" if lang == "ko" else "en/"
    for path in sorted(site.glob(f"{prefix}*/index.html")):
        if path.parent.name in ("en", "search", "assets"):
            continue
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for a in page.select("a.glossary-link"):
            ident = a["href"].split("#")[1]
            assert re.fullmatch(r"(\.\./)*[a-z0-9-]+/", a["href"].split("#")[0]), a["href"]
            tip = page.find(id=a["aria-describedby"])
            assert tip and tip.get("role") == "tooltip"
            assert BY_ID[ident][f"{lang}_short"] in tip.get_text()
            linked.add(ident)
    assert linked == set(BY_ID), f"terms never linked: {sorted(set(BY_ID) - linked)[:10]}"


def test_old_term_links_land_on_the_index_item(site):
    """glossary/#<id>, the address every earlier link used, still names the term on the
    index page (the browser test checks that the page forwards to the entry)."""
    for lang in LANGUAGES:
        page = soup(site, page_path(lang, "glossary"))
        for ident in BY_ID:
            item = page.find(id=ident)
            assert item is not None and item.has_attr("data-glossary-entry"), (lang, ident)


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
    """The markup the filter script relies on, on the index page: items with every name
    in both languages, letter groups that end with a link back to the jump index."""
    page = soup(site, page_path(lang, "glossary"))
    entries = page.select("[data-glossary-entry]")
    assert len(entries) == len(TERMS)
    for entry in entries:
        term = BY_ID[entry["id"]]
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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_glossary_page_is_light(site, lang):
    for slug in GLOSSARY_PAGES:
        size = len(gzip.compress((site / page_path(lang, slug)).read_bytes(), compresslevel=6))
        assert size < MAX_GZIP, f"{lang} {slug}: {size} bytes gzipped, over {MAX_GZIP}"


def test_tooltips_never_show_doubled_parentheses(site):
    for lang in LANGUAGES:
        for path in sorted(site.glob(("" if lang == "ko" else "en/") + "*/index.html")):
            for tip in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select(".glossary-tip span[lang]"):
                assert "))" not in tip.get_text(), f"{path}: {tip.get_text()}"

"""Printing: Chromium prints every chapter of both languages to PDF (print media, with
the reader's screen in the dark scheme), and the PDFs are read back with pypdf: no screen
furniture, every section heading, the quiz answers, the external links' addresses, the
page's address and licence line, fonts embedded (Korean text extracts as it was written)
and no blank page; and every chapter's one-page handout (objectives, key takeaways,
the quiz without its answers) prints on one page."""
from __future__ import annotations

import io
import re
import unicodedata

import pytest

from conftest import CHAPTERS, LANGUAGES, page_path, soup

pypdf = pytest.importorskip("pypdf", reason="pypdf (requirements-test.txt) reads the printed PDFs")


def squash(text: str) -> str:
    """Text without whitespace (PDF extraction breaks lines where the page did) and with
    typographic ligatures spelled out (a Latin font prints "figures" with the ﬁ ligature)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def plain(el) -> str:
    """Text of an element without its permalinks and glossary tooltips; each formula
    becomes a "|" (its extracted text differs from its MathML)."""
    el = el.__copy__()
    for junk in el.select(".headerlink, .glossary-tip, script"):
        junk.decompose()
    for formula in el.select("math"):
        formula.replace_with("|")
    return el.get_text(" ", strip=True)


def read_page(pdf_page) -> tuple[str, str]:
    """(the page's text, the text of its lowest line: by position, not drawing order)."""
    fragments = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            fragments.append((round(tm[5] * cm[3] + cm[5]), text))
    text = pdf_page.extract_text(visitor_text=visit) or ""
    if not fragments:
        return text, ""
    low = min(y for y, _ in fragments)
    return text, squash("".join(t for y, t in fragments if abs(y - low) <= 2))


def unembedded_fonts(reader) -> set[str]:
    missing = set()
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            if target.get("/Subtype") == "/Type3":
                continue   # glyphs drawn by procedures inside the PDF: embedded by nature
            desc = target.get("/FontDescriptor")
            desc = desc.get_object() if desc else {}
            if not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(target.get("/BaseFont")))
    return missing


def furniture(page_soup) -> list[str]:
    """Texts only the screen shows: skip link, colour toggles, search, nav part titles."""
    texts = [el.get_text(strip=True) for el in page_soup.select(".md-skip")]
    texts += [el.get("title", "") for el in page_soup.select("[data-md-component=palette] label")]
    texts += [el.get("placeholder", "") for el in page_soup.select("input.md-search__input")]
    texts += [el.get_text(strip=True) for el in page_soup.select(".md-nav__item--section > label")]
    return [t for t in texts if len(t) > 2]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_chapter_prints_cleanly(browser, server, site, lang):
    ctx = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    problems = []
    try:
        for slug in CHAPTERS:
            rel = page_path(lang, slug)
            html = soup(site, rel)
            art = html.select_one("article")
            page.goto(server + rel.removesuffix("index.html"))
            page.emulate_media(media="print", color_scheme="dark")
            bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
            if bg != "rgb(255, 255, 255)":
                problems.append(f"{rel}: printed background {bg} in the dark scheme")
            reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
            read = [read_page(p) for p in reader.pages]
            texts = [text for text, _ in read]
            text = squash("".join(texts))

            blank = [i + 1 for i, t in enumerate(texts) if not t.strip()]
            if blank:
                problems.append(f"{rel}: blank page(s) {blank}")
            # more U+FFFD than the page itself shows (language-models quotes the character)
            if text.count("\ufffd") > squash(art.get_text()).count("\ufffd"):
                problems.append(f"{rel}: U+FFFD in the extracted text (a glyph without its character)")
            if missing := unembedded_fonts(reader):
                problems.append(f"{rel}: fonts not embedded: {sorted(missing)}")
            for junk in furniture(html):
                if squash(junk) in text:
                    problems.append(f"{rel}: screen-only text printed: {junk!r}")
            headings = {squash(plain(h)) for h in art.select("h1, h2, h3")}
            for h in art.select("h1, h2, h3"):
                if squash(plain(h)) not in text:
                    problems.append(f"{rel}: heading {plain(h)!r} missing")
            for number, (_, last) in enumerate(read[:-1], 1):
                if last in headings:
                    problems.append(f"{rel}: heading {last!r} stranded at the foot of page {number}")
            answers = art.select(".quiz-answers li")
            if len(answers) != len(art.select("details.question")) or not answers:
                problems.append(f"{rel}: {len(answers)} printed answers for {len(art.select('details.question'))} questions")
            for li in answers:
                words = max(re.split(r"[(),.:;|]", plain(li)), key=len)
                if squash(words) not in text:
                    problems.append(f"{rel}: quiz answer {li['value']} missing ({words[:40]!r})")
            for tip in art.select(".glossary-tip")[:3]:
                definition = plain(tip).split(":", 1)[-1]
                if len(squash(definition)) > 15 and squash(definition) in text:
                    problems.append(f"{rel}: glossary tooltip printed: {definition[:40]!r}")
            external = [a for a in art.select("a[href^='http']")
                        if "print-no-url" not in a.get("class", []) and not a.find_parent(class_="print-only")]
            for a in external[:5]:
                if squash(a["href"]) not in text:
                    problems.append(f"{rel}: address of {a.get_text(strip=True)!r} not printed after it")
            canonical = html.select_one("link[rel=canonical]")["href"]
            if canonical not in text:
                problems.append(f"{rel}: the page's address {canonical} is not printed")
            licence = html.select_one(".md-copyright__highlight").get_text(strip=True)
            if squash(licence) not in text:
                problems.append(f"{rel}: the licence line is not printed")

            # The chapter's one-page handout: objectives, takeaways, questions, no answers.
            handout_rel = rel.replace("index.html", "handout.html")
            handout = soup(site, handout_rel)
            page.goto(server + handout_rel)
            printed = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
            handout_text = squash("".join(p.extract_text() or "" for p in printed.pages))
            if len(printed.pages) != 1:
                problems.append(f"{handout_rel}: prints on {len(printed.pages)} pages, not one")
            questions = [squash(plain(q.summary)).split(".", 1)[-1] for q in art.select("details.question")]
            if [squash(plain(li)) for li in handout.select(".handout__quiz li")] != questions:
                problems.append(f"{handout_rel}: the quiz questions differ from the chapter's")
            for li in answers:
                words = max(re.split(r"[(),.:;|]", plain(li)), key=len)
                if len(squash(words)) > 25 and squash(words) in handout_text:
                    problems.append(f"{handout_rel}: shows the answer {words[:30]!r}")
            objectives = [squash(plain(li)) for li in art.select(".admonition.abstract li")]
            if [squash(plain(li)) for li in handout.select("#handout-objectives ~ ul li")] != objectives:
                problems.append(f"{handout_rel}: the learning objectives differ from the chapter's")
            if squash(plain(art.find(id="key-takeaways").find_next(["p", "li"])))[:40] not in squash(handout.get_text()):
                problems.append(f"{handout_rel}: the key takeaways are missing")
    finally:
        ctx.close()
    assert not problems, "\n".join(problems)


def test_print_blocks_hidden_on_screen(page_factory, server):
    """The answers and the address block are print-only: never shown on screen."""
    page = page_factory(375, 800)
    page.goto(server + CHAPTERS[0] + "/")
    assert page.locator(".quiz-answers").count() == 1
    assert not page.locator(".quiz-answers").is_visible()
    assert not page.locator(".print-colophon").is_visible()
    assert page.problems == []

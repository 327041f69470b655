"""Headless Chromium (Debian's) against the built site served on loopback: language
switch, search in both languages typed with real key events, tooltips, console and
network hygiene, and the phone layout."""
from __future__ import annotations

import re

import pytest

from conftest import CHAPTERS

PHONE = {"width": 375, "height": 740}


def open_search(page):
    """Open Material's search with its keyboard shortcut, as a reader would."""
    page.keyboard.press("Escape")
    page.locator("input.md-search__input").fill("")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("/")
    page.wait_for_selector("input.md-search__input:focus")


def type_keys(page, text: str) -> None:
    """Real key events for every character. ASCII goes through the keyboard; a Hangul
    syllable arrives as a Korean IME delivers it: keydown 'Process' (keyCode 229), the
    committed text, keyup."""
    cdp = page.context.new_cdp_session(page)
    for char in text:
        if char.isascii():
            page.keyboard.press(char)
        else:
            event = {"key": "Process", "code": "", "windowsVirtualKeyCode": 229, "nativeVirtualKeyCode": 229}
            cdp.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", **event})
            cdp.send("Input.insertText", {"text": char})
            cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", **event})
        # the character has reached the search box before the next key
        page.wait_for_function("c => document.querySelector('input.md-search__input').value.endsWith(c)", arg=char)
    cdp.detach()


def search(page, query: str) -> list[str]:
    """Type ``query`` key by key into Material's search and return the result links."""
    open_search(page)
    type_keys(page, query)
    # Wait for a result count ("…개의 일치하는 문서", "… matching documents"): before the
    # index is ready the line reads "검색 초기화" / "Initializing search".
    # The results of the whole query: the count line and the list agree (a query that
    # is still being answered shows the count of an earlier prefix, or no list yet).
    page.wait_for_function(
        """q => { const m = document.querySelector('.md-search-result__meta');
                  const input = document.querySelector('input.md-search__input');
                  if (!m || !/일치|matching/i.test(m.textContent) || !input.value.endsWith(q)) return false;
                  const n = parseInt((m.textContent.match(/\\d+/) || ['0'])[0], 10);
                  return document.querySelectorAll('.md-search-result__item').length >= Math.min(n, 10) }""",
        arg=query, timeout=30000)
    return page.eval_on_selector_all("a.md-search-result__link", "els => els.map(e => e.href)")


def test_language_switch_goes_to_the_same_page_in_the_other_language(page_factory, server):
    page = page_factory()
    page.goto(server + "transformer/")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_url(server + "en/transformer/")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.locator(".md-header__option .md-select").first.hover()
    page.locator("a.md-select__link[hreflang='ko']").click()
    page.wait_for_url(server + "transformer/")
    assert page.evaluate("document.documentElement.lang") == "ko"
    assert not page.problems, page.problems


def test_korean_search_finds_inflected_forms_and_only_korean_pages(page_factory, server):
    page = page_factory()
    page.goto(server)
    links = search(page, "예측하다")
    assert links, "예측하다 found nothing"
    assert not any("/en/" in link for link in links), links
    first = links[0].split("#")[0]
    text = page.context.request.get(first).text()
    body = re.sub(r"<[^>]+>", " ", text)
    assert re.search(r"예측(합니다|하는|해|했|한다|하고|하여)", body), first

    links = search(page, "언어모델")
    assert links, "언어모델 found nothing"
    target = page.context.request.get(links[0].split("#")[0]).text()
    assert "언어 모델" in target
    assert not any("/en/" in link for link in links), links
    assert not page.problems, page.problems


def test_english_search_returns_only_english_pages(page_factory, server):
    page = page_factory()
    page.goto(server + "en/")
    links = search(page, "language model")
    assert links, "no English results"
    assert all(link.startswith(server + "en/") for link in links), links
    assert not page.problems, page.problems


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_page_loads_cleanly_and_fits_a_phone(page_factory, server, prefix):
    page = page_factory(**PHONE)
    for slug in [""] + [f"{s}/" for s in CHAPTERS + ["glossary", "glossary-1", "glossary-2", "glossary-3", "glossary-4",
                                                    "timeline", "references", "instructors"]]:
        page.goto(server + prefix + slug, wait_until="load")   # layout, styles and fonts are in
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{prefix}{slug} scrolls sideways by {overflow}px at 375px"
    assert not page.problems, page.problems


def test_glossary_tooltip_on_hover_and_keyboard_focus(page_factory, server):
    page = page_factory()
    page.goto(server)
    link = page.locator("a.glossary-link").first
    tip_id = link.get_attribute("aria-describedby")
    tip = page.locator(f"#{tip_id}")
    assert not tip.is_visible()
    link.hover()
    assert tip.is_visible()
    assert re.search("[가-힣]", tip.inner_text()) and re.search("[A-Za-z]", tip.inner_text())
    page.mouse.move(0, 0)
    page.keyboard.press("Escape")
    # keyboard: tab until the term link has focus
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement && document.activeElement.getAttribute('aria-describedby') === '{tip_id}'"):
            break
    else:
        pytest.fail("the term link is not reachable with Tab")
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    assert not page.problems, page.problems


def test_glossary_tooltip_on_touch(page_factory, server):
    page = page_factory(**PHONE, has_touch=True, is_mobile=True)
    page.goto(server + "en/")
    link = page.locator("a.glossary-link").first
    tip = page.locator("#" + link.get_attribute("aria-describedby"))
    link.tap()
    assert tip.is_visible(), "first tap shows the definition"
    assert page.url == server + "en/"
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    link.tap()
    page.wait_for_url(re.compile(r".*/en/glossary-\d/#"))
    assert not page.problems, page.problems


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_an_old_glossary_link_forwards_to_the_full_entry(page_factory, server, prefix):
    """glossary/#<term> (every link before the glossary was split) lands on the index item
    and the page goes on to the entry on its part page, without a history entry of its own."""
    page = page_factory()
    page.goto(server + prefix)
    page.goto(server + prefix + "glossary/#token")
    page.wait_for_url(re.compile(rf".*/{prefix}glossary-1/#token$"))
    page.wait_for_load_state("load")
    assert page.locator("#token.glossary-entry").is_visible()
    page.go_back()
    page.wait_for_url(server + prefix)          # back to where the reader came from
    page.goto(server + prefix + "glossary/#index-t")   # the page's own anchors stay put
    page.wait_for_load_state("load")
    assert page.url.endswith(prefix + "glossary/#index-t")
    assert not page.problems, page.problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figures_follow_the_colour_scheme(page_factory, server, scheme):
    page = page_factory(color_scheme=scheme)
    page.goto(server + "en/transformer/")
    if not page.locator("svg.figure").count():
        pytest.skip("no figure on the page yet")
    color = page.evaluate("getComputedStyle(document.querySelector('svg.figure')).color")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert color != background
    luminance = sum(int(x) for x in re.findall(r"\d+", color)[:3])
    assert (luminance < 300) == (scheme == "light"), (scheme, color)


def test_search_index_loads_only_when_the_reader_starts_to_search(page_factory, server):
    page = page_factory()
    requested = []
    page.on("request", lambda r: "search_index.json" in r.url and requested.append(r.url))
    page.goto(server + "en/transformer/", wait_until="load")
    # Material's script has run (deferred) and set up search: its components are mounted.
    page.wait_for_function("() => window.component$ !== undefined && document.querySelector('[data-md-component=search]')")
    assert requested == [], "the index was fetched before anyone searched"
    links = search(page, "attention")
    assert requested == [server + "en/search/search_index.json"]
    assert links and all(link.startswith(server + "en/") for link in links)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_material_changes_no_page_wide_style_after_the_first_paint(page_factory, server, scheme):
    """overrides/main.html sets, before the first paint, the data-md-color-switching
    attribute that Material's bundle would otherwise set once the page is styled (the change
    restyled every element, inside the long tasks Lighthouse counts as blocking time).
    Checked: the bundle sets it to the value it already has and still removes it
    (transitions come back), in either colour scheme; without JavaScript it is never set."""
    page = page_factory(375, 800, color_scheme=scheme)
    page.add_init_script("""window.__changes = [];
        new MutationObserver(list => list.forEach(m => __changes.push(
            [m.target.tagName, m.attributeName, m.oldValue, m.target.getAttribute(m.attributeName),
             !!document.querySelector(".md-container")])))
          .observe(document, {attributes: true, subtree: true, attributeOldValue: true,
                              attributeFilter: ["data-md-color-switching"]});""")
    page.goto(server + "chatgpt/")
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    # [attribute, old value, new value, whether the page below the header was parsed yet]
    changes = [c[1:] for c in page.evaluate("__changes") if c[0] == "BODY"]
    assert changes[0] == ["data-md-color-switching", None, "", False], changes  # the early script
    assert changes[-1][:3] == ["data-md-color-switching", "", None], changes    # Material's removal
    assert all((old, new) == ("", "") for _, old, new, _ in changes[1:-1]), changes
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == \
        ("slate" if scheme == "dark" else "default")
    assert not page.problems, page.problems

    bare = page_factory(375, 800, java_script_enabled=False)
    bare.goto(server + "chatgpt/")
    assert "no-js" in (bare.locator("html").get_attribute("class") or "").split()
    assert bare.locator("body").get_attribute("data-md-color-switching") is None

"""The copy-link button on section headings (the copy-link part of docs/assets/site.js): a real button
with a name in the page's language, reachable and usable from the keyboard, copies the
section's address and confirms it visibly and through a live region."""
from __future__ import annotations

import pytest

from conftest import LANGUAGES, SLUGS, page_path, ui_strings


@pytest.mark.parametrize("lang,prefix", [("ko", ""), ("en", "en/")])
def test_copy_link_by_keyboard(page_factory, server, lang, prefix):
    t = ui_strings(lang)["print"]
    page = page_factory(375, 800, permissions=["clipboard-read", "clipboard-write"])
    page.goto(server + prefix + "transformer/")
    headings = page.locator("article h2[id], article h3[id]")
    buttons = page.locator("article h2[id] > button.copy-link, article h3[id] > button.copy-link")
    assert buttons.count() == headings.count() > 5
    button = page.locator("#self-attention > button.copy-link")
    title = page.locator("#self-attention").evaluate("h => h.firstChild.textContent.trim()")
    assert button.get_attribute("aria-label") == t["copy_link"].format(title=title)
    button.focus()
    page.keyboard.press("Enter")
    url = server + prefix + "transformer/#self-attention"
    page.wait_for_function("u => document.getElementById('copy-link-status').textContent.includes(u)", arg=url)
    assert page.locator("#copy-link-status").text_content() == t["copied"].format(url=url)
    assert page.locator("#copy-link-status").get_attribute("role") == "status"
    assert button.locator(".copy-link__done").text_content() == t["copied_short"]
    assert page.evaluate("navigator.clipboard.readText()") == url
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    assert not page.problems, page.problems


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_handouts_pass_axe(page_factory, server, prefix):
    """The printable chapter handouts (WCAG 2.1 AA, axe-core; they have one scheme)."""
    from conftest import CHAPTERS
    from conftest import axe_violations
    page = page_factory(bypass_csp=True)   # axe is injected as an inline script
    found = []
    for slug in CHAPTERS:
        page.goto(f"{server}{prefix}{slug}/handout.html")
        found += axe_violations(page, f"{prefix}{slug}/handout.html")
    assert not found, "\n".join(found)
    assert not page.problems, page.problems


@pytest.mark.parametrize("width", [375, 1280])
def test_copy_link_buttons_move_nothing(page_factory, server, width):
    """The buttons are added after the first paint: a heading that grew or wrapped when its
    button arrived would push the page down (a layout shift, counted by Lighthouse's CLS).
    Every heading has the same height with its button as without it, on every page."""
    page = page_factory(width, 800)
    measure = """() => {
        const hs = [...document.querySelectorAll('article h2[id], article h3[id]')];
        const buttons = [...document.querySelectorAll('article .copy-link')];
        const withButtons = hs.map(h => h.getBoundingClientRect().height);
        buttons.forEach(b => { b.style.display = 'none'; });
        const without = hs.map(h => h.getBoundingClientRect().height);
        buttons.forEach(b => { b.style.display = ''; });
        return {buttons: buttons.length,
                grown: hs.filter((h, i) => Math.abs(withButtons[i] - without[i]) > 0.5)
                         .map(h => h.id)};
    }"""
    seen = 0
    for lang in LANGUAGES:
        for slug in ["index"] + SLUGS:
            path = page_path(lang, slug)
            page.goto(server + path)
            result = page.evaluate(measure)
            assert not result["grown"], (path, result["grown"])
            seen += result["buttons"]
    assert seen > 300, seen
    assert not page.problems, page.problems

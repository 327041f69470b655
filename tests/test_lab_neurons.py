"""The neurons lab (interpretability) in headless Chromium against the built site: the
browser's simulation and score equal scripts/neurons/rules.py on several units and
explanations (a constant one included), the stable hooks, loading on demand, the phone
layout, both schemes, the CSP and axe."""
from __future__ import annotations

import json
import sys

import pytest

from conftest import AXE, AXE_TAGS as TAGS, ROOT

sys.path.insert(0, str(ROOT / "scripts" / "neurons"))
import rules  # noqa: E402

PHONE = {"width": 375, "height": 740}
DATA = json.loads((ROOT / "docs" / "assets" / "labs" / "neurons" / "units.json").read_text(encoding="utf-8"))
DIGITS = "0123456789a"
EXPLANATIONS = ["on 'e': 5; on 'n' after 'i': 8", "'니' 뒤의 '다': 3; '␣'", "on 'the'", "", "'zzzz'", "on '다'; on 'ing': 4"]
WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def url(server, lang):
    return server + ("" if lang == "ko" else "en/") + "interpretability/"


def start(page):
    root = page.locator('[data-lab="neurons"]')
    root.locator("[data-lab-start]").click()
    page.wait_for_selector('[data-lab="neurons"][data-lab-updates]', timeout=60000)
    return root


def python_score(unit, explanation):
    w = DATA["window"]
    excerpts = [(DATA["text"][i * w:(i + 1) * w], [DIGITS.index(c) for c in a]) for i, a in zip(unit["score"], unit["as"])]
    return rules.score(explanation, excerpts)


def picks():
    units = DATA["neurons"] + DATA["features"]
    best = max(units, key=lambda u: u["auto"] or -1)
    return [best, DATA["neurons"][0], DATA["neurons"][100], DATA["features"][3]]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_lab_scores_as_the_pipeline_does(page_factory, server, lang):
    page = page_factory()
    requested = []
    page.on("request", lambda r: "/assets/labs/" in r.url and requested.append(r.url.split("/assets/labs/")[1]))
    page.goto(url(server, lang))
    page.wait_for_load_state("networkidle")
    assert requested == ["loader.js"], requested
    root = start(page)
    assert "neurons/units.json" in requested
    # listed best-scoring first
    first = root.locator('[name="unit"] option').first.get_attribute("value")
    neurons = sorted(DATA["neurons"], key=lambda u: -(u["auto"] if u["auto"] is not None else -2))
    assert first == neurons[0]["id"]
    for unit in picks():
        root.locator('[name="unit"]').select_option(unit["id"])
        root.locator('[data-action="auto-explain"]').click()
        got = root.locator("[data-score]").get_attribute("data-score")
        if unit["auto"] is None:
            assert got == ""
        else:
            assert float(got) == pytest.approx(unit["auto"], abs=1e-6), unit["id"]
        for text in EXPLANATIONS:
            root.locator('[name="explanation"]').fill(text)
            page.wait_for_timeout(150)
            want = python_score(unit, text)
            got = root.locator("[data-score]").get_attribute("data-score")
            if want is None:
                assert got == "", (unit["id"], text)
                assert root.locator(".lab__why").inner_text().strip()
            else:
                assert got and float(got) == pytest.approx(want, abs=1e-9), (unit["id"], text, got, want)
    # search narrows the list
    root.locator('[name="find"]').fill("zzzz-no-such-unit")
    assert root.locator('[name="unit"] option').count() == 0
    assert not page.problems, page.problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_lab_fits_a_phone_keeps_the_csp_and_is_axe_clean(browser, server, scheme):
    ctx = browser.new_context(viewport=PHONE, color_scheme=scheme)
    try:
        page = ctx.new_page()
        page.add_init_script(WATCH_CSP)
        page.goto(url(server, "ko"))
        root = start(page)
        root.locator('[data-action="auto-explain"]').click()
        page.mouse.move(0, 0)   # a resting pointer over an excerpt would show its own character
        root.locator(".lab__ch").first.focus()
        page.keyboard.press("ArrowRight")
        assert page.evaluate("document.activeElement.classList.contains('lab__ch')")
        # the focused character's real and simulated values, in words and on screen
        label = page.evaluate("document.activeElement.getAttribute('aria-label')")
        assert "실제" in label and root.locator(".lab__detail").inner_text() == label
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.evaluate("window.__csp") == []
    finally:
        ctx.close()
    ctx = browser.new_context(viewport=PHONE, color_scheme=scheme, bypass_csp=True)
    try:
        page = ctx.new_page()
        page.goto(url(server, "en"))
        root = start(page)
        page.add_script_tag(path=str(AXE))
        for table_view in (False, True):
            if table_view:
                root.locator(".lab__toggle").click()
            result = page.evaluate(
                "([sel, tags]) => axe.run(document.querySelector(sel), {runOnly: {type: 'tag', values: tags}})",
                ['[data-lab="neurons"]', TAGS])
            bad = [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]
                   if v["impact"] in ("serious", "critical")]
            assert not bad, bad
    finally:
        ctx.close()

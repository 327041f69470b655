"""Figures as a reader sees them, in headless Chromium (Debian's), at a phone width and a
desktop width: every label of every inlined SVG figure renders at 12 px or more, stays
inside its figure, and no figure makes the page scroll sideways."""
from __future__ import annotations

import pytest

from test_site import CHAPTERS

MIN_PX = 12
VIEWPORTS = [(375, 800), (1280, 800)]

# For every inlined figure: its rendered box, and each label's rendered size
# (computed font size x the scale the SVG is drawn at) and its box in viewBox units.
MEASURE = """() => [...document.querySelectorAll('article svg.figure')].map(svg => {
  const box = svg.getBoundingClientRect();
  const vb = svg.viewBox.baseVal;
  const labels = [];
  for (const t of svg.querySelectorAll('text, tspan')) {
    if (!t.textContent.trim()) continue;
    const m = t.getScreenCTM();
    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    const r = t.getBoundingClientRect(), k = box.width / vb.width;
    labels.push({text: t.textContent.trim().slice(0, 40), px,
                 x: vb.x + (r.left - box.left) / k, y: vb.y + (r.top - box.top) / k,
                 right: vb.x + (r.right - box.left) / k, bottom: vb.y + (r.bottom - box.top) / k});
  }
  return {id: svg.getAttribute('aria-labelledby'), left: box.left, right: box.right,
          width: box.width, vb: {x: vb.x, y: vb.y, w: vb.width, h: vb.height}, labels};
})"""


def chapter_url(server: str, lang: str, slug: str) -> str:
    return server + ("" if lang == "ko" else "en/") + slug + "/"


@pytest.fixture(scope="module")
def measured(browser, server):
    """{(width, lang, slug): (figures, page scroll width)} for every chapter page."""
    out = {}
    for width, height in VIEWPORTS:
        ctx = browser.new_context(viewport={"width": width, "height": height})
        page = ctx.new_page()
        for lang in ("ko", "en"):
            for slug in CHAPTERS:
                page.goto(chapter_url(server, lang, slug))
                page.evaluate("document.fonts.ready")
                out[(width, lang, slug)] = (page.evaluate(MEASURE),
                                            page.evaluate("document.documentElement.scrollWidth"))
        ctx.close()
    return out


@pytest.mark.parametrize("width", [w for w, _ in VIEWPORTS])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_figure_label_renders_at_12px_or_more(measured, lang, width):
    small = []
    for slug in CHAPTERS:
        figures, _ = measured[(width, lang, slug)]
        assert figures, f"{lang}/{slug}: no inlined figure found"
        for fig in figures:
            assert fig["labels"], f"{lang}/{slug} {fig['id']}: a figure without any text label"
            for label in fig["labels"]:
                if label["px"] < MIN_PX - 0.05:
                    small.append(f"{lang}/{slug} {fig['id']}: {label['text']!r} at {label['px']:.1f} px")
    assert not small, f"labels under {MIN_PX} px at {width} px wide:\n" + "\n".join(small)


@pytest.mark.parametrize("width", [w for w, _ in VIEWPORTS])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_figures_fit_the_page_and_keep_their_labels_inside(measured, lang, width):
    problems = []
    for slug in CHAPTERS:
        figures, scroll_width = measured[(width, lang, slug)]
        if scroll_width > width:
            problems.append(f"{lang}/{slug}: the page scrolls sideways ({scroll_width} px > {width} px)")
        for fig in figures:
            if fig["left"] < -0.5 or fig["right"] > width + 0.5:
                problems.append(f"{lang}/{slug} {fig['id']}: drawn from {fig['left']:.0f} to {fig['right']:.0f} px")
            vb = fig["vb"]
            for label in fig["labels"]:
                if (label["x"] < vb["x"] - 1 or label["y"] < vb["y"] - 1
                        or label["right"] > vb["x"] + vb["w"] + 1 or label["bottom"] > vb["y"] + vb["h"] + 1):
                    problems.append(f"{lang}/{slug} {fig['id']}: {label['text']!r} is cut off by the viewBox")
    assert not problems, "\n".join(problems)

"""Figures as a reader sees them, in headless Chromium (Debian's), at a phone width and a
desktop width: every label of every inlined SVG figure renders at 12 px or more, stays
inside its figure, and no figure makes the page scroll sideways. A quick check of each
SVG file against the size rule in CONTRIBUTING.md comes first, so a bad file is named."""
from __future__ import annotations

import pathlib
import re
import xml.etree.ElementTree as ET

import pytest

from test_site import CHAPTERS

FIGURES = sorted((pathlib.Path(__file__).resolve().parent.parent / "docs").glob("*/figures/*.svg"))
SVG_NS = "{http://www.w3.org/2000/svg}"
VIEWBOX_WIDTH = 360   # CONTRIBUTING.md, "Figures": 13 units x 343/360 = 12.4 px at 375 px
MIN_UNITS = 13

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


def _font_size(el, inherited: float) -> float:
    m = re.search(r"font-size:\s*([\d.]+)", el.get("style", ""))
    if m:
        return float(m.group(1))
    return float(el.get("font-size", inherited))


@pytest.mark.parametrize("path", FIGURES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_figure_source_follows_the_size_rule(path):
    """The rule in CONTRIBUTING.md, checked on the file itself so a failure names it."""
    rel = path.relative_to(path.parents[3])
    root = ET.parse(path).getroot()
    vb = [float(x) for x in root.get("viewBox", "").split()]
    assert len(vb) == 4 and vb[2] == VIEWBOX_WIDTH, f"{rel}: viewBox must be {VIEWBOX_WIDTH} units wide, is {vb}"
    small = []

    def walk(el, size):
        size = _font_size(el, size)
        if el.tag in (SVG_NS + "text", SVG_NS + "tspan") and (el.text or "").strip() and size < MIN_UNITS:
            small.append(f"{el.text.strip()!r} at {size:g}")
        for child in el:
            walk(child, size)

    walk(root, 16)
    assert not small, f"{rel}: labels under {MIN_UNITS} units: " + ", ".join(small)
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b(?!\))", re.sub(r"url\(#[^)]*\)", "", text)), \
        f"{rel}: hard-coded colour; use currentColor and the --fig-* variables"
    stem = path.stem
    for ident in re.findall(r'\bid="([^"]+)"', text):
        assert ident.startswith(stem), f"{rel}: id {ident!r} must start with {stem!r}"


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

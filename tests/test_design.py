"""The reading design in a real browser (Debian's Chromium): every page of both languages
at 375 px and 1280 px. No page scrolls sideways; every box that scrolls sideways can be
reached with the keyboard and has a name; learning boxes and the quiz are at body size;
Korean text (links included) never breaks inside a word; axe finds no serious or critical
WCAG 2.1 A/AA violation at phone width in either colour scheme (test_accessibility.py
covers 1280 px); the language switcher keeps the section; dark-scheme accents and search
highlights keep their contrast; the glossary filter narrows entries.
"""
from __future__ import annotations

import pytest

from conftest import ROOT, axe_violations
from test_site import SLUGS

PAGES = ["", *[f"{s}/" for s in SLUGS]]
WIDTHS = [375, 1280]

# One pass over the page in the browser; returns a list of problems (empty when fine).
PROBE = r"""() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) problems.push(`page scrolls sideways by ${doc.scrollWidth - doc.clientWidth}px`);
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') +
    ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  // Boxes that scroll sideways: focusable (or holding something focusable) and named.
  for (const el of document.querySelectorAll('.md-content *')) {
    const cs = getComputedStyle(el);
    if (!/(auto|scroll)/.test(cs.overflowX) || el.scrollWidth <= el.clientWidth + 1) continue;
    if (!el.getClientRects().length) continue;
    const focusable = el.tabIndex >= 0 || el.querySelector('a[href], button, input, [tabindex="0"]');
    if (!focusable) problems.push('scroll box not focusable: ' + describe(el));
    const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.title;
    if (!named && el.tabIndex >= 0 && !el.matches('pre > code')) problems.push('scroll box without a name: ' + describe(el));
  }
  // Learning boxes and the quiz at body size.
  const article = document.querySelector('.md-content .md-typeset');
  const body = parseFloat(getComputedStyle(article).fontSize);
  for (const box of article.querySelectorAll('.admonition, details')) {
    for (const el of [box, ...box.querySelectorAll(':scope > p, :scope > .admonition-title, :scope > summary, :scope > ul > li')]) {
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (Math.abs(size - body) > 0.5) { problems.push(`${size}px in a box (body ${body}px): ` + describe(el)); break; }
    }
  }
  for (const cap of article.querySelectorAll('figcaption')) {
    const cs = getComputedStyle(cap);
    if (Math.abs(parseFloat(cs.fontSize) - body) > 0.5) problems.push(`caption at ${cs.fontSize}: ` + describe(cap));
    if (doc.lang === 'ko' && cs.fontStyle !== 'normal') problems.push('Korean caption in ' + cs.fontStyle + ': ' + describe(cap));
  }
  if (doc.lang !== 'ko') return problems;
  // Korean: computed keep-all wherever Hangul is set, and no line break between two
  // Hangul syllables of one word (each run of syllables must sit on one line).
  const walker = document.createTreeWalker(document.querySelector('.md-main'), NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let broken = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('pre, code, math, svg, script, style, [hidden]')) continue;
    if (!/[가-힣]/.test(node.data) || !parent.getClientRects().length) continue;
    const wb = getComputedStyle(parent).wordBreak;
    if (wb !== 'keep-all') { problems.push(`word-break ${wb}: ` + describe(parent)); continue; }
    for (const m of node.data.matchAll(/[가-힣]{2,}/g)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter(r => r.width > 0);
      const tops = new Set(rects.map(r => Math.round(r.bottom)));
      // A run longer than a whole line (a Korean URL) cannot help breaking.
      const line = parent.closest('p, li, dd, td, th, div, h1, h2, h3, h4, figcaption, summary').clientWidth;
      if (rects.reduce((a, r) => a + r.width, 0) > line * 0.9) continue;
      if (tops.size > 1 && broken++ < 10) problems.push('word broken across lines: ' + m[0] + ' in ' + describe(parent));
    }
  }
  return problems;
}"""


@pytest.fixture(scope="module")
def tab(browser, server):
    """One reusable page per width and colour scheme (opening pages is the slow part)."""
    contexts = {}

    def get(width: int, scheme: str = "light"):
        key = (width, scheme)
        if key not in contexts:
            # bypass_csp: axe is injected as an inline script, which the pages' CSP forbids
            ctx = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme,
                                      bypass_csp=True)
            page = ctx.new_page()
            page.problems = []
            page.on("pageerror", lambda e, p=page: p.problems.append(f"page error: {e}"))
            contexts[key] = (ctx, page)
        return contexts[key][1]

    yield get
    for ctx, _ in contexts.values():
        ctx.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_page_reads_well(tab, server, prefix, width):
    page = tab(width)
    found = []
    for slug in PAGES:
        page.goto(server + prefix + slug)
        found += [f"{prefix}{slug} @{width}: {p}" for p in page.evaluate(PROBE)]
    assert not found, "\n".join(found)
    assert not page.problems, page.problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_serious_axe_violations_on_a_phone(tab, server, prefix, scheme):
    page = tab(375, scheme)
    found = []
    for slug in PAGES:
        page.goto(server + prefix + slug)
        found += axe_violations(page, f"{prefix}{slug} [{scheme}, 375 px]")
    assert not found, "\n".join(found)


TABLE_BOXES = """() => [...document.querySelectorAll('.scroll-x')].filter(b => b.querySelector('table')).map(b => ({
    tab: b.tabIndex, label: b.getAttribute('aria-label'), role: b.getAttribute('role'),
    hint: b.nextElementSibling.getClientRects().length > 0, text: b.textContent}))"""


def _box(page, needle):
    return [b for b in page.evaluate(TABLE_BOXES) if needle in b["text"]][0]


def test_wide_table_scrolls_in_a_named_box_only_when_needed(tab, server):
    """rnn-lstm's six-column table scrolls at 375 px in a named, focusable region with a
    visible hint; at 1280 px it fits and is no tab stop."""
    phone, desk = tab(375), tab(1280)
    for prefix, name in (("", "표"), ("en/", "Table")):
        phone.goto(server + prefix + "rnn-lstm/")
        desk.goto(server + prefix + "rnn-lstm/")
        box = _box(phone, "0.000977")
        assert box["tab"] == 0 and box["role"] == "region" and box["hint"], box
        assert box["label"].startswith(name + " (") and len(box["label"]) > 12, box
        box = _box(desk, "0.000977")
        assert box["tab"] == -1 and box["role"] is None and not box["hint"], box


def test_argument_tables_fit_a_phone(tab, server):
    """The token-count table (language-models) and the worked example's vector table
    (transformer) read at 375 px without sideways scrolling; numbers never wrap and use
    tabular figures."""
    page = tab(375)
    for prefix in ("", "en/"):
        page.goto(server + prefix + "language-models/#korean-tokens")
        assert _box(page, "cl100k")["tab"] == -1, f"{prefix}: the token table does not fit 375 px"
        cell = page.evaluate("""() => { const td = [...document.querySelectorAll('td')].find(t => t.textContent.trim() === '17');
            const cs = getComputedStyle(td); return [cs.whiteSpace, cs.fontVariantNumeric]; }""")
        assert cell == ["nowrap", "tabular-nums"], cell
        page.goto(server + prefix + "transformer/#worked-example")
        box = _box(page, "[1, 0, 1, 0]")
        assert box["tab"] == -1 and not box["hint"], f"{prefix}: the vector table does not fit 375 px"
        vector = page.evaluate("""() => { const td = [...document.querySelectorAll('td')].find(t => t.textContent.trim() === '[1, 0, 1, 0]');
            return td.getClientRects().length && td.getBoundingClientRect().height < 2.2 * parseFloat(getComputedStyle(td).lineHeight); }""")
        assert vector, "a vector wraps"


def test_inline_maths_is_not_clipped_and_sits_on_the_baseline(tab, server):
    page = tab(375)
    page.goto(server + "transformer/#worked-example")
    result = page.evaluate("""() => [...document.querySelectorAll('.md-typeset math:not([display=block])')].map(m => {
        const cs = getComputedStyle(m), box = m.closest('.scroll-x');
        return {va: cs.verticalAlign, ox: cs.overflowX,
                clipped: !box && m.scrollWidth > m.clientWidth + 1,
                boxed: !!box, tab: box ? box.tabIndex : null, label: box ? box.getAttribute('aria-label') : null,
                scrolls: !!box && box.scrollWidth > box.clientWidth + 1,
                text: m.textContent}; })""")
    assert result
    for m in result:
        assert m["va"] == "baseline" and m["ox"] == "visible" and not m["clipped"], m
        if m["scrolls"]:
            assert m["tab"] == 0 and m["label"], m
    assert any(m["scrolls"] and "0.860" in m["text"] for m in result), "the long step-4 formula has no scroll box"


def test_copy_button_never_covers_code(tab, server):
    page = tab(375)
    page.goto(server + "chatgpt/")
    page.wait_for_selector(".md-code__button")   # Material adds the copy buttons after load
    overlaps = page.evaluate("""() => [...document.querySelectorAll('pre > code')].filter(c => c.getClientRects().length).map(code => {
        const btn = code.parentElement.querySelector('.md-code__button, .md-clipboard');
        if (!btn) return 'no copy button: ' + code.textContent.slice(0, 40);
        const b = btn.getBoundingClientRect(), r = document.createRange();
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.data.trim()) continue;
          r.selectNodeContents(n);
          for (const t of r.getClientRects()) if (t.right > b.left && t.left < b.right && t.bottom > b.top && t.top < b.bottom)
            return code.textContent.slice(0, 40);
        }
        return null; }).filter(Boolean)""")
    assert not overlaps, overlaps


def test_prompt_examples_wrap(tab, server):
    for prefix in ("", "en/"):
        page = tab(375)
        page.goto(server + prefix + "chatgpt/")
        wide = page.evaluate("""() => [...document.querySelectorAll('.tabbed-block pre > code')]
            .filter(c => c.getClientRects().length && c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.slice(0, 40))""")
        assert not wide, (prefix, wide)


def test_font_stack_applies(tab, server):
    page = tab(1280)
    for prefix in ("", "en/"):
        page.goto(server + prefix + "transformer/")
        family = page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).fontFamily")
        assert family.startswith("-apple-system") and "Noto Sans CJK KR" in family, family
        korean_first = family.index("Apple SD Gothic Neo") < family.index("system-ui")
        assert korean_first == (prefix == ""), family


def test_measure_is_comfortable_at_1280(tab, server):
    page = tab(1280)
    for prefix, low, high in (("", 35, 46), ("en/", 60, 78)):
        page.goto(server + prefix + "transformer/")
        chars = page.evaluate("""() => {
            const p = [...document.querySelectorAll('.md-content__inner > p')].sort((a, b) => b.textContent.length - a.textContent.length)[0];
            const range = document.createRange(), lines = new Map();
            const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode())
              for (let i = 0; i < n.data.length; i++) {
                range.setStart(n, i); range.setEnd(n, i + 1);
                const r = range.getClientRects()[0]; if (!r) continue;
                const k = Math.round(r.bottom); lines.set(k, (lines.get(k) || 0) + 1); }
            const counts = [...lines.values()].sort((a, b) => a - b);
            return counts.slice(0, -1).reduce((a, b) => a + b, 0) / (counts.length - 1); }""")
        assert low <= chars <= high, f"{prefix or 'ko/'}: {chars:.0f} characters a line"


def test_language_switcher_keeps_the_section_and_marks_the_language(tab, server):
    page = tab(1280)
    page.goto(server + "transformer/#self-attention")
    assert page.get_attribute("a.md-select__link[hreflang='ko']", "aria-current") == "true"
    assert page.get_attribute("a.md-select__link[hreflang='en']", "aria-current") is None
    page.locator(".md-header__option .md-select").first.hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_url(server + "en/transformer/#self-attention")
    assert page.get_attribute("a.md-select__link[hreflang='en']", "aria-current") == "true"
    # A section reached after the page loaded is carried too.
    page.evaluate("location.hash = '#multi-head-attention'")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator("a.md-select__link[hreflang='ko']").click()
    page.wait_for_url(server + "transformer/#multi-head-attention")


def _luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b):
    la, lb = sorted([_luminance(a), _luminance(b)])
    return (lb + 0.05) / (la + 0.05)


# Resolve a CSS colour (with alpha) over the page background into opaque RGB.
COLOURS = r"""(sel) => {
  const canvas = document.createElement('canvas'); canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d');
  const bg = getComputedStyle(document.body).backgroundColor;
  const paint = (...colours) => { ctx.clearRect(0, 0, 1, 1); for (const c of colours) { ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1); }
    return [...ctx.getImageData(0, 0, 1, 1).data]; };
  const root = getComputedStyle(document.querySelector('[data-md-color-scheme]'));
  const v = name => root.getPropertyValue(name).trim();
  const mark = [...document.querySelectorAll(sel)].find(m => m.getClientRects().length) || document.querySelector(sel);
  const text = getComputedStyle(document.querySelector('.md-typeset p')).color;
  return {
    bg: paint(bg), accent: paint(bg, v('--md-accent-fg-color')), link: paint(bg, v('--md-typeset-a-color')),
    text: paint(bg, text), light: paint(bg, v('--md-default-fg-color--light')),
    mark: mark ? paint(bg, getComputedStyle(mark).backgroundColor) : null,
    markText: mark ? paint(bg, getComputedStyle(mark).color) : null,
    scheme: document.querySelector('[data-md-color-scheme]').getAttribute('data-md-color-scheme'),
  };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_accent_links_and_search_highlight_contrast(tab, server, scheme):
    page = tab(1280, scheme)
    # ?h= is how Material highlights the searched words on the page a result opens.
    page.goto(server + "transformer/?h=어텐션")
    page.wait_for_selector("mark[data-md-highlight]")
    c = page.evaluate(COLOURS, "mark[data-md-highlight]")
    assert c["scheme"] == ("slate" if scheme == "dark" else "default")
    checks = {
        "link hover/focus (accent)": _contrast(c["accent"], c["bg"]),
        "link": _contrast(c["link"], c["bg"]),
        "body text": _contrast(c["text"], c["bg"]),
        "secondary text": _contrast(c["light"], c["bg"]),
        "highlighted text on its mark": _contrast(c["markText"], c["mark"]),
    }
    low = {k: round(v, 2) for k, v in checks.items() if v < 4.5}
    assert not low, f"{scheme}: {low}"
    # Search results mark matches in the accent colour on the search panel's background.
    page.keyboard.press("/")
    page.keyboard.type("attention")
    page.wait_for_selector(".md-search-result mark >> visible=true", timeout=30000)
    c = page.evaluate(COLOURS, ".md-search-result mark")
    assert _contrast(c["markText"], c["bg"]) >= 4.5, (scheme, c)


GLOSSARY_FIXTURE = """<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>t</title></head>
<body><div class="md-content"><article class="md-typeset">
<p id="glossary-index"><a href="#g1">ㅌ</a> <a href="#g2">A</a></p>
<script type="application/json" id="llmbook-site-strings">{"glossary_filter": {"label": "용어 찾기",
 "hint": "초성도 됩니다.", "count": "{n}개 용어", "none": "맞는 용어가 없습니다."}}</script>
<section data-glossary-group id="g1"><h2>ㅌ</h2>
  <div data-glossary-entry data-names="토큰|token|낱말 조각">토큰</div>
  <div data-glossary-entry data-names="트랜스포머|transformer">트랜스포머</div>
</section>
<section data-glossary-group id="g2"><h2>ㅇ</h2>
  <div data-glossary-entry data-names="어텐션|attention|주의">어텐션</div>
  <div data-glossary-entry data-names="언어 모델|language model|LM">언어 모델</div>
</section></article></div>
<script src="/assets/site.js"></script></body></html>"""


def _visible_entries(page):
    return page.eval_on_selector_all("[data-glossary-entry]:not([hidden])", "els => els.map(e => e.textContent)")


def test_glossary_filter_on_the_markup_contract(tab, server):
    """The filter against the markup contract the glossary page renders (entries with
    data-glossary-entry and data-names, groups with data-glossary-group, #glossary-index)."""
    page = tab(375)
    page.route(server + "glossary-contract/", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=GLOSSARY_FIXTURE))
    page.goto(server + "glossary-contract/")
    box = page.get_by_label("용어 찾기")
    assert box.is_visible()
    box.fill("ㅌㄹ")
    assert _visible_entries(page) == ["트랜스포머"]
    assert page.is_hidden("#g2") and page.is_visible("#g1")
    box.fill("ㅌ")   # anywhere in a name, like the English matches: 어텐션 too
    assert _visible_entries(page) == ["토큰", "트랜스포머", "어텐션"]
    box.fill("ㅌㅋ")
    assert _visible_entries(page) == ["토큰"]
    box.fill("토크")   # mid-composition: the last syllable has no final consonant yet
    assert _visible_entries(page) == ["토큰"]
    box.fill("Atten")
    assert _visible_entries(page) == ["어텐션"]
    box.fill("모델")
    assert _visible_entries(page) == ["언어 모델"]
    assert "1" in page.inner_text("#glossary-filter-status")
    box.fill("zzz")
    assert _visible_entries(page) == []
    assert page.inner_text("#glossary-filter-status")
    box.fill("")
    assert len(_visible_entries(page)) == 4 and page.is_visible("#glossary-index")
    assert not page.problems, page.problems


def test_glossary_filter_on_the_real_page(tab, server, site):
    """The filter is on the index page and narrows by Korean, English and initial consonant;
    the pages of full entries have none."""
    assert "data-glossary-entry" in (site / "glossary" / "index.html").read_text(encoding="utf-8")
    page = tab(375)
    for prefix, queries in (("", ("토큰", "ㅌㅋ", "token")), ("en/", ("token", "토큰", "ㅌㅋ"))):
        page.goto(server + prefix + "glossary/")
        total = len(_visible_entries(page))
        box = page.locator("#glossary-filter-input")
        for query in queries:
            box.fill(query)
            shown = _visible_entries(page)
            assert 0 < len(shown) < total, (prefix, query, len(shown), total)
            assert page.locator("#token").is_visible(), (prefix, query)
            assert page.locator("#attention").is_hidden(), (prefix, query)
        page.goto(server + prefix + "glossary-1/")
        assert not page.locator("#glossary-filter-input").count()


# ---------- Built HTML: chapter numbers, titles and the home page ----------

def _nav_order():
    import yaml

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    out = []
    for item in nav:
        if isinstance(item, dict):
            for pages in item.values():
                out += [p[:-3] for p in pages]
    return out


def _soup(site, rel):
    from bs4 import BeautifulSoup
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def test_chapter_numbers_follow_the_nav_in_titles_headings_and_navigation(site):
    from test_site import CHAPTERS
    order = [slug for slug in _nav_order() if slug in CHAPTERS]
    assert order and len(order) == len(CHAPTERS)
    for lang, prefix, site_name, label in (("ko", "", "LLM 교과서", "{n}장"), ("en", "en/", "The LLM Textbook", "Chapter {n}")):
        home = _soup(site, prefix + "index.html")
        assert home.title.get_text() == site_name, "the home <title> repeats the site name"
        for n, slug in enumerate(order, 1):
            page = _soup(site, f"{prefix}{slug}/index.html")
            title = page.title.get_text()
            assert title.startswith(f"{n}. ") and title.endswith(f" - {site_name}"), (lang, slug, title)
            assert title.count(site_name) == 1, title
            assert page.select_one("h1 .chapter-label").get_text() == label.format(n=n), (lang, slug)
            name = title[len(f"{n}. "):-len(f" - {site_name}")]
            heading = page.h1.get_text(" ", strip=True).rstrip("¶").strip()
            assert heading == f"{label.format(n=n)} {name}", (heading, name)
            nav = [a.get_text(" ", strip=True) for a in home.select(".md-nav--primary a.md-nav__link")]
            assert f"{n}. {name}" in nav, (lang, slug, nav)
        glossary = _soup(site, f"{prefix}glossary/index.html")
        assert not glossary.select("h1 .chapter-label") and not glossary.title.get_text()[0].isdigit()


def test_home_page_says_where_to_start(site):
    for prefix, start, how in (("", "1장부터 읽기", "이 책을 읽는 방법"), ("en/", "Start with chapter 1", "How to read this book")):
        home = _soup(site, prefix + "index.html")
        button = home.select_one("a.md-button--primary")
        assert button.get_text(strip=True) == start and button["href"] == "language-models/", button
        h2 = [h.get_text(" ", strip=True).rstrip("¶ ") for h in home.select(".md-content h2")]
        assert h2[0] == how, h2
        maps = home.select(".chapter-map")
        assert len(maps) == 4, "three parts and the reference pages"
        chapters = [li for m in maps[:3] for li in m.select("li")]
        from conftest import CHAPTERS
        assert [li.select_one("a[href]")["href"].strip("/") for li in chapters] == CHAPTERS
        for li in chapters:
            assert li.select_one(".chapter-no") and li.select_one("a[href]")
            assert li.select_one(".chapter-summary").get_text(strip=True)
            assert any(ch.isdigit() for ch in li.select_one(".reading-time").get_text())
        assert not maps[3].select(".reading-time, .chapter-no")


def test_reading_time_and_numbering_units():
    from llmbook import chapters as cn
    assert cn.numbered([("index", False), ("a", True), ("g", False), ("b", True)]) == {"a": 1, "b": 2}
    prose = "word " * 2000 + "\n```python\n" + "code " * 5000 + "\n```\n"
    assert cn.reading_minutes(prose, "en") == 10
    assert cn.reading_minutes("가나다라 " * 1100, "ko") == 10
    assert cn.reading_minutes("short", "en") == 5
    html = '<h1 id="x">Title<a class="headerlink" href="#x">¶</a></h1><h1>Other</h1>'
    out = cn.heading_html(html, 3, "{n}장")
    assert out.startswith('<h1 id="x"><span class="chapter-label">3장</span> Title') and out.count("chapter-label") == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_buttons_keep_contrast_at_rest_and_on_hover(tab, server, scheme):
    page = tab(1280, scheme)
    page.goto(server + "en/")
    colours = """b => { const cs = getComputedStyle(b), body = getComputedStyle(document.body).backgroundColor;
        const canvas = document.createElement('canvas'); canvas.width = canvas.height = 1; const ctx = canvas.getContext('2d');
        const paint = (...cols) => { ctx.clearRect(0, 0, 1, 1); for (const c of cols) { ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1); }
          return [...ctx.getImageData(0, 0, 1, 1).data]; };
        const bg = paint(body, cs.backgroundColor); return [paint(body, cs.backgroundColor, cs.color), bg]; }"""
    for selector in (".md-content a.md-button--primary", ".md-content a.md-button:not(.md-button--primary)"):
        button = page.locator(selector).first
        page.mouse.move(0, 0)
        page.wait_for_timeout(300)
        fg, bg = button.evaluate(colours)
        assert _contrast(fg, bg) >= 4.5, (scheme, selector, "at rest", fg, bg)
        button.hover()
        page.wait_for_timeout(400)   # Material animates the colours
        fg, bg = button.evaluate(colours)
        assert _contrast(fg, bg) >= 4.5, (scheme, selector, "hovered", fg, bg)

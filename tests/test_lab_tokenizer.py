"""The tokenizer lab and the lab platform, in headless Chromium against the built site:
lazy loading, the stable hooks, exact token ids on the test corpus (the lab's own worker
against the Python and independent JavaScript references), Hangul shown without "�",
keyboard use, the table view, the phone layout, axe, and no Content-Security-Policy
violation on any page or in the lab."""
from __future__ import annotations

import json
import re

import bpe_openai
import pytest

from conftest import AXE, AXE_TAGS as TAGS, ROOT, load_example
from test_site import SLUGS

ENCODINGS = ("r50k_base", "cl100k_base", "o200k_base")
# tokens the lab draws per encoding, from the lab itself
MAX_SHOWN = int(re.search(r"^const MAX_SHOWN = (\d+);", (ROOT / "docs" / "assets" / "labs" / "tokenizer" / "lab.js")
                          .read_text(encoding="utf-8"), re.M).group(1))
DATA = ROOT / "tests" / "data" / "tokenizer"
CORPUS = json.loads((DATA / "corpus.json").read_text(encoding="utf-8"))
R50K = json.loads((DATA / "r50k_base.expected.json").read_text(encoding="utf-8"))
PHONE = {"width": 375, "height": 740}
# Records every CSP violation of a page (installed before any of the page's scripts run).
WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || e.sample} in ${e.sourceFile}:${e.lineNumber}`));
"""


def lab_url(server, lang):
    return server + ("" if lang == "ko" else "en/") + "language-models/"


def start_lab(page, how: str = "click"):
    root = page.locator('[data-lab="tokenizer"]')
    if how == "click":
        root.locator("[data-lab-start]").click()
    else:
        root.locator("[data-lab-start]").focus()
    page.wait_for_selector('[data-lab="tokenizer"][data-lab-updates]', timeout=60000)
    return root


def wait_update(page, before: int):
    page.wait_for_function(
        "n => Number(document.querySelector('[data-lab=tokenizer]').dataset.labUpdates) > n",
        arg=before, timeout=30000)


def updates(page) -> int:
    return int(page.get_attribute('[data-lab="tokenizer"]', "data-lab-updates") or 0)


def counts(page) -> dict[str, int]:
    return {name: int(page.get_attribute(f'[data-lab="tokenizer"] [data-encoding="{name}"] [data-token-count]',
                                         "data-token-count")) for name in ENCODINGS}


def test_corpus_has_every_kind_of_text():
    assert len(CORPUS) >= 100 and len(set(CORPUS)) == len(CORPUS)
    assert any(len(t) == 5000 for t in CORPUS)
    assert "ㅋㅋㅋ" in CORPUS and any(re.fullmatch("[ㄱ-ㅎ]+", t) for t in CORPUS)
    assert any("\u200d" in t for t in CORPUS), "an emoji ZWJ sequence"
    assert any(re.fullmatch(r"\s{2,}", t) for t in CORPUS), "a whitespace run"
    assert len(R50K["ids"]) == len(CORPUS) and R50K["generator"].startswith("js-tiktoken")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_built_page_has_the_lab_root_hidden_with_its_start_control(site, lang):
    from test_site import page_path, soup
    html = soup(site, page_path(lang, "language-models"))
    root = html.select_one('[data-lab="tokenizer"]')
    assert root is not None and root.has_attr("hidden"), "hidden until the loader runs (no-JS fallback: the table)"
    assert root.find_previous("table") is not None, "the static table stays before the lab"
    button = root.select_one("button[data-lab-start]")
    assert button and button.get_text(strip=True)
    assert re.search(r"\d\.\d MB", root.get_text()), "the start control says how much it loads"
    loaders = [s["src"] for s in html.select('script[type="module"][src]')]
    assert loaders == ["../assets/labs/loader.js"] if lang == "ko" else ["../../assets/labs/loader.js"]
    # low priority: a high-priority script counts as render-blocking in Lighthouse's FCP
    assert html.select_one('script[type="module"][src]').get("fetchpriority") == "low"
    strings = json.loads((site / "assets" / "labs" / f"strings.{lang}.json").read_text(encoding="utf-8"))
    assert strings["common"]["start"] == button.get_text(strip=True)


def test_loader_only_on_pages_with_a_lab_and_vendor_code_copied(site):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        has_lab = 'data-lab="' in text
        assert ("assets/labs/loader.js" in text) == has_lab, path
    vendor = site / "assets" / "labs" / "vendor" / "gpt-tokenizer"
    assert (vendor / "GptEncoding.js").is_file() and (vendor / "LICENSE").is_file()
    for name in ENCODINGS:   # the vocabularies come from the lab's own files, written by the build
        assert (site / "assets" / "labs" / "tokenizer" / "vocab" / f"{name}.bin").is_file()
    assert not (vendor / "bpeRanks").exists() and not (vendor / "encoding").exists(), "only what the entries import"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_nothing_of_the_lab_loads_before_the_reader_starts_it(page_factory, server, lang):
    page = page_factory()
    requested = []
    page.on("request", lambda r: "/assets/labs/" in r.url and requested.append(r.url.split("/assets/labs/")[1]))
    page.goto(lab_url(server, lang))
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    assert requested == ["loader.js"], requested
    start_lab(page, how="focus")   # keyboard focus inside the lab starts it too
    assert "tokenizer/lab.js" in requested and "tokenizer/worker.js" in requested
    assert sorted(r for r in requested if r.startswith("tokenizer/vocab/")) == \
        [f"tokenizer/vocab/{name}.bin" for name in sorted(ENCODINGS)]
    assert not page.problems, page.problems


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_counts_and_ratios_match_the_chapter_and_update_as_the_reader_types(page_factory, server, lang):
    page = page_factory()
    page.goto(lab_url(server, lang))
    root = start_lab(page)
    assert root.locator("textarea").count() == 1
    text = root.locator("textarea").input_value()
    tokens = load_example("language_models_tokens")
    assert text.split("\n") == [s for pair in tokens.PAIRS for s in pair], "prefilled with the chapter's pairs"
    expected = {n: len(bpe_openai.get_encoding(n).encode(text)) for n in ("cl100k_base", "o200k_base")}
    got = counts(page)
    assert {n: got[n] for n in expected} == expected
    totals = tokens.totals()
    for name in ("cl100k_base", "o200k_base"):
        ratio = root.locator(f'[data-encoding="{name}"] .lab__ratio').inner_text()
        numbers = re.findall(r"\d+(?:\.\d+)?", ratio.replace(name, ""))
        ko, en = totals[name]["ko"], totals[name]["en"]
        assert numbers[:3] == [str(ko), str(en), f"{ko / en:.1f}"], ratio

    before = updates(page)
    root.locator("textarea").fill("한국어 토큰 hello")
    wait_update(page, before)
    new = "한국어 토큰 hello"
    got = counts(page)
    for name in ("cl100k_base", "o200k_base"):
        assert got[name] == len(bpe_openai.get_encoding(name).encode(new))
    assert 0 < got["o200k_base"] <= got["cl100k_base"] <= got["r50k_base"]
    per_token = root.locator('[data-encoding="cl100k_base"] .lab__stats').inner_text()
    assert f"{len(new) / got['cl100k_base']:.2f}" in per_token
    assert not page.problems, page.problems


RUN_WORKER = """async (texts) => {
  const worker = new Worker(new URL('/assets/labs/tokenizer/worker.js', location.href), {type: 'module'});
  await new Promise(ok => worker.addEventListener('message', e => e.data.ready && ok(), {once: true}));
  const out = [];
  for (let i = 0; i < texts.length; i++) {
    const answer = await new Promise(ok => {
      worker.onmessage = e => ok(e.data);
      worker.postMessage({id: i, text: texts[i], lines: []});
    });
    if (answer.error) throw new Error(answer.error);
    const row = {};
    for (const [name, r] of Object.entries(answer.results)) row[name] = Array.from(r.ids);
    out.push(row);
  }
  worker.terminate();
  return out;
}"""


def run_worker(page, server, texts: list[str]) -> list[dict[str, list[int]]]:
    """Token ids from the lab's own module worker, in the page, for each text."""
    page.goto(lab_url(server, "en"))
    start_lab(page)
    return page.evaluate(RUN_WORKER, texts)


def test_worker_gives_the_reference_ids_for_the_whole_corpus(page_factory, server):
    """The lab's real code path: its module worker, in Chromium, on every corpus string."""
    page = page_factory()
    got = run_worker(page, server, CORPUS)
    assert len(got) == len(CORPUS)
    mismatches = []
    for name in ("cl100k_base", "o200k_base"):
        enc = bpe_openai.get_encoding(name)
        for i, text in enumerate(CORPUS):
            if got[i][name] != enc.encode(text, disallowed_special=()):
                mismatches.append((name, i, text[:40]))
    for i, text in enumerate(CORPUS):
        if got[i]["r50k_base"] != R50K["ids"][i]:
            mismatches.append(("r50k_base", i, text[:40]))
    assert not mismatches, mismatches[:10]
    assert not page.problems, page.problems


def test_partial_syllables_show_as_grouped_bytes_never_as_replacement_chars(page_factory, server):
    page = page_factory()
    page.goto(lab_url(server, "ko"))
    root = start_lab(page)
    before = updates(page)
    root.locator("textarea").fill("언어 모델은 다음 토큰을 예측합니다. 뷁 👨‍👩‍👧")
    wait_update(page, before)
    assert "\ufffd" not in root.inner_text()
    panel = root.locator('[data-encoding="cl100k_base"]')
    parts = panel.locator(".lab__group .lab__chip--part")
    assert parts.count() >= 2
    assert re.fullmatch(r"[0-9A-F]{2}( [0-9A-F]{2})*", parts.first.inner_text()), parts.first.inner_text()
    # the first group is 언 split into <EC 96> <B8>; its caption names the syllable
    first = panel.locator(".lab__group").first
    assert first.locator(".lab__chip").all_inner_texts() == ["EC 96", "B8"]
    assert first.locator(".lab__group-text").inner_text() == "언"
    root.locator("button[aria-pressed]").click()   # the table view names the syllable too
    assert panel.locator("tbody tr").first.locator("td").first.inner_text() == "EC 96 · 「언」의 일부"
    assert "\ufffd" not in root.inner_text()
    assert not page.problems, page.problems


def test_chips_by_keyboard_show_id_and_bytes(page_factory, server):
    page = page_factory()
    page.goto(lab_url(server, "en"))
    root = start_lab(page)
    panel = root.locator('[data-encoding="cl100k_base"]')
    first = panel.locator(".lab__chip").first
    first.focus()
    page.keyboard.press("ArrowRight")
    # the list lives in a shadow root (lab.js): the focused chip is its activeElement
    index = ("() => { const r = document.activeElement.shadowRoot;"
             " return r ? [...r.querySelectorAll('.lab__chip')].indexOf(r.activeElement) : -1; }")
    assert page.evaluate(index) == 1
    detail = panel.locator(".lab__detail").inner_text()
    ids = bpe_openai.get_encoding("cl100k_base").encode(root.locator("textarea").input_value())
    assert f"id {ids[1]}" in detail and re.search(r"bytes ([0-9A-F]{2} ?)+", detail), detail
    assert page.evaluate("document.activeElement.shadowRoot.activeElement.getAttribute('aria-describedby')") == \
        panel.locator(".lab__detail").get_attribute("id")
    # the description is found in the chip's own tree (an id reference cannot cross a shadow root)
    assert page.evaluate("(() => { const c = document.activeElement.shadowRoot.activeElement;"
                         " return !!c.getRootNode().getElementById(c.getAttribute('aria-describedby')); })()")
    page.keyboard.press("End")
    assert page.evaluate(index) == len(ids) - 1
    # one tab stop per token list: Tab leaves the list
    page.keyboard.press("Tab")
    assert page.evaluate("!document.activeElement.classList.contains('lab__chips') || "
                         "document.activeElement.closest('[data-encoding]').dataset.encoding !== 'cl100k_base'")
    assert not page.problems, page.problems


def test_table_view_lists_every_token_with_id_and_bytes(page_factory, server):
    page = page_factory()
    page.goto(lab_url(server, "ko"))
    root = start_lab(page)
    toggle = root.locator("button[aria-pressed]")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    panel = root.locator('[data-encoding="o200k_base"]')
    rows = panel.locator("table tbody tr")
    assert rows.count() == counts(page)["o200k_base"]
    assert panel.locator("table caption").inner_text()
    assert panel.locator("table th[scope=col]").count() == 4
    assert not panel.locator(".lab__chips").is_visible()
    toggle.click()
    assert panel.locator(".lab__chips").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_started_lab_fits_a_phone_and_is_axe_clean(page_factory, server, lang, scheme):
    page = page_factory(**PHONE, color_scheme=scheme, bypass_csp=True)   # axe is injected inline
    page.goto(lab_url(server, lang))
    root = start_lab(page)
    for toggle in (False, True):
        if toggle:
            root.locator("button[aria-pressed]").click()
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"scrolls sideways by {overflow}px at 375px"
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("() => axe.run(document.querySelector('[data-lab=tokenizer]'), "
                               "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
        serious = [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]
                   if v["impact"] in ("serious", "critical")]
        assert not serious, serious
    labels = page.evaluate("""() => [...document.querySelectorAll('[data-lab] textarea, [data-lab] select')]
        .map(e => e.labels.length ? e.labels[0].textContent : '')""")
    assert all(labels), labels
    live = root.locator('[aria-live="polite"]')
    assert live.count() == 1
    page.wait_for_function("() => document.querySelector('[data-lab] [aria-live=polite]').textContent.length > 0")
    assert "cl100k_base" in live.inner_text()
    assert not page.problems, page.problems


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_page_and_no_lab_violates_the_content_security_policy(page_factory, server, site, prefix):
    page = page_factory()
    page.add_init_script(WATCH_CSP)
    found = []
    for slug in ["", *[f"{s}/" for s in SLUGS]]:
        page.goto(server + prefix + slug)
        page.wait_for_load_state("networkidle")
        meta = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert meta.count() == 1, f"{prefix}{slug}: no CSP meta"
        policy = meta.get_attribute("content")
        assert "script-src 'self'" in policy and "'unsafe-eval'" not in policy
        if slug == "language-models/":
            start_lab(page)
            page.locator('[data-lab] [data-encoding="r50k_base"] .lab__chip').first.click()
            page.locator("[data-lab] button[aria-pressed]").click()
        if slug == "":
            page.keyboard.press("/")          # the search worker and its index
            page.keyboard.type("token")
            page.wait_for_selector(".md-search-result__item", timeout=30000)
        found += [f"{prefix}{slug}: {v}" for v in page.evaluate("window.__csp")]
    assert not found, found
    assert not page.problems, page.problems


def test_every_inline_script_of_every_page_is_allowed_by_its_hash(site):
    from llmbook import labs
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', text)
        assert policy, path
        first_script = text.find("<script")
        assert first_script == -1 or text.index("Content-Security-Policy") < first_script, \
            f"{path}: policy after a script"
        for token in labs.inline_script_hashes(text):
            assert token in policy.group(1), (path, token)


def test_the_chapter_says_what_the_lab_shows(page_factory, server):
    """The numbers in the lab's text and quiz, recomputed by the lab's worker."""
    pages = {lang: (ROOT / "docs" / lang / "language-models.md").read_text(encoding="utf-8") for lang in ("ko", "en")}
    tokens = load_example("language_models_tokens")
    korean = "".join(ko for ko, _en in tokens.PAIRS)
    syllables = [ch for ch in korean if "가" <= ch <= "힣"]
    page = page_factory()
    texts = ["ㅋㅋㅋ", "합니다", "했습니다", "언어", *syllables,
             *[ko for ko, _ in tokens.PAIRS], *[en for _, en in tokens.PAIRS]]
    got = dict(zip(texts, run_worker(page, server, texts)))
    counts = {t: {n: len(ids) for n, ids in got[t].items()} for t in texts}
    assert counts["ㅋㅋㅋ"] == {"r50k_base": 2, "cl100k_base": 6, "o200k_base": 2}
    assert counts["합니다"]["cl100k_base"] == 1 and counts["했습니다"]["cl100k_base"] == 3
    assert counts["언어"] == {"r50k_base": 6, "cl100k_base": 3, "o200k_base": 2}
    whole = {n: sum(counts[ch][n] == 1 for ch in syllables) for n in ENCODINGS}
    assert len(syllables) == 58 and whole == {"r50k_base": 0, "cl100k_base": 35, "o200k_base": 57}
    ratio = {n: sum(counts[ko][n] for ko, _ in tokens.PAIRS) / sum(counts[en][n] for _, en in tokens.PAIRS)
             for n in ENCODINGS}
    shown = [f"{ratio[n]:.1f}" for n in ENCODINGS]
    assert shown == ["5.6", "2.7", "1.6"]
    for lang, text in pages.items():
        section = text[text.index("{#tokenizer-lab}"):text.index("{#next-token-distribution}")]
        for needle in ("58", "35", "57", *shown, "ㅋㅋㅋ", "합니다", "했습니다"):
            assert needle in section, (lang, needle)
        quiz = text[text.index("{#quiz}"):]
        assert "`EC 96`, `B8`" in quiz and "EC 96 B8" in quiz, lang


def test_chips_after_edits_equal_a_fresh_drawing(page_factory, server):
    """Typing replaces only the chips that changed; the result must equal a full redraw."""
    page = page_factory()
    page.goto(lab_url(server, "ko"))
    root = start_lab(page)
    area = root.locator("textarea")
    area.focus()
    for key, text in (("Control+Home", "뷁 "), ("End", " 토큰"), ("Control+End", "\n한국어 ㅋㅋㅋ")):
        page.keyboard.press(key)
        before = updates(page)
        page.keyboard.insert_text(text)
        wait_update(page, before)
    page.keyboard.press("Backspace")
    page.wait_for_timeout(500)

    def drawn():
        return {n: root.locator(f'[data-encoding="{n}"] .lab__chip-list').inner_text() for n in ENCODINGS}

    edited = drawn()
    toggle = root.locator("button[aria-pressed]")
    toggle.click()
    toggle.click()
    assert drawn() == edited
    text = area.input_value()
    for name in ("cl100k_base", "o200k_base"):
        chips = root.locator(f'[data-encoding="{name}"] .lab__chip')
        assert chips.count() == min(MAX_SHOWN, len(bpe_openai.get_encoding(name).encode(text)))
    assert root.locator('.lab__chip[tabindex="0"]').count() == 3, "one tab stop per token list"
    # the lists' shadow roots carry the labs' stylesheet: each chunk is a flex box (a bare
    # span in the list's flex row would compute to "block") and chips keep their colours
    assert root.locator(".lab__chip-list > span").first.evaluate("e => getComputedStyle(e).display") == "flex"
    assert root.locator(".lab__chip.c0").first.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert not page.problems, page.problems

"""The tiny model in the browser, in headless Chromium against the built site.

- Exactness: the labs' worker (docs/assets/labs/tinylm/worker.js + model.js) gives the
  numpy reference's logits (every position) and attention weights within 1e-4 for 24
  prompts in Korean, English and both.
- The next-token lab (language-models) and the attention lab (transformer): lazy
  loading, the stable hooks, numbers equal to the reference, the seed that reproduces
  the chapter's samples, keyboard use, the phone layout, axe and no CSP violation.
"""
from __future__ import annotations

import base64
import math
import sys

import numpy as np
import pytest

from conftest import AXE, AXE_TAGS as TAGS, ROOT, load_example

sys.path.insert(0, str(ROOT / "scripts" / "tinylm"))
import model_np  # noqa: E402

PHONE = {"width": 375, "height": 740}
WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || e.sample} in ${e.sourceFile}:${e.lineNumber}`));
"""
PROMPTS = [
    "언어 모델은 다음 토큰을 ",
    "트랜스포머는 어텐션으로",
    "한국어는 토큰이 더 듭니다.",
    "안녕하세요",
    "가",
    "학습 데이터가 많을수록 모델은 더 많은 것을 배웁니다. 그러나 규모만으로는 설명할 수 없는 것도 있습니다.",
    "사람의 피드백으로 강화 학습을 하면",
    "셀프 어텐션은 쿼리와 키의 점곱으로 가중치를 정합니다",
    "뷁 똠방각하 ㅋㅋㅋ",
    "\n\n모델",
    "컨텍스트 윈도",
    "다음 토큰 예측",
    "A language model ",
    "The transformer uses attention",
    "Korean needs more tokens.",
    "x",
    "Scaling laws relate loss to compute, data and parameters, and the fitted exponents say how fast it falls.",
    "RLHF fine-tunes a model with human preferences",
    "Self-attention compares queries with keys",
    "    spaces   and\ttabs",
    "GPT-2와 GPT-3는 decoder-only 모델입니다.",
    "토큰(token)은 text의 조각입니다",
    "😀 emoji is <unk>",
    "next-token prediction 다음 토큰 예측",
]

GRAB = """
async (prompts) => {
  const worker = new Worker('/assets/labs/tinylm/worker.js', { type: 'module' });
  await new Promise((ok, bad) => {
    worker.onmessage = (e) => e.data.ready && ok();
    worker.onerror = (e) => bad(new Error(e.message));
  });
  const ask = (msg) => new Promise((ok) => { worker.onmessage = (e) => ok(e.data); worker.postMessage(msg); });
  const b64 = (arr) => {
    const bytes = new Uint8Array(Float64Array.from(arr).buffer);
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const out = [];
  for (const ids of prompts) {
    const r = await ask({ id: 1, op: 'forward', ids, allLogits: true, attention: true });
    if (r.error) throw new Error(r.error);
    const last = await ask({ id: 2, op: 'forward', ids });   // the lab's fast path: last position only
    out.push({ logits: b64(r.logits), attention: b64(r.attention.flat().flatMap((h) => Array.from(h))),
               last: b64(last.logits) });
  }
  worker.terminate();
  return out;
}
"""


def f64(b64: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(b64), dtype="<f8")


@pytest.fixture(scope="module")
def model():
    return model_np.TinyLM()


def test_prompts_cover_both_languages_and_full_context(model):
    ko = [p for p in PROMPTS if any("\uac00" <= ch <= "\ud7a3" for ch in p)]
    en = [p for p in PROMPTS if any("a" <= ch.lower() <= "z" for ch in p)]
    assert len(PROMPTS) >= 20 and len(ko) >= 10 and len(en) >= 10
    assert any(len(model.encode(p)) >= model.config["context"] for p in PROMPTS)
    assert any(0 in model.encode(p) for p in PROMPTS), "an unknown character"


def test_browser_forward_matches_the_numpy_reference(page_factory, server, model):
    page = page_factory()
    page.goto(server + "en/")
    ctx = model.config["context"]
    id_lists = [model.encode(p)[-ctx:] for p in PROMPTS]
    got = page.evaluate(GRAB, id_lists)
    worst_logit = worst_att = 0.0
    for ids, g in zip(id_lists, got):
        logits, att = model.forward(ids)
        js_logits = f64(g["logits"]).reshape(logits.shape)
        js_att = f64(g["attention"]).reshape(att.shape)
        worst_logit = max(worst_logit, float(np.abs(js_logits - logits).max()))
        worst_att = max(worst_att, float(np.abs(js_att - att).max()))
        worst_logit = max(worst_logit, float(np.abs(f64(g["last"]) - logits[-1]).max()))
    assert worst_logit < 1e-4 and worst_att < 1e-4, (worst_logit, worst_att)
    assert not page.problems, page.problems


# ------------------------------------------------------------------ the labs on their pages

def url(server, lang, slug):
    return server + ("" if lang == "ko" else "en/") + slug + "/"


def start(page, lab, how="click"):
    root = page.locator(f'[data-lab="{lab}"]')
    if how == "click":
        root.locator("[data-lab-start]").click()
    else:
        root.locator("[data-lab-start]").focus()
    page.wait_for_selector(f'[data-lab="{lab}"][data-lab-updates]', timeout=60000)
    return root


def updates(page, lab) -> int:
    return int(page.get_attribute(f'[data-lab="{lab}"]', "data-lab-updates") or 0)


def wait_update(page, lab, before):
    page.wait_for_function(
        "([lab, n]) => Number(document.querySelector(`[data-lab=${lab}]`).dataset.labUpdates) > n",
        arg=[lab, before], timeout=30000)


def candidates(root):
    return [(c.get_attribute("data-candidate"), float(c.get_attribute("data-prob")))
            for c in root.locator("[data-candidate]").all()]


@pytest.mark.parametrize("lab,slug", [("next-token", "language-models"), ("attention", "transformer")])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_model_loads_only_when_the_reader_starts_the_lab(page_factory, server, lab, slug, lang):
    page = page_factory()
    requested = []
    page.on("request", lambda r: "/assets/labs/" in r.url and requested.append(r.url.split("/assets/labs/")[1]))
    page.goto(url(server, lang, slug))
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(300)
    assert requested == ["loader.js"], requested
    start(page, lab, how="focus" if lang == "en" else "click")
    for needed in (f"{lab}/lab.js", "tinylm/worker.js", "tinylm/model.js", "tinylm/manifest.json", "tinylm/model.bin"):
        assert needed in requested, (needed, requested)
    assert not page.problems, page.problems


def test_next_token_lab_shows_the_reference_distribution_and_reshapes_it(page_factory, server, model):
    page = page_factory()
    page.goto(url(server, "ko", "language-models"))
    root = start(page, "next-token")
    prompt = root.locator('[name="prompt"]')
    n = updates(page, "next-token")
    prompt.fill("트랜스포머는 어텐션으로 ")
    wait_update(page, "next-token", n)
    ref = model_np.softmax(model.next_logits(model.encode("트랜스포머는 어텐션으로 ")))
    shown = candidates(root)
    assert 5 <= len(shown) <= 10
    order = sorted(range(len(ref)), key=lambda j: (-ref[j], j))
    for (tok, p), j in zip(shown, order):
        assert tok == model.vocab[j] and abs(p - ref[j]) < 1e-4, (tok, p, model.vocab[j], ref[j])
    # a lower temperature sharpens the distribution and lowers the entropy
    n = updates(page, "next-token")
    root.locator('[name="temperature"]').fill("0.5")
    wait_update(page, "next-token", n)
    sharp = candidates(root)
    ref_sharp = model_np.softmax(model.next_logits(model.encode("트랜스포머는 어텐션으로 ")), 0.5)
    assert abs(sharp[0][1] - ref_sharp[order[0]]) < 1e-4 and sharp[0][1] > shown[0][1]
    # top-k 3 keeps three candidates that sum to one
    n = updates(page, "next-token")
    root.locator('[name="top_k"]').fill("3")
    wait_update(page, "next-token", n)
    kept = candidates(root)
    assert len(kept) == 3 and abs(sum(p for _, p in kept) - 1) < 1e-5
    assert "bit" in root.inner_text() or "비트" in root.inner_text()
    # greedy appends the most probable token
    n = updates(page, "next-token")
    root.locator('[data-action="greedy"]').click()
    wait_update(page, "next-token", n)
    assert prompt.input_value() == "트랜스포머는 어텐션으로 " + kept[0][0]
    assert not page.problems, page.problems


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_seeded_steps_reproduce_the_chapter_sample(page_factory, server, model, lang):
    ex = load_example("tinylm_model")
    page = page_factory()
    page.goto(url(server, lang, "language-models"))
    root = start(page, "next-token")
    prompt = root.locator('[name="prompt"]')
    n = updates(page, "next-token")
    prompt.fill(ex.PROMPTS[lang])
    wait_update(page, "next-token", n)
    n = updates(page, "next-token")
    root.locator('[name="temperature"]').fill(str(ex.SAMPLE_TEMPERATURE))
    wait_update(page, "next-token", n)
    root.locator('[name="seed"]').fill(str(ex.SAMPLE_SEED))
    for _ in range(ex.SAMPLE_TOKENS):
        n = updates(page, "next-token")
        root.locator('[data-action="step"]').click()
        wait_update(page, "next-token", n)
    assert prompt.input_value() == ex.samples(model)[lang]
    assert not page.problems, page.problems


def test_attention_lab_grid_matches_the_reference_and_shows_the_mask(page_factory, server, model):
    page = page_factory()
    page.goto(url(server, "en", "transformer"))
    root = start(page, "attention")
    text = "언어 모델은 attention을 씁니다"
    n = updates(page, "attention")
    root.locator('[name="prompt"]').fill(text)
    wait_update(page, "attention", n)
    _, att = model.forward(model.encode(text))
    L, H, T, _ = att.shape
    for layer, head in ((0, 0), (L - 1, H - 1), (0, H - 1)):
        root.locator('[name="layer"]').select_option(str(layer))
        root.locator('[name="head"]').select_option(str(head))
        assert root.locator('[name="layer"]').input_value() == str(layer)   # change events redraw at once
        cells = root.locator("[data-from][data-to][data-weight]")
        assert cells.count() == T * T
        got = np.zeros((T, T))
        for c in cells.evaluate_all("cs => cs.map(c => [+c.dataset.from, +c.dataset.to, +c.dataset.weight])"):
            got[int(c[0]), int(c[1])] = c[2]
        assert np.abs(got - att[layer, head]).max() < 1e-4, (layer, head)
        assert np.all(np.triu(got, 1) == 0) and np.allclose(got.sum(1), 1, atol=1e-4)
    assert root.locator("[data-masked]").count() == T * (T - 1) // 2
    # hover/focus a token: the description names where it attends; arrows move the focus
    tok = root.locator(".lab__tok").nth(3)
    tok.focus()
    assert "(3)" in root.locator(".lab__detail").inner_text() or "3" in root.locator(".lab__detail").inner_text()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.dataset.pos") == "4"
    assert root.locator(".lab__line").count() >= 1
    # the table view prints the numbers
    root.locator(".lab__toggle").click()
    first = root.locator('[data-from="0"][data-to="0"]')
    assert first.inner_text().strip() == "100"
    assert not page.problems, page.problems


def axe_problems(page, lab):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "([sel, tags]) => axe.run(document.querySelector(sel), {runOnly: {type: 'tag', values: tags}})",
        [f'[data-lab="{lab}"]', TAGS])
    return [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]
            if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lab,slug", [("next-token", "language-models"), ("attention", "transformer")])
def test_labs_fit_a_phone_and_keep_the_csp(browser, server, lab, slug, scheme):
    ctx = browser.new_context(viewport=PHONE, color_scheme=scheme)
    try:
        page = ctx.new_page()
        page.add_init_script(WATCH_CSP)
        page.goto(url(server, "ko", slug))
        root = start(page, lab)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "no horizontal page scroll"
        if lab == "attention":
            root.locator(".lab__toggle").click()
            root.locator(".lab__tok").nth(2).hover()
        else:
            root.locator('[data-action="step"]').click()
        page.wait_for_timeout(200)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.evaluate("window.__csp") == []
    finally:
        ctx.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lab,slug", [("next-token", "language-models"), ("attention", "transformer")])
def test_started_labs_are_axe_clean(page_factory, server, lab, slug, scheme):
    page = page_factory(**PHONE, color_scheme=scheme, bypass_csp=True)   # axe is injected inline
    page.goto(url(server, "en", slug))
    root = start(page, lab)
    assert not axe_problems(page, lab)
    if lab == "attention":
        root.locator(".lab__toggle").click()   # the table view with numbers
        assert not axe_problems(page, lab)
    assert not page.problems, page.problems

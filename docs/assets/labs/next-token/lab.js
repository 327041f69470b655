// The next-token lab (MIT): the book's tiny model (../tinylm/) predicts the next token of
// the reader's prompt; temperature, top-k and top-p reshape the distribution live; step
// samples a token (seeded), greedy takes the most probable one.
// Stable hooks for tests: root [data-lab="next-token"], [name="prompt"],
// [name="temperature"], each candidate [data-candidate="<token>"][data-prob="<p>"],
// [data-action="step"] (and greedy, run, undo, reset).
import { el, format, liveRegion, loadStrings, uid, workerClient } from "../common.js";
import { entropyBits, filtered, mulberry32, pick, softmax } from "../tinylm/model.js";
import { ensureStyles, visibleToken } from "../tinylm/ui.js";

const SHOWN = 10;

export async function start(root, { base, lang }) {
  const status = root.querySelector(".lab__size");
  const strings = await loadStrings(base, lang);
  const c = strings.common;
  const s = strings["next-token"];
  if (status) status.textContent = c.loading;
  const client = workerClient(new URL("tinylm/worker.js", base));
  await ensureStyles();
  await client.ready;
  const info = await client.request({ op: "info" });
  const vocab = info.vocab;

  // ---- the UI
  const ids = {};
  for (const k of ["prompt", "temperature", "topk", "topp", "seed", "list", "stats"]) ids[k] = uid(`lab-nt-${k}`);
  const prompt = el("textarea", { id: ids.prompt, name: "prompt", class: "lab__input", rows: 2, spellcheck: "false" });
  prompt.value = s.default_prompt;
  const range = (id, name, min, max, step, value) =>
    el("input", { id, name, type: "range", min, max, step, value, class: "lab__range" });
  const temperature = range(ids.temperature, "temperature", "0", "2", "0.05", "1");
  const topP = range(ids.topp, "top_p", "0.05", "1", "0.05", "1");
  const topK = el("input", { id: ids.topk, name: "top_k", type: "number", min: "0", max: String(vocab.length), step: "1", value: "0", class: "lab__input lab__number", inputmode: "numeric" });
  const seed = el("input", { id: ids.seed, name: "seed", type: "number", min: "0", max: "4294967295", step: "1", value: "42", class: "lab__input lab__number", inputmode: "numeric" });
  const tOut = el("output", { for: ids.temperature });
  const pOut = el("output", { for: ids.topp });
  const button = (action, text, extra = "") => el("button", { type: "button", class: `md-button lab__btn${extra}`, "data-action": action, text });
  const stepBtn = button("step", s.step, " lab__btn--main");
  const greedyBtn = button("greedy", s.greedy);
  const runBtn = button("run", s.run);
  const undoBtn = button("undo", s.undo);
  const resetBtn = button("reset", s.reset);
  const stats = el("p", { class: "lab__stats", id: ids.stats });
  const note = el("p", { class: "lab__note" });
  const list = el("ol", { class: "lab__cands", id: ids.list, "aria-label": s.candidates });
  const live = liveRegion(root);
  const field = (id, label, control, out) =>
    el("p", { class: "lab__field" }, el("label", { for: id, text: label }), " ", control, out ? " " : null, out);
  const ui = el("div", { class: "lab__ui" },
    el("p", { class: "lab__field lab__field--block" }, el("label", { for: ids.prompt, text: s.prompt_label }), prompt),
    el("div", { class: "lab__controls" },
      field(ids.temperature, s.temperature, temperature, tOut),
      field(ids.topk, s.top_k, topK),
      field(ids.topp, s.top_p, topP, pOut),
      field(ids.seed, s.seed, seed)),
    el("p", { class: "lab__bar lab__buttons" }, stepBtn, greedyBtn, runBtn, undoBtn, resetBtn),
    stats, list, note,
    el("p", { class: "lab__legend", text: s.legend }));
  const startLine = root.querySelector(".lab__start");
  const hadFocus = startLine && startLine.contains(document.activeElement);
  if (startLine) startLine.replaceWith(ui); else root.append(ui);
  if (hadFocus) prompt.focus();

  // ---- state
  let logits = null;
  let current = { tokens: [], dropped: 0 };
  let rng = mulberry32(Number(seed.value) >>> 0);
  const history = [];
  let seq = 0;

  const settings = () => ({
    t: Number(temperature.value),
    k: Math.max(0, Math.floor(Number(topK.value) || 0)),
    p: Number(topP.value),
  });

  function candidates() {
    const { t, k, p } = settings();
    return filtered(softmax(logits, t), k, p);
  }

  function draw() {
    const { t, k, p } = settings();
    tOut.textContent = t === 0 ? s.greedy_value : t.toFixed(2);
    pOut.textContent = p.toFixed(2);
    if (!logits) {
      list.replaceChildren();
      stats.textContent = s.empty;
      return;
    }
    const cands = candidates();
    const shown = cands.slice(0, SHOWN);
    const items = shown.map(([i, q]) => {
      const tok = vocab[i];
      const pct = `${(100 * q).toFixed(1)}%`;
      return el("li", { class: "lab__cand", "data-candidate": tok, "data-prob": q.toFixed(6) },
        el("span", { class: "lab__cand-token", text: visibleToken(tok) }),
        el("span", { class: "lab__cand-bar", "aria-hidden": "true" },
          el("span", { class: "lab__cand-fill", style: `width: ${(100 * q).toFixed(2)}%` })),
        el("span", { class: "lab__cand-prob", text: pct }));
    });
    list.replaceChildren(...items);
    const rest = cands.length - shown.length;
    const restP = cands.slice(SHOWN).reduce((a, [, q]) => a + q, 0);
    stats.textContent = format(s.stats, {
      entropy: entropyBits(cands).toFixed(2), kept: cands.length, vocab: vocab.length,
      n: current.tokens.length, context: info.config.context,
    });
    note.textContent = [
      rest > 0 ? format(s.rest, { n: rest, p: `${(100 * restP).toFixed(1)}%` }) : "",
      current.dropped > 0 ? format(s.dropped, { n: current.dropped, context: info.config.context }) : "",
      k || p < 1 ? format(s.filtered, { k: k || "–", p: p.toFixed(2) }) : "",
    ].filter(Boolean).join(" ");
    const [top, q] = shown[0];
    live.announce(format(s.announce, { token: visibleToken(vocab[top]), p: `${(100 * q).toFixed(1)}%`, entropy: entropyBits(cands).toFixed(2) }));
    seq += 1;
    root.dataset.labUpdates = String(seq);
  }

  async function predict() {
    const answer = await client.request({ op: "next", text: prompt.value });
    if (!answer) return false;   // superseded by newer input
    logits = answer.logits;
    current = answer;
    root.dataset.labWorkerMs = answer.ms.toFixed(2);
    draw();
    return true;
  }

  function reseed() { rng = mulberry32(Number(seed.value) >>> 0); }

  async function append(chooser) {
    if (!logits) return;
    history.push(prompt.value);
    prompt.value += vocab[chooser(candidates())];
    await predict();
  }
  const sampleOne = (cands) => pick(cands, rng());
  const greedyOne = (cands) => cands[0][0];

  // ---- events
  prompt.addEventListener("input", () => { reseed(); history.length = 0; predict(); });
  for (const control of [temperature, topK, topP]) control.addEventListener("input", draw);
  seed.addEventListener("input", reseed);
  stepBtn.addEventListener("click", () => append(sampleOne));
  greedyBtn.addEventListener("click", () => append(greedyOne));
  runBtn.addEventListener("click", async () => {
    for (let i = 0; i < 10; i++) await append(sampleOne);
  });
  undoBtn.addEventListener("click", () => {
    if (!history.length) return;
    prompt.value = history.pop();
    predict();
  });
  resetBtn.addEventListener("click", () => {
    prompt.value = s.default_prompt;
    history.length = 0;
    reseed();
    predict();
  });
  draw();
  await predict();
}

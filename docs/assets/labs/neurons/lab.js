// The neurons lab (MIT): explain, simulate and score the book's tiny model's MLP neurons and
// its sparse autoencoder's features (data from scripts/neurons/pipeline.py, units.json).
// Stable hooks for tests: root [data-lab="neurons"], [name="unit"], [name="explanation"],
// the score in [data-score] ("" when unscorable), [data-action="auto-explain"].
import { el, format, liveRegion, loadStrings, table, uid } from "../common.js";
import { render, score } from "./rules.js";

const DIGITS = "0123456789a";
const acts = (s) => Array.from(s, (ch) => DIGITS.indexOf(ch));
const visible = (ch) => (ch === " " ? "␣" : ch === "\n" ? "↵" : ch);
const two = (x) => (x === null ? "–" : x.toFixed(2));

export async function start(root, { base, lang }) {
  const status = root.querySelector(".lab__size");
  const strings = await loadStrings(base, lang);
  const c = strings.common;
  const s = strings.neurons;
  if (status) status.textContent = c.loading;
  const [data] = await Promise.all([
    fetch(new URL("neurons/units.json", base)).then((r) => { if (!r.ok) throw new Error(`units.json: HTTP ${r.status}`); return r.json(); }),
    new Promise((resolve) => {
      const href = new URL("neurons/lab.css", base).href;
      if (document.querySelector(`link[href="${href}"]`)) { resolve(); return; }
      const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
      link.addEventListener("load", resolve, { once: true });
      link.addEventListener("error", resolve, { once: true });
      document.head.append(link);
    }),
  ]);
  const W = data.window;
  const excerpt = (w) => data.text.slice(w * W, (w + 1) * W);
  const units = new Map();
  const label = (u) => format(u.id[0] === "n" ? s.neuron_n : s.feature_n, { n: Number(u.id.slice(1)) + 1 });
  for (const u of [...data.neurons, ...data.features]) units.set(u.id, u);
  const sorted = (list) => [...list].sort((a, b) => (b.auto ?? -2) - (a.auto ?? -2) || a.id.localeCompare(b.id, "en"));

  // ---- the UI
  const ids = { unit: uid("lab-nu-unit"), find: uid("lab-nu-find"), expl: uid("lab-nu-expl"), help: uid("lab-nu-help") };
  const find = el("input", { id: ids.find, type: "search", name: "find", class: "lab__input", autocomplete: "off", spellcheck: "false" });
  const select = el("select", { id: ids.unit, name: "unit", class: "lab__select" });
  const autoText = el("p", { class: "lab__auto" });
  const autoBtn = el("button", { type: "button", class: "md-button lab__btn", "data-action": "auto-explain", text: s.auto_button });
  const textarea = el("textarea", { id: ids.expl, name: "explanation", class: "lab__input lab__textarea", rows: "3", spellcheck: "false", "aria-describedby": ids.help });
  const out = el("p", { class: "lab__score" });
  const scoreEl = el("strong", { "data-score": "" });
  const why = el("p", { class: "lab__why" });
  const tableToggle = el("button", { type: "button", class: "md-button lab__btn lab__toggle", "aria-pressed": "false", text: c.table_view });
  const excerpts = el("div", { class: "lab__excerpts" });
  const detail = el("p", { class: "lab__detail", "aria-live": "off", text: "\u00a0" });
  const live = liveRegion(root);
  const ui = el("div", { class: "lab__ui" },
    el("p", { class: "lab__field lab__field--block" }, el("label", { for: ids.find, text: s.find_label }), find),
    el("p", { class: "lab__field lab__field--block" }, el("label", { for: ids.unit, text: s.unit_label }), select),
    autoText,
    el("p", { class: "lab__field lab__field--block" }, el("label", { for: ids.expl, text: s.explanation_label }), textarea),
    el("p", { class: "lab__help", id: ids.help, text: s.help }),
    el("p", { class: "lab__bar" }, autoBtn, tableToggle),
    out, why,
    el("p", { class: "lab__legend", text: s.legend }),
    detail, excerpts);
  out.append(s.your_score, " ", scoreEl);
  const startLine = root.querySelector(".lab__start");
  const hadFocus = startLine && startLine.contains(document.activeElement);
  if (startLine) startLine.replaceWith(ui); else root.append(ui);
  if (hadFocus) find.focus();

  function fillSelect() {
    const q = find.value.trim().toLowerCase();
    const keep = select.value;
    const group = (name, list) => el("optgroup", { label: name }, ...sorted(list)
      .filter((u) => !q || label(u).toLowerCase().includes(q) || u.id.includes(q) || render(u.rules, lang).toLowerCase().includes(q))
      .map((u) => el("option", { value: u.id, text: `${label(u)} · ${two(u.auto)}` })));
    select.replaceChildren(group(s.neurons, data.neurons), group(s.features, data.features));
    if ([...select.options].some((o) => o.value === keep)) select.value = keep;
  }

  let seq = 0;
  const current = () => units.get(select.value);
  const scoring = (u) => u.score.map((w, i) => [excerpt(w), acts(u.as[i])]);

  function strip(text, real, sim, caption) {
    const row = el("p", { class: "lab__ex", role: "group", "aria-label": caption });
    const chars = Array.from(text);
    chars.forEach((ch, i) => {
      const tip = format(s.token_label, { token: visible(ch), real: real[i], sim: sim ? sim[i] : "–" });
      row.append(el("span", { class: `lab__ch${sim && sim[i] > 0 ? " lab__ch--sim" : ""}`, tabindex: "-1", title: tip,
        "aria-label": tip, style: `--a: ${real[i] / 10}; --s: ${sim ? sim[i] / 10 : 0}`, text: visible(ch) }));
    });
    if (row.firstChild) row.firstChild.setAttribute("tabindex", "0");
    return row;
  }

  function draw(result) {
    const u = current();
    const numbers = tableToggle.getAttribute("aria-pressed") === "true";
    const parts = [];
    const sets = [[s.scoring, u.score, u.as, true], [s.explaining, u.explain, u.ae, false]];
    for (const [title, windows, digits, scored] of sets) {
      parts.push(el("h4", { class: "lab__subtitle", text: title }));
      windows.forEach((w, i) => {
        const real = acts(digits[i]);
        const sim = scored ? result.sims[i] : null;
        if (numbers) {
          parts.push(table(format(s.table_caption, { n: i + 1, set: title }), [s.col_char, s.col_real, s.col_sim],
            Array.from(excerpt(w), (ch, j) => [visible(ch), String(real[j]), sim ? String(sim[j]) : "–"])));
        } else parts.push(strip(excerpt(w), real, sim, format(s.excerpt_label, { n: i + 1, set: title })));
      });
    }
    excerpts.replaceChildren(...parts);
  }

  function update(announce = true) {
    const u = current();
    if (!u) return;
    const result = score(textarea.value, scoring(u));
    const value = result.score;
    scoreEl.setAttribute("data-score", value === null ? "" : String(value));
    scoreEl.textContent = value === null ? s.unscorable : value.toFixed(2);
    why.textContent = value === null ? (result.rules.length ? s.constant : s.no_rules) : "";
    draw(result);
    seq += 1;
    root.dataset.labUpdates = String(seq);
    if (announce) live.announce(value === null ? s.unscorable : format(s.announce, { score: value.toFixed(2) }));
  }

  function showUnit() {
    const u = current();
    if (!u) return;
    autoText.textContent = format(s.auto, { explanation: render(u.rules, lang) || s.auto_none, score: two(u.auto) });
    autoText.dataset.autoScore = u.auto === null ? "" : String(u.auto);
    update(false);
  }

  find.addEventListener("input", () => { fillSelect(); showUnit(); });
  select.addEventListener("change", showUnit);
  let timer;
  textarea.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(update, 80); });
  autoBtn.addEventListener("click", () => { textarea.value = render(current().rules, lang); update(); });
  tableToggle.addEventListener("click", () => {
    tableToggle.setAttribute("aria-pressed", String(tableToggle.getAttribute("aria-pressed") !== "true"));
    update(false);
  });
  excerpts.addEventListener("keydown", (ev) => {
    const ch = ev.target.closest && ev.target.closest(".lab__ch");
    if (!ch) return;
    const row = [...ch.parentNode.children];
    const at = row.indexOf(ch);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: row.length - 1 }[ev.key];
    if (to === undefined) return;
    ev.preventDefault();
    const next = row[Math.max(0, Math.min(row.length - 1, to))];
    ch.setAttribute("tabindex", "-1");
    next.setAttribute("tabindex", "0");
    next.focus();
  });
  const showValue = (ev) => {
    const ch = ev.target.closest && ev.target.closest(".lab__ch");
    if (ch) detail.textContent = ch.getAttribute("aria-label");
  };
  excerpts.addEventListener("focusin", showValue);
  excerpts.addEventListener("mouseover", showValue);
  fillSelect();
  select.selectedIndex = 0;
  showUnit();
}

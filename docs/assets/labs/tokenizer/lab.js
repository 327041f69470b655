// The tokenizer lab (MIT): three real vocabularies split the reader's text side by side.
// Tokenizing runs in ./worker.js; this module builds the UI and draws the tokens.
// Stable hooks for tests: root [data-lab="tokenizer"], its <textarea>, and per encoding
// [data-encoding="<name>"] holding [data-token-count="<count>"].
import { el, format, liveRegion, loadStrings, table, uid, workerClient } from "../common.js";

export const ENCODINGS = [
  ["r50k_base", "GPT-2, GPT-3"],
  ["cl100k_base", "GPT-3.5, GPT-4"],
  ["o200k_base", "GPT-4o"],
];
// The chapter's sentence pairs (scripts/examples/language_models_tokens.py, PAIRS).
const PAIRS = [
  ["오늘은 날씨가 정말 좋습니다.", "The weather is really nice today."],
  ["언어 모델은 다음 토큰을 예측합니다.", "A language model predicts the next token."],
  ["어제 도서관에서 책을 두 권 빌렸습니다.", "Yesterday I borrowed two books from the library."],
  ["저녁으로 우리는 피자를 시켰습니다.", "For dinner we ordered pizza."],
];
const EXAMPLES = {
  pairs: PAIRS.flat().join("\n"),
  jamo: "ㅋㅋㅋ ㅎㅎ ㅠㅠ\nㄱㄴㄷㄹㅁ ㅏㅑㅓㅕ\n뷁 똠방각하 했습니다",
  emoji: "좋아요👍 👨‍👩‍👧‍👦 🇰🇷\n2024년 3월 15일, 1,000,000원\nI paid $3.50 🙂",
  code: "def 합계(숫자들):\n    return sum(숫자들)  # 더하기\n\nprint(합계([1, 2, 3]))",
};
const MAX_SHOWN = 256;   // tokens drawn per encoding (counts cover all; the longest example has 204): keeps a redraw cheap on phones
const PAGE_SLOTS = 160;  // see drawChips
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;
const LATIN = /[A-Za-z]/;
const utf8 = new TextEncoder();
const strict = new TextDecoder("utf-8", { fatal: true });

/** A small string hash (FNV-1a), for content-defined page boundaries. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");
const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** Text with invisible characters made visible: ␣ space, ↵ line break, ⇥ tab, <U+200D> … */
export function visible(text) {
  return text.replace(/ /g, "␣").replace(/\r?\n/g, "↵").replace(/\t/g, "⇥")
    .replace(/[\p{Cc}\p{Cf}\p{Zs}\u{FE00}-\u{FE0F}\u3164\u115f\u1160]/gu,
      (c) => (c === "␣" ? c : `<U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}>`));
}

/** Token i's UTF-8 bytes (the worker sends one buffer and the end offset of each token). */
export function piece(result, i) {
  return result.bytes.subarray(i ? result.ends[i - 1] : 0, result.ends[i]);
}

/** Group the first `limit` tokens (and those completing their last character) so that
 *  each group starts and ends on a character boundary: a token followed by a UTF-8
 *  continuation byte (10xxxxxx) shares a character with the next token.
 *  Returns [{start, end}] over token indexes (end exclusive). */
export function groupTokens(result, limit = Infinity) {
  const groups = [];
  const n = result.ids.length;
  let start = 0;
  for (let i = 0; i < n && start < limit; i++) {
    if (i + 1 < n && (result.bytes[result.ends[i]] & 0xc0) === 0x80) continue;
    groups.push({ start, end: i + 1 });
    start = i + 1;
  }
  return groups;
}

/** The characters a group of tokens spells (null if its bytes are not valid UTF-8). */
export function groupText(result, g) {
  try {
    return strict.decode(result.bytes.subarray(g.start ? result.ends[g.start - 1] : 0, result.ends[g.end - 1]));
  } catch {
    return null;
  }
}

/** The labs' stylesheet (loaded by loader.js) as a constructed sheet for shadow roots. */
function shadowSheet(base) {
  const href = new URL("labs.css", base).href;
  const source = [...document.styleSheets].find((sheet) => sheet.href === href);
  if (!source) throw new Error(`${href} is not loaded`);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync([...source.cssRules].map((rule) => rule.cssText).join("\n"));
  return sheet;
}

function tokenLabel(bytes, whole) {
  if (whole) {
    try { return visible(strict.decode(bytes)); } catch { /* not UTF-8 on its own */ }
  }
  return hex(bytes);
}

export async function start(root, { base, lang }) {
  const status = root.querySelector(".lab__size");
  const strings = await loadStrings(base, lang);
  const c = strings.common;
  const s = strings.tokenizer;
  if (status) status.textContent = c.loading;
  const client = workerClient(new URL("tokenizer/worker.js", base));
  await client.ready;

  // ---- the UI
  const inputId = uid("lab-input");
  const exampleId = uid("lab-example");
  const textarea = el("textarea", { id: inputId, class: "lab__input", rows: 8, spellcheck: "false" });
  textarea.value = EXAMPLES.pairs;
  const example = el("select", { id: exampleId, class: "lab__select" },
    ...Object.keys(EXAMPLES).map((key) => el("option", { value: key, text: s[`example_${key}`] })));
  const tableToggle = el("button", { type: "button", class: "lab__button", "aria-pressed": "false", text: c.table_view });
  const summary = el("p", { class: "lab__summary" });
  const panels = {};
  const sheet = shadowSheet(base);
  const grid = el("div", { class: "lab__grid" });
  for (const [name, models] of ENCODINGS) {
    const titleId = uid("lab-enc");
    const detailId = uid("lab-detail");
    const count = el("strong", { "data-token-count": "0", text: "0" });
    const perToken = el("span", {});
    // The token list and the detail of the chosen token live in a shadow root, styled by
    // the labs' own rules only: inserting chips in the page makes the browser restyle the
    // whole list for the page's sibling rules (Material's `.md-typeset table:not([class]) + *`).
    const host = el("div", { class: "lab__chips" });
    const shadow = host.attachShadow({ mode: "open" });
    shadow.adoptedStyleSheets = [sheet];
    const list = el("div", { class: "lab__chip-list", role: "group", "aria-label": format(s.tokens_of, { encoding: name }) });
    const detailText = el("p", { class: "lab__detail", id: detailId, text: s.detail_hint });
    shadow.append(list, detailText);
    const section = el("section", { class: "lab__enc", "data-encoding": name, "aria-labelledby": titleId },
      el("p", { class: "lab__enc-name", id: titleId }, el("code", { text: name }), " ",
        el("span", { class: "lab__models", text: format(s.models, { models }) })),
      el("p", { class: "lab__stats" }, count, ` ${s.tokens} · `, perToken, ` ${s.chars_per_token}`),
      el("p", { class: "lab__ratio" }),
      el("p", { class: "lab__note", hidden: true }),
      host,
      el("div", { class: "lab__table-wrap", hidden: true, tabindex: "0", role: "region", "aria-label": format(s.tokens_of, { encoding: name }) }));
    panels[name] = { section, count, perToken, detailId, host, shadow, list, detailText, result: null, groups: [] };
    grid.append(section);
  }
  const live = liveRegion(root);
  const ui = el("div", { class: "lab__ui" },
    el("p", { class: "lab__field" }, el("label", { for: exampleId, text: s.example_label }), " ", example),
    el("p", { class: "lab__field lab__field--block" }, el("label", { for: inputId, text: s.input_label }), textarea),
    el("p", { class: "lab__bar" }, summary, tableToggle),
    el("p", { class: "lab__legend", text: s.legend }),
    grid);
  const startLine = root.querySelector(".lab__start");
  const hadFocus = startLine && startLine.contains(document.activeElement);
  if (startLine) startLine.replaceWith(ui); else root.append(ui);
  if (hadFocus) textarea.focus();

  // ---- drawing
  function drawChips(panel) {
    const { result, groups } = panel;
    const box = panel.list;
    const shown = Math.min(result.ids.length, MAX_SHOWN);
    // One unit per group: a lone chip, or a frame of byte-piece chips and its character,
    // keyed by its token ids.
    const units = [];
    for (const g of groups) {
      if (g.start >= shown) break;
      const end = Math.min(g.end, shown);
      const part = g.end - g.start > 1;
      units.push({ g, end, part, key: `${part ? "p" : ""}${result.ids.subarray(g.start, end).join(",")}` });
    }
    const html = ({ g, end, part }) => {
      let chips = "";
      for (let i = g.start; i < end; i++) {
        // colour by id, so that a chip keeps its colour when tokens before it change
        chips += `<button type="button" class="lab__chip c${result.ids[i] % 4}${part ? " lab__chip--part" : ""}" tabindex="-1">${escapeHtml(tokenLabel(piece(result, i), !part))}</button>`;
      }
      return part
        ? `<span class="lab__group">${chips}<span class="lab__group-text" aria-hidden="true">${escapeHtml(visible(groupText(result, g) ?? "?"))}</span></span>`
        : chips;
    };
    // Units go into small chunks, each starting at a unit that begins with a space (where
    // GPT tokens start words) and ending at a line break, which gets its own zero-height
    // full-width item so the chips follow the text's lines.
    const items = [];
    let current = [];
    const flush = () => {
      if (current.length) items.push({ key: current.map((u) => u.key).join("|"), units: current });
      current = [];
    };
    for (const unit of units) {
      const first = result.bytes[unit.g.start ? result.ends[unit.g.start - 1] : 0];
      if (first === 0x20) flush();
      current.push(unit);
      const lastByte = result.bytes[result.ends[unit.end - 1] - 1];
      if (lastByte === 0x0a) { flush(); items.push({ key: "\n", units: null }); }
    }
    flush();
    const keys = items.map((item) => item.key);
    const NEAR = 8;
    const oldNodes = [...box.children];
    const oldKeys = panel.units || [];
    const reuse = [];
    let last = -1;
    for (const item of items) {
      let found = null;
      for (let i = last + 1; i < Math.min(oldKeys.length, last + 2 + NEAR); i++) {
        if (oldKeys[i] === item.key && oldNodes[i]) { found = i; break; }
      }
      reuse.push(found === null ? null : oldNodes[found]);
      if (found !== null) last = found;
    }
    const kept = new Set(reuse.filter(Boolean));
    oldNodes.forEach((node) => { if (!kept.has(node)) node.remove(); });
    let cursor = box.firstElementChild;
    items.forEach((item, j) => {
      if (reuse[j]) { cursor = reuse[j].nextElementSibling; return; }
      const template = document.createElement("template");
      template.innerHTML = item.units ? `<span>${item.units.map(html).join("")}</span>` : "<span data-eol></span>";
      box.insertBefore(template.content, cursor);
    });
    panel.units = keys;
    const chips = box.querySelectorAll(".lab__chip");
    if (chips.length && !box.querySelector('.lab__chip[tabindex="0"]')) chips[0].setAttribute("tabindex", "0");
  }

  function drawTable(panel) {
    const { result, groups } = panel;
    const rows = [];
    for (const g of groups) {
      for (let i = g.start; i < g.end && i < MAX_SHOWN; i++) {
        const whole = g.end - g.start === 1;
        const label = tokenLabel(piece(result, i), whole);
        rows.push([String(i + 1), whole ? label : `${label} · ${format(s.part_of, { text: visible(groupText(result, g) ?? "?") })}`,
          String(result.ids[i]), hex(piece(result, i))]);
      }
    }
    const wrap = panel.section.querySelector(".lab__table-wrap");
    wrap.replaceChildren(table(format(s.tokens_of, { encoding: panel.section.dataset.encoding }),
      [s.col_index, s.col_token, s.col_id, s.col_bytes], rows));
  }

  function draw(panel, force = false) {
    const tableView = tableToggle.getAttribute("aria-pressed") === "true";
    // Typing usually changes only the tokens near the caret: when the shown tokens are
    // the same as last time, leave the drawn chips (and the reader's selection) alone.
    const shown = panel.result.ids.subarray(0, MAX_SHOWN);
    const same = !force && panel.drawn && panel.drawn.view === tableView && panel.drawn.ids.length === shown.length
      && panel.drawn.ids.every((v, i) => v === shown[i]);
    const note = panel.section.querySelector(".lab__note");
    const noNote = panel.result.ids.length <= MAX_SHOWN;
    if (note.hidden !== noNote) {
      note.hidden = noNote;
      note.textContent = noNote ? "" : format(s.shown_first, { shown: MAX_SHOWN });
    }
    if (same) return;
    const viewChanged = !panel.drawn || panel.drawn.view !== tableView;
    panel.drawn = { view: tableView, ids: shown.slice() };
    panel.groups = groupTokens(panel.result, MAX_SHOWN);
    if (panel.detailText.textContent !== s.detail_hint) panel.detailText.textContent = s.detail_hint;
    if (viewChanged) {
      panel.host.hidden = tableView;
      panel.section.querySelector(".lab__table-wrap").hidden = !tableView;
    }
    if (tableView) { panel.units = []; drawTable(panel); } else drawChips(panel);
  }

  function detail(panel, i) {
    const g = panel.groups.find((x) => i >= x.start && i < x.end);
    const parts = g.end - g.start;
    const values = { n: i + 1, id: panel.result.ids[i], bytes: hex(piece(panel.result, i)), text: visible(groupText(panel.result, g) ?? "?"), parts };
    return format(parts > 1 ? s.detail_part : s.detail, values);
  }

  let seq = 0;
  async function update() {
    const t0 = performance.now();
    const text = textarea.value;
    const lines = text.split(/\r?\n/);
    const answer = await client.request({ text, lines });
    if (!answer) return;   // superseded by newer input
    const chars = [...text].length;
    summary.textContent = format(s.summary, { chars, bytes: utf8.encode(text).length });
    const ko = lines.map((l) => HANGUL.test(l));
    const en = lines.map((l, i) => !ko[i] && LATIN.test(l));
    const counts = [];
    for (const [name] of ENCODINGS) {
      const panel = panels[name];
      const result = answer.results[name];
      panel.result = result;
      const n = result.ids.length;
      panel.count.textContent = String(n);
      panel.count.dataset.tokenCount = String(n);
      panel.perToken.textContent = n ? (chars / n).toFixed(2) : "–";
      const koTokens = result.lineCounts.reduce((a, v, i) => a + (ko[i] ? v : 0), 0);
      const enTokens = result.lineCounts.reduce((a, v, i) => a + (en[i] ? v : 0), 0);
      panel.section.querySelector(".lab__ratio").textContent = koTokens && enTokens
        ? format(s.ratio, { ko: koTokens, en: enTokens, ratio: (koTokens / enTokens).toFixed(1) })
        : s.ratio_none;
      draw(panel);
      counts.push(`${name} ${n}`);
    }
    live.announce(format(s.announce, { summary: counts.join(", ") }));
    root.dataset.labWorkerMs = answer.ms.toFixed(1);
    await new Promise(requestAnimationFrame);   // measured up to the next frame: drawn
    root.dataset.labUpdateMs = (performance.now() - t0).toFixed(1);
    seq += 1;
    root.dataset.labUpdates = String(seq);   // for tests and scripts/bench_labs.py
  }

  // ---- events
  textarea.addEventListener("input", update);
  example.addEventListener("change", () => { textarea.value = EXAMPLES[example.value]; update(); });
  tableToggle.addEventListener("click", () => {
    const on = tableToggle.getAttribute("aria-pressed") !== "true";
    tableToggle.setAttribute("aria-pressed", String(on));
    for (const [name] of ENCODINGS) if (panels[name].result) draw(panels[name], true);
  });
  for (const [name] of ENCODINGS) {
    const panel = panels[name];
    const box = panel.list;
    const show = (chip) => {
      box.querySelectorAll('[tabindex="0"]').forEach((b) => b.setAttribute("tabindex", "-1"));
      chip.setAttribute("tabindex", "0");
      chip.setAttribute("aria-describedby", panel.detailId);
      box.querySelectorAll("[aria-current]").forEach((b) => b.removeAttribute("aria-current"));
      chip.setAttribute("aria-current", "true");
      const index = Array.prototype.indexOf.call(box.querySelectorAll(".lab__chip"), chip);
      panel.detailText.textContent = detail(panel, index);
    };
    box.addEventListener("click", (ev) => {
      const chip = ev.target.closest(".lab__chip");
      if (chip) show(chip);
    });
    box.addEventListener("focusin", (ev) => {
      const chip = ev.target.closest(".lab__chip");
      if (chip) show(chip);
    });
    box.addEventListener("keydown", (ev) => {
      const chips = [...box.querySelectorAll(".lab__chip")];
      const at = chips.indexOf(panel.shadow.activeElement);
      if (at < 0) return;
      const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: chips.length - 1 }[ev.key];
      if (to === undefined) return;
      ev.preventDefault();
      chips[Math.max(0, Math.min(chips.length - 1, to))].focus();
    });
  }
  await update();
}

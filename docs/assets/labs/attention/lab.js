// The attention lab (MIT): every layer's and head's attention weights of the book's tiny
// model (../tinylm/) for the reader's prompt, as lines between tokens and as a grid.
// Stable hooks for tests: root [data-lab="attention"], [name="layer"], [name="head"], and
// each grid cell [data-from][data-to][data-weight] (0-based positions; cells above the
// diagonal are the causal mask: data-weight="0" and data-masked).
import { el, format, liveRegion, loadStrings, uid, workerClient } from "../common.js";
import { ensureStyles, visibleToken } from "../tinylm/ui.js";

const SVG = "http://www.w3.org/2000/svg";
const pct = (w) => `${(100 * w).toFixed(1)}%`;

export async function start(root, { base, lang }) {
  const status = root.querySelector(".lab__size");
  const strings = await loadStrings(base, lang);
  const c = strings.common;
  const s = strings.attention;
  if (status) status.textContent = c.loading;
  const client = workerClient(new URL("tinylm/worker.js", base));
  await ensureStyles();
  await client.ready;
  const info = await client.request({ op: "info" });
  const { n_layer: L, n_head: H } = info.config;

  // ---- the UI
  const ids = { prompt: uid("lab-at-prompt"), layer: uid("lab-at-layer"), head: uid("lab-at-head"), detail: uid("lab-at-detail") };
  const prompt = el("input", { id: ids.prompt, name: "prompt", type: "text", class: "lab__input", spellcheck: "false", autocomplete: "off" });
  prompt.value = s.default_prompt;
  const select = (id, name, n, label) => el("select", { id, name, class: "lab__select" },
    ...Array.from({ length: n }, (_, i) => el("option", { value: String(i), text: format(label, { n: i + 1 }) })));
  const layer = select(ids.layer, "layer", L, s.layer_n);
  const head = select(ids.head, "head", H, s.head_n);
  layer.value = String(L - 1);
  const tableToggle = el("button", { type: "button", class: "md-button lab__toggle lab__btn", "aria-pressed": "false", text: c.table_view });
  const strip = el("div", { class: "lab__strip", role: "toolbar", "aria-label": s.tokens_label, "aria-describedby": ids.detail });
  const lines = document.createElementNS(SVG, "svg");
  lines.setAttribute("class", "lab__lines");
  lines.setAttribute("aria-hidden", "true");
  const stripWrap = el("div", { class: "lab__strip-wrap" }, lines, strip);
  const detail = el("p", { class: "lab__detail", id: ids.detail, "aria-live": "off" });
  const gridWrap = el("div", { class: "lab__table-wrap lab__att-wrap", tabindex: "0", role: "region", "aria-label": s.grid_label });
  const live = liveRegion(root);
  const ui = el("div", { class: "lab__ui" },
    el("p", { class: "lab__field lab__field--block" }, el("label", { for: ids.prompt, text: s.prompt_label }), prompt),
    el("p", { class: "lab__bar" },
      el("span", { class: "lab__field" }, el("label", { for: ids.layer, text: s.layer }), " ", layer, " ",
        el("label", { for: ids.head, text: s.head }), " ", head),
      tableToggle),
    el("p", { class: "lab__legend", text: s.legend }),
    stripWrap, detail, gridWrap);
  const startLine = root.querySelector(".lab__start");
  const hadFocus = startLine && startLine.contains(document.activeElement);
  if (startLine) startLine.replaceWith(ui); else root.append(ui);
  if (hadFocus) prompt.focus();

  // ---- state
  let answer = null;
  let selected = -1;
  let seq = 0;
  const weights = () => answer.attention[Number(layer.value)][Number(head.value)];

  function drawStrip() {
    const n = answer.tokens.length;
    strip.replaceChildren(...answer.tokens.map((t, i) => el("button", {
      type: "button", class: "lab__tok", "data-pos": String(i), tabindex: i === Math.max(selected, 0) ? "0" : "-1",
      "aria-label": format(s.token_label, { token: visibleToken(t), pos: i }), text: visibleToken(t),
    })));
    if (selected >= n) selected = n - 1;
  }

  function drawGrid() {
    // One HTML string: thousands of cells, built in one go (createElement per cell is slow).
    const n = answer.tokens.length;
    const a = weights();
    const numbers = tableToggle.getAttribute("aria-pressed") === "true";
    const esc = (t) => t.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]);
    const toks = answer.tokens.map((t) => esc(visibleToken(t)));
    let html = `<table class="lab__att${numbers ? " lab__att--numbers" : ""}"><caption>${esc(format(s.caption,
      { layer: Number(layer.value) + 1, head: Number(head.value) + 1 }))}</caption><thead><tr>`
      + `<th scope="col" class="lab__corner">${esc(s.from_to)}</th>`
      + toks.map((t, j) => `<th scope="col" title="${j}">${t}</th>`).join("") + "</tr></thead><tbody>";
    for (let i = 0; i < n; i++) {
      html += `<tr data-row="${i}"><th scope="row" title="${i}">${toks[i]}</th>`;
      for (let j = 0; j < n; j++) {
        if (j > i) {
          html += `<td class="lab__cell lab__cell--masked" data-from="${i}" data-to="${j}" data-weight="0.000000" data-masked>${numbers ? "·" : ""}</td>`;
          continue;
        }
        const w = a[i * n + j];
        html += `<td class="lab__cell" data-from="${i}" data-to="${j}" data-weight="${w.toFixed(6)}" style="--w: ${w.toFixed(4)}">`
          + (numbers ? (100 * w).toFixed(0) : `<span class="lab__sr">${pct(w)}</span>`) + "</td>";
      }
      html += "</tr>";
    }
    gridWrap.innerHTML = html + "</tbody></table>";
  }

  function focusRow(i) {
    if (!answer || i < 0) return;
    selected = i;
    const n = answer.tokens.length;
    const a = weights();
    const toks = [...strip.children];
    toks.forEach((b, j) => {
      b.setAttribute("tabindex", j === i ? "0" : "-1");
      b.classList.toggle("lab__tok--from", j === i);
      b.style.setProperty("--w", j <= i ? a[i * n + j].toFixed(4) : "0");
      b.classList.toggle("lab__tok--future", j > i);
    });
    for (const tr of gridWrap.querySelectorAll("tr[data-row]")) tr.classList.toggle("lab__row--on", tr.dataset.row === String(i));
    // lines from the token to every earlier token it attends to, thicker for more weight
    // (all positions are read before anything is drawn: one layout, not one per line)
    const box = stripWrap.getBoundingClientRect();
    const centres = toks.map((b) => { const r = b.getBoundingClientRect(); return r.left + r.width / 2 - box.left + stripWrap.scrollLeft; });
    const y = toks[i].getBoundingClientRect().top - box.top;
    const x0 = centres[i];
    const width = strip.scrollWidth;
    const paths = [];
    for (let j = 0; j <= i; j++) {
      const w = a[i * n + j];
      if (w < 0.01) continue;
      const x1 = centres[j];
      const h = Math.min(56, 8 + Math.abs(x0 - x1) / 3);
      const path = document.createElementNS(SVG, "path");
      path.setAttribute("d", `M ${x0} ${y} C ${x0} ${y - h}, ${x1} ${y - h}, ${x1} ${y}`);
      path.setAttribute("stroke-width", (0.5 + 5 * w).toFixed(2));
      path.setAttribute("stroke-opacity", (0.25 + 0.75 * w).toFixed(2));
      path.setAttribute("class", "lab__line");
      path.setAttribute("data-to", String(j));
      paths.push(path);
    }
    lines.setAttribute("width", String(width));
    lines.replaceChildren(...paths);
    const top = [...Array(i + 1).keys()].sort((p, q) => a[i * n + q] - a[i * n + p]).slice(0, 3);
    detail.textContent = format(s.detail, {
      token: visibleToken(answer.tokens[i]), pos: i,
      top: top.map((j) => format(s.detail_item, { token: visibleToken(answer.tokens[j]), pos: j, w: pct(a[i * n + j]) })).join(", "),
    });
  }

  function draw() {
    if (!answer) return;
    drawStrip();
    drawGrid();
    if (answer.tokens.length) focusRow(selected < 0 ? answer.tokens.length - 1 : selected);
    else { detail.textContent = s.empty; lines.replaceChildren(); }
    seq += 1;
    root.dataset.labUpdates = String(seq);
  }

  async function update() {
    const got = await client.request({ op: "attention", text: prompt.value });
    if (!got) return;
    answer = got;
    selected = -1;
    root.dataset.labWorkerMs = got.ms.toFixed(2);
    draw();
    live.announce(format(s.announce, { n: got.tokens.length, layer: Number(layer.value) + 1, head: Number(head.value) + 1 }));
  }

  // ---- events
  let timer;
  prompt.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(update, 60); });
  for (const control of [layer, head]) {
    control.addEventListener("change", () => {
      draw();
      live.announce(format(s.announce, { n: answer.tokens.length, layer: Number(layer.value) + 1, head: Number(head.value) + 1 }));
    });
  }
  tableToggle.addEventListener("click", () => {
    tableToggle.setAttribute("aria-pressed", String(tableToggle.getAttribute("aria-pressed") !== "true"));
    draw();
  });
  const tokAt = (target) => target.closest && target.closest(".lab__tok");
  strip.addEventListener("focusin", (ev) => { const b = tokAt(ev.target); if (b) focusRow(Number(b.dataset.pos)); });
  strip.addEventListener("mouseover", (ev) => { const b = tokAt(ev.target); if (b) focusRow(Number(b.dataset.pos)); });
  strip.addEventListener("click", (ev) => { const b = tokAt(ev.target); if (b) focusRow(Number(b.dataset.pos)); });
  strip.addEventListener("keydown", (ev) => {
    const toks = [...strip.children];
    const at = toks.indexOf(document.activeElement);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: toks.length - 1 }[ev.key];
    if (to === undefined) return;
    ev.preventDefault();
    toks[Math.max(0, Math.min(toks.length - 1, to))].focus();
  });
  gridWrap.addEventListener("mouseover", (ev) => {
    const cell = ev.target.closest && ev.target.closest("[data-from]");
    if (cell) focusRow(Number(cell.dataset.from));
  });
  await update();
}

// Shared helpers for the labs (MIT): UI strings, a polite live region, a worker with
// request/response ids, and a table view. Each lab's module imports what it needs.

/** The labs' UI strings of one language: built from overrides/strings/<lang>.yml. */
export async function loadStrings(base, lang) {
  const response = await fetch(new URL(`strings.${lang === "ko" ? "ko" : "en"}.json`, base));
  if (!response.ok) throw new Error(`strings.${lang}.json: HTTP ${response.status}`);
  return response.json();
}

/** "{name} …" templates: format("{n} tokens", {n: 3}) -> "3 tokens". */
export function format(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));
}

/** Create an element: el("p", {class: "x", text: "hi"}, child, …). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

let counter = 0;
/** A unique id for aria references. */
export function uid(prefix = "lab") {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A polite live region: announce(text) speaks once the reader pauses (debounced). */
export function liveRegion(root, delay = 800) {
  const region = el("p", { class: "lab__sr", role: "status", "aria-live": "polite" });
  root.append(region);
  let timer;
  return {
    node: region,
    announce(text) {
      clearTimeout(timer);
      timer = setTimeout(() => { region.textContent = text; }, delay);
    },
  };
}

/** A module worker with promise-based requests; only the newest answer is delivered. */
export function workerClient(url) {
  const worker = new Worker(url, { type: "module" });
  let next = 0;
  const pending = new Map();
  const ready = new Promise((resolve, reject) => {
    worker.addEventListener("error", (ev) => reject(new Error(ev.message || "worker failed to start")));
    worker.addEventListener("message", ({ data }) => {
      if (data.ready) { resolve(); return; }
      const waiting = pending.get(data.id);
      pending.delete(data.id);
      if (!waiting) return;
      if (data.error) waiting.reject(new Error(data.error));
      else waiting.resolve(data);
    });
  });
  return {
    worker,
    ready,
    request(message) {
      next += 1;
      const id = next;
      for (const [old, waiting] of pending) {   // superseded: the reader typed again
        waiting.resolve(null);
        pending.delete(old);
      }
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...message, id });
      });
    },
  };
}

/** A table: caption, header labels, rows of cells (strings or nodes). */
export function table(caption, headers, rows) {
  const head = el("tr", {}, ...headers.map((h) => el("th", { scope: "col", text: h })));
  const body = rows.map((cells) => el("tr", {}, ...cells.map((c, i) =>
    (i === 0 ? el("th", { scope: "row" }, c) : el("td", {}, c)))));
  return el("table", { class: "lab__table" }, el("caption", { text: caption }),
    el("thead", {}, head), el("tbody", {}, ...body));
}

// The book's tiny language model in the browser (MIT): the same forward pass as
// scripts/tinylm/model_np.py, on the same committed float16 weights (model.bin +
// manifest.json beside this file). No DOM: used by the labs' worker and by tests.

const LN_EPS = 1e-5;
const GELU_C = Math.sqrt(2 / Math.PI);

/** float16 (as uint16) -> number */
function half(h) {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}

/** [(name, shape)] in the order of model.bin (model_np.tensor_layout). */
export function tensorLayout(c) {
  const d = c.d_model, v = c.vocab_size, t = c.context, m = c.d_mlp;
  const out = [["tok_emb", [v, d]], ["pos_emb", [t, d]]];
  for (let i = 0; i < c.n_layer; i++) {
    const p = `h${i}.`;
    out.push([p + "ln1.g", [d]], [p + "ln1.b", [d]], [p + "attn.w", [d, 3 * d]], [p + "attn.b", [3 * d]],
      [p + "proj.w", [d, d]], [p + "proj.b", [d]], [p + "ln2.g", [d]], [p + "ln2.b", [d]],
      [p + "fc.w", [d, m]], [p + "fc.b", [m]], [p + "out.w", [m, d]], [p + "out.b", [d]]);
  }
  out.push(["ln_f.g", [d]], ["ln_f.b", [d]]);
  return out;
}

async function sha256Hex(buffer) {
  if (!globalThis.crypto || !crypto.subtle) return null;   // not a secure context: skip
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Fetch and check the model from the folder at `base` (a URL ending in "/"). */
export async function loadModel(base = new URL("./", import.meta.url)) {
  const res = await fetch(new URL("manifest.json", base));
  if (!res.ok) throw new Error(`manifest.json: HTTP ${res.status}`);
  const manifest = await res.json();
  const bin = await fetch(new URL(manifest.weights.file, base));
  if (!bin.ok) throw new Error(`${manifest.weights.file}: HTTP ${bin.status}`);
  const buffer = await bin.arrayBuffer();
  const digest = await sha256Hex(buffer);
  if (digest && digest !== manifest.weights.sha256) {
    throw new Error(`${manifest.weights.file}: SHA-256 ${digest} does not match manifest.json`);
  }
  return new TinyLM(manifest, buffer);
}

export class TinyLM {
  constructor(manifest, buffer) {
    this.manifest = manifest;
    this.config = manifest.config;
    this.vocab = manifest.vocab;
    this.index = new Map(this.vocab.map((ch, i) => [ch, i]));
    const raw = new Uint16Array(buffer.slice(0));   // little-endian hosts (all browsers we target)
    const table = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) table[h] = half(h);
    this.w = {};
    let offset = 0;
    for (const [name, shape] of tensorLayout(this.config)) {
      const size = shape.reduce((a, b) => a * b, 1);
      const arr = new Float32Array(size);
      for (let i = 0; i < size; i++) arr[i] = table[raw[offset + i]];
      this.w[name] = arr;
      offset += size;
    }
    if (offset !== raw.length) throw new Error(`model.bin: ${raw.length} values, layout needs ${offset}`);
  }

  /** Token ids of text (NFC, one per character; unknown characters are <unk> = 0). */
  encode(text) {
    return Array.from(text.normalize("NFC"), (ch) => this.index.get(ch) ?? 0);
  }

  /**
   * Forward pass over ids (1..context of them).
   * Returns {logits: Float64Array(V) for the last position (or n*V when allLogits),
   * attention: [layer][head] Float64Array(n*n) (row = from, column = to) when wanted}.
   */
  forward(ids, { attention = false, allLogits = false } = {}) {
    const c = this.config, w = this.w;
    const n = ids.length, d = c.d_model, nh = c.n_head, hd = d / nh, m = c.d_mlp, V = c.vocab_size;
    if (n < 1 || n > c.context) throw new Error(`need 1..${c.context} tokens, got ${n}`);
    const x = new Float64Array(n * d);
    for (let t = 0; t < n; t++) {
      const te = ids[t] * d, pe = t * d;
      for (let j = 0; j < d; j++) x[t * d + j] = w.tok_emb[te + j] + w.pos_emb[pe + j];
    }
    const h = new Float64Array(n * d);
    const qkv = new Float64Array(n * 3 * d);
    const y = new Float64Array(n * d);
    const f = new Float64Array(n * m);
    const att = [];
    const scale = 1 / Math.sqrt(hd);
    const row = new Float64Array(n);
    // Without attention weights or all logits, the last layer needs keys and values for
    // every position but the rest only for the last one: rows r0.. of it are computed.
    const fast = !attention && !allLogits;
    for (let l = 0; l < c.n_layer; l++) {
      const p = `h${l}.`;
      const r0 = fast && l === c.n_layer - 1 ? n - 1 : 0;
      layerNorm(x, h, n, d, w[p + "ln1.g"], w[p + "ln1.b"]);
      matmul(h, w[p + "attn.w"], w[p + "attn.b"], qkv, n, d, 3 * d);
      const heads = [];
      y.fill(0);
      for (let hh = 0; hh < nh; hh++) {
        const a = attention ? new Float64Array(n * n) : null;
        const qo = hh * hd, ko = d + hh * hd, vo = 2 * d + hh * hd;
        for (let i = r0; i < n; i++) {
          let max = -Infinity;
          for (let j = 0; j <= i; j++) {
            let s = 0;
            for (let k = 0; k < hd; k++) s += qkv[i * 3 * d + qo + k] * qkv[j * 3 * d + ko + k];
            s *= scale;
            row[j] = s;
            if (s > max) max = s;
          }
          let sum = 0;
          for (let j = 0; j <= i; j++) { row[j] = Math.exp(row[j] - max); sum += row[j]; }
          for (let j = 0; j <= i; j++) {
            const aij = row[j] / sum;
            if (a) a[i * n + j] = aij;
            for (let k = 0; k < hd; k++) y[i * d + qo + k] += aij * qkv[j * 3 * d + vo + k];
          }
        }
        heads.push(a);
      }
      if (attention) att.push(heads);
      matmulAdd(y, w[p + "proj.w"], w[p + "proj.b"], x, n, d, d, r0);
      layerNorm(x, h, n, d, w[p + "ln2.g"], w[p + "ln2.b"], r0);
      matmul(h, w[p + "fc.w"], w[p + "fc.b"], f, n, d, m, r0);
      for (let i = r0 * m; i < n * m; i++) {
        const v = f[i];
        f[i] = 0.5 * v * (1 + Math.tanh(GELU_C * (v + 0.044715 * v * v * v)));
      }
      matmulAdd(f, w[p + "out.w"], w[p + "out.b"], x, n, m, d, r0);
    }
    const first = allLogits ? 0 : n - 1;
    const rows = n - first;
    const hf = new Float64Array(rows * d);
    layerNorm(x.subarray(first * d), hf, rows, d, w["ln_f.g"], w["ln_f.b"]);
    const logits = new Float64Array(rows * V);
    const emb = w.tok_emb;
    for (let t = 0; t < rows; t++) {
      for (let v = 0; v < V; v++) {
        let s = 0;
        const e = v * d, o = t * d;
        for (let j = 0; j < d; j++) s += hf[o + j] * emb[e + j];
        logits[t * V + v] = s;
      }
    }
    return { logits, attention: attention ? att : null };
  }
}

function layerNorm(x, out, n, d, g, b, r0 = 0) {
  for (let t = r0; t < n; t++) {
    const o = t * d;
    let mu = 0;
    for (let j = 0; j < d; j++) mu += x[o + j];
    mu /= d;
    let v = 0;
    for (let j = 0; j < d; j++) { const z = x[o + j] - mu; v += z * z; }
    const inv = 1 / Math.sqrt(v / d + LN_EPS);
    for (let j = 0; j < d; j++) out[o + j] = (x[o + j] - mu) * inv * g[j] + b[j];
  }
}

/** out[n, k] = a[n, d] @ w[d, k] + b (rows r0..n-1) */
function matmul(a, w, b, out, n, d, k, r0 = 0) {
  for (let t = r0; t < n; t++) {
    const o = t * k;
    for (let j = 0; j < k; j++) out[o + j] = b[j];
    for (let i = 0; i < d; i++) {
      const av = a[t * d + i], wo = i * k;
      for (let j = 0; j < k; j++) out[o + j] += av * w[wo + j];
    }
  }
}

/** out[n, k] += a[n, d] @ w[d, k] + b (the residual add; rows r0..n-1) */
function matmulAdd(a, w, b, out, n, d, k, r0 = 0) {
  for (let t = r0; t < n; t++) {
    const o = t * k;
    for (let j = 0; j < k; j++) out[o + j] += b[j];
    for (let i = 0; i < d; i++) {
      const av = a[t * d + i], wo = i * k;
      for (let j = 0; j < k; j++) out[o + j] += av * w[wo + j];
    }
  }
}

/** Probabilities from logits at a temperature (> 0); temperature 0 means greedy (one-hot). */
export function softmax(logits, temperature = 1) {
  const V = logits.length;
  const p = new Float64Array(V);
  if (temperature <= 0) {
    let best = 0;
    for (let i = 1; i < V; i++) if (logits[i] > logits[best]) best = i;
    p[best] = 1;
    return p;
  }
  let max = -Infinity;
  for (let i = 0; i < V; i++) max = Math.max(max, logits[i] / temperature);
  let sum = 0;
  for (let i = 0; i < V; i++) { p[i] = Math.exp(logits[i] / temperature - max); sum += p[i]; }
  for (let i = 0; i < V; i++) p[i] /= sum;
  return p;
}

/** [[id, renormalised probability]] by falling probability, after top-k then top-p
 * (ties: lower id first; topK 0 = no limit; topP 1 = no limit). model_np.filtered. */
export function filtered(probs, topK = 0, topP = 1) {
  let order = Array.from(probs.keys()).sort((a, b) => probs[b] - probs[a] || a - b);
  if (topK) order = order.slice(0, topK);
  if (topP < 1) {
    const kept = [];
    let cum = 0;
    for (const i of order) {
      kept.push(i);
      cum += probs[i];
      if (cum >= topP) break;
    }
    order = kept;
  }
  let total = 0;
  for (const i of order) total += probs[i];
  return order.map((i) => [i, probs[i] / total]);
}

/** Entropy in bits of [[id, p]] or of a probability array. */
export function entropyBits(probs) {
  let h = 0;
  for (const item of probs) {
    const p = Array.isArray(item) ? item[1] : item;
    if (p > 0) h -= p * Math.log2(p);
  }
  return h;
}

/** The seeded generator model_np.Mulberry32 also implements: same seed, same numbers. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1) >>> 0;
    t = (t ^ (t + (Math.imul(t ^ (t >>> 7), t | 61) >>> 0))) >>> 0;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pick from [[id, p]] with a uniform number u in [0, 1): the first whose running sum passes u. */
export function pick(cands, u) {
  let cum = 0;
  for (const [i, p] of cands) {
    cum += p;
    if (u < cum) return i;
  }
  return cands[cands.length - 1][0];
}

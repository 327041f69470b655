// The tokenizer lab's worker: tokenizes text with three real vocabularies off the main
// thread. Messages in: {id, text, lines}. Out: {id, results: {name: {ids, bytes,
// lineCounts}}, ms}, or {id, error}. `bytes` is each token's UTF-8 bytes (Uint8Array).
// Text that looks like a special token (<|endoftext|>) is tokenized as ordinary text,
// as tiktoken's encode_ordinary does.
import r50k from "../vendor/gpt-tokenizer/encoding/r50k_base.js";
import cl100k from "../vendor/gpt-tokenizer/encoding/cl100k_base.js";
import o200k from "../vendor/gpt-tokenizer/encoding/o200k_base.js";

export const ENCODINGS = { r50k_base: r50k, cl100k_base: cl100k, o200k_base: o200k };
const ORDINARY = { disallowedSpecial: new Set() };
const utf8 = new TextEncoder();

function tokenBytes(encoding, id) {
  const value = encoding.bytePairEncodingCoreProcessor.tryDecodeToken(id);
  return typeof value === "string" ? utf8.encode(value) : new Uint8Array(value);
}

export function tokenize(text, lines) {
  const results = {};
  for (const [name, encoding] of Object.entries(ENCODINGS)) {
    const ids = encoding.encode(text, ORDINARY);
    results[name] = {
      ids,
      bytes: ids.map((id) => tokenBytes(encoding, id)),
      lineCounts: (lines || []).map((line) => encoding.encode(line, ORDINARY).length),
    };
  }
  return results;
}

self.onmessage = ({ data }) => {
  const t0 = performance.now();
  try {
    const results = tokenize(data.text, data.lines);
    self.postMessage({ id: data.id, results, ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ id: data.id, error: String(err && err.message || err) });
  }
};
self.postMessage({ ready: true });

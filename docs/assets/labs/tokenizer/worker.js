// The tokenizer lab's worker: tokenizes text with three real vocabularies off the main
// thread. Messages in: {id, text, lines}. Out: {id, results: {name: {ids, bytes, ends,
// lineCounts}}, ms}, or {id, error}. Token i's UTF-8 bytes are bytes[ends[i-1]..ends[i])
// (one transferable buffer per encoding, not thousands of small arrays).
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
    const pieces = ids.map((id) => tokenBytes(encoding, id));
    const ends = new Uint32Array(ids.length);
    let total = 0;
    pieces.forEach((piece, i) => { total += piece.length; ends[i] = total; });
    const bytes = new Uint8Array(total);
    pieces.forEach((piece, i) => bytes.set(piece, i ? ends[i - 1] : 0));
    results[name] = {
      ids: Int32Array.from(ids),
      bytes,
      ends,
      lineCounts: (lines || []).map((line) => encoding.encode(line, ORDINARY).length),
    };
  }
  return results;
}

self.onmessage = ({ data }) => {
  const t0 = performance.now();
  try {
    const results = tokenize(data.text, data.lines);
    const buffers = Object.values(results).flatMap((r) => [r.ids.buffer, r.bytes.buffer, r.ends.buffer]);
    self.postMessage({ id: data.id, results, ms: performance.now() - t0 }, buffers);
  } catch (err) {
    self.postMessage({ id: data.id, error: String(err && err.message || err) });
  }
};
self.postMessage({ ready: true });

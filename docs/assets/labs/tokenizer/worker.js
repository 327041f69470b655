// The tokenizer lab's worker: tokenizes text with three real vocabularies off the main
// thread. Messages in: {id, text, lines}. Out: {id, results: {name: {ids, bytes, ends,
// lineCounts}}, ms}, or {id, error}. Token i's UTF-8 bytes are bytes[ends[i-1]..ends[i])
// (one transferable buffer per encoding, not thousands of small arrays).
// Text that looks like a special token (<|endoftext|>) is tokenized as ordinary text,
// as tiktoken's encode_ordinary does.
// On start it fetches the three vocabularies (vocab/<name>.bin, written by the build from
// gpt-tokenizer's own; format in vocabulary.js), rebuilds each rank array and makes the
// encoding with the package's GptEncoding.getEncodingApi, as the package's encoding
// modules do; then posts {ready: true}. A vocabulary that cannot be fetched or decoded
// is an uncaught error naming the file, which the page's Worker reports as failed start.
import { GptEncoding } from "../vendor/gpt-tokenizer/GptEncoding.js";
import { decodeVocabulary } from "./vocabulary.js";

const NAMES = ["r50k_base", "cl100k_base", "o200k_base"];
export const ENCODINGS = {};
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

async function vocabulary(name) {
  const file = `vocab/${name}.bin`;
  try {
    const response = await fetch(new URL(file, import.meta.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const ranks = await decodeVocabulary(new Uint8Array(await response.arrayBuffer()));
    return GptEncoding.getEncodingApi(name, () => ranks);
  } catch (err) {
    throw new Error(`tokenizer ${file}: ${err && err.message || err}`);
  }
}

const loaded = Promise.all(NAMES.map(vocabulary)).then((encodings) => {
  NAMES.forEach((name, i) => { ENCODINGS[name] = encodings[i]; });
});

self.onmessage = async ({ data }) => {
  await loaded;
  const t0 = performance.now();
  try {
    const results = tokenize(data.text, data.lines);
    const buffers = Object.values(results).flatMap((r) => [r.ids.buffer, r.bytes.buffer, r.ends.buffer]);
    self.postMessage({ id: data.id, results, ms: performance.now() - t0 }, buffers);
  } catch (err) {
    self.postMessage({ id: data.id, error: String(err && err.message || err) });
  }
};
loaded.then(
  () => self.postMessage({ ready: true }),
  // Thrown outside the promise: an uncaught error, reported to the page's Worker object.
  (err) => setTimeout(() => { throw err; }),
);

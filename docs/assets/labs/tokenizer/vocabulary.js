// A tokenizer vocabulary in the lab's compact format, decoded into the rank array that
// gpt-tokenizer's bpeRanks modules export (MIT). Used by the lab's worker and, at build
// time, by scripts/tokenizer_vocab.mjs, which writes the files and checks each one by
// decoding it with this module and comparing it with the package's own array.
//
// Every token of rank r >= 256 is the concatenation of two tokens of lower ranks a and b
// (the last merge of byte-pair encoding), so a vocabulary is 256 single bytes and, for
// each later rank, the pair (a, b). A file is a gzip stream (RFC 1952) of:
//   "TKV1"       4 bytes: the format
//   count        uint32, little-endian: the number of ranks N (more than 256)
//   checksum     uint32, little-endian: FNV-1a of everything after these 12 bytes
//   bytes        256 bytes: the byte of each rank 0..255
//   planes       6 planes of N - 256 bytes, one byte per rank 256..N-1: a's low, middle
//                and high byte, then b's low, middle and high byte
// A server that already removed the gzip encoding leaves the payload itself (it starts
// with "TKV1" instead of 1f 8b); both are accepted.
//
// A token is a string when its bytes are valid UTF-8 that does not start with a byte-order
// mark (EF BB BF, which a decoder would drop), else an array of its byte values: the
// package's own convention, checked against every token at build time.

export const MAGIC = "TKV1";
export const HEADER = 12;
const PLANES = 6;

const utf8 = new TextEncoder();
const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** FNV-1a (32 bit) of bytes[start..]. */
export function checksum(bytes, start = 0) {
  let hash = 0x811c9dc5;
  for (let i = start; i < bytes.length; i++) {
    hash ^= bytes[i];
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The payload of a file: gunzipped when it starts with the gzip magic 1f 8b. */
export async function payloadOf(bytes) {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const gunzip = new DecompressionStream("gzip");
  const writer = gunzip.writable.getWriter();
  writer.write(bytes).catch(() => {});   // the reader below reports the error
  writer.close().catch(() => {});
  const reader = gunzip.readable.getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  } catch (err) {
    throw new Error(`truncated or corrupted gzip stream (${err && err.message || err})`);
  }
}

/** A token as gpt-tokenizer stores it: a string, or an array of bytes (see above). */
export function tokenOf(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return Array.from(bytes);
  try {
    return strict.decode(bytes);
  } catch {
    return Array.from(bytes);
  }
}

function bytesOf(token) {
  return typeof token === "string" ? utf8.encode(token) : token;
}

/** The rank array from a payload (the file without its gzip layer). Throws on any
 * inconsistency: wrong format, wrong length, wrong checksum, a pair that is not earlier. */
export function decodeRanks(payload) {
  if (payload.length < HEADER || String.fromCharCode(...payload.subarray(0, 4)) !== MAGIC) {
    throw new Error(`not a tokenizer vocabulary (expected the format ${MAGIC})`);
  }
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const count = view.getUint32(4, true);
  const n = count - 256;
  const size = HEADER + 256 + PLANES * n;
  if (count <= 256 || payload.length !== size) {
    throw new Error(`${payload.length} bytes for ${count} ranks, expected ${count > 256 ? size : "more than 256 ranks"}: truncated or corrupted`);
  }
  if (checksum(payload, HEADER) !== view.getUint32(8, true)) {
    throw new Error("checksum mismatch: corrupted");
  }
  const ranks = [];
  const seen = new Set();
  for (let i = 0; i < 256; i++) {
    const byte = payload[HEADER + i];
    seen.add(byte);
    ranks.push(byte < 0x80 ? String.fromCharCode(byte) : [byte]);
  }
  if (seen.size !== 256) throw new Error("the 256 single bytes repeat a byte: corrupted");
  const p = HEADER + 256;
  for (let i = 0; i < n; i++) {
    const rank = 256 + i;
    const a = payload[p + i] | payload[p + n + i] << 8 | payload[p + 2 * n + i] << 16;
    const b = payload[p + 3 * n + i] | payload[p + 4 * n + i] << 8 | payload[p + 5 * n + i] << 16;
    if (a >= rank || b >= rank) throw new Error(`rank ${rank} is made of rank ${Math.max(a, b)}, not an earlier one: corrupted`);
    const left = ranks[a];
    const right = ranks[b];
    if (typeof left === "string" && typeof right === "string") {
      ranks.push(left + right);   // valid UTF-8 twice is valid UTF-8; left has no leading BOM
    } else {
      const x = bytesOf(left);
      const y = bytesOf(right);
      const joined = new Uint8Array(x.length + y.length);
      joined.set(x);
      joined.set(y, x.length);
      ranks.push(tokenOf(joined));
    }
  }
  return ranks;
}

/** The rank array from a file's bytes (gzip-compressed or not). */
export async function decodeVocabulary(bytes) {
  return decodeRanks(await payloadOf(bytes));
}

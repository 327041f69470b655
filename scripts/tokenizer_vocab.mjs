// Writes the tokenizer lab's vocabularies in its compact format (described in
// docs/assets/labs/tokenizer/vocabulary.js) from gpt-tokenizer's own bpeRanks modules,
// and checks each file by decoding it with the lab's decoder and comparing the result,
// rank by rank (type and value), with the package's array. Run by the build (the
// llmbook-labs plugin, docs/_data/labs.yml), which caches the output; by hand:
//
//   node scripts/tokenizer_vocab.mjs node_modules/gpt-tokenizer OUT_DIR r50k_base cl100k_base o200k_base
//
// writes OUT_DIR/<encoding>.bin for each encoding. Exits with 1 and a message on any problem.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";

import { HEADER, MAGIC, checksum, decodeVocabulary } from "../docs/assets/labs/tokenizer/vocabulary.js";

const utf8 = new TextEncoder();

function fail(message) {
  console.error(`tokenizer_vocab: ${message}`);
  process.exit(1);
}

/** Each rank's bytes as a latin1 string (one character per byte), for map keys. */
function byteStrings(ranks, where) {
  return ranks.map((token, rank) => {
    if (typeof token === "string") return Buffer.from(utf8.encode(token)).toString("latin1");
    if (Array.isArray(token)) return Buffer.from(token).toString("latin1");
    return fail(`${where}: rank ${rank} is neither a string nor an array of bytes`);
  });
}

/** The ranks (a, b), both below `rank`, whose tokens make token `rank`: byte-pair
 * encoding of its bytes with the ranks below it, stopped when two parts remain. */
function lastMerge(bytes, rank, rankOf) {
  const parts = Array.from(bytes);
  while (parts.length > 2) {
    let best = -1;
    let at = -1;
    for (let i = 0; i + 1 < parts.length; i++) {
      const merged = rankOf.get(parts[i] + parts[i + 1]);
      if (merged !== undefined && merged < rank && (best < 0 || merged < best)) {
        best = merged;
        at = i;
      }
    }
    if (best < 0) break;
    parts.splice(at, 2, parts[at] + parts[at + 1]);
  }
  const [a, b] = parts.map((p) => rankOf.get(p));
  if (parts.length !== 2 || a === undefined || b === undefined || a >= rank || b >= rank) return null;
  return [a, b];
}

export function encode(ranks, where) {
  const count = ranks.length;
  if (Object.keys(ranks).length !== count) fail(`${where}: the rank array has holes`);
  const keys = byteStrings(ranks, where);
  const rankOf = new Map(keys.map((key, rank) => [key, rank]));
  if (rankOf.size !== count) fail(`${where}: two ranks have the same bytes`);
  const n = count - 256;
  const payload = new Uint8Array(HEADER + 256 + 6 * n);
  payload.set(utf8.encode(MAGIC), 0);
  const view = new DataView(payload.buffer);
  view.setUint32(4, count, true);
  for (let rank = 0; rank < 256; rank++) {
    if (keys[rank].length !== 1) fail(`${where}: rank ${rank} is not a single byte`);
    payload[HEADER + rank] = keys[rank].charCodeAt(0);
  }
  const p = HEADER + 256;
  for (let i = 0; i < n; i++) {
    const rank = 256 + i;
    const pair = lastMerge(keys[rank], rank, rankOf);
    if (!pair) fail(`${where}: rank ${rank} is not two earlier tokens joined`);
    const [a, b] = pair;
    for (let k = 0; k < 3; k++) {
      payload[p + k * n + i] = (a >> (8 * k)) & 255;
      payload[p + (3 + k) * n + i] = (b >> (8 * k)) & 255;
    }
  }
  view.setUint32(8, checksum(payload, HEADER), true);
  return zlib.gzipSync(payload, { level: 9 });
}

function describe(token) {
  return token === undefined ? "nothing" : `${Array.isArray(token) ? "array" : typeof token} ${JSON.stringify(token)}`;
}

/** The first difference between the package's array and the decoded one, or null. */
export function difference(expected, got) {
  if (!Array.isArray(got)) return "the decoder returned no array";
  if (got.length !== expected.length) return `${got.length} ranks decoded, the package has ${expected.length}`;
  for (let rank = 0; rank < expected.length; rank++) {
    const want = expected[rank];
    const have = got[rank];
    const same = (rank in got) && (typeof want === "string"
      ? typeof have === "string" && have === want
      : Array.isArray(have) && have.length === want.length && have.every((v, i) => v === want[i]));
    if (!same) return `rank ${rank}: the package has ${describe(want)}, decoded ${describe(have)}`;
  }
  return null;
}

async function main([packageDir, outDir, ...encodings]) {
  if (!packageDir || !outDir || !encodings.length) {
    fail("usage: node scripts/tokenizer_vocab.mjs PACKAGE_DIR OUT_DIR ENCODING...");
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const name of encodings) {
    const source = path.resolve(packageDir, "esm", "bpeRanks", `${name}.js`);
    if (!fs.existsSync(source)) fail(`${source}: missing; run \`npm ci\` in the repository`);
    const ranks = (await import(pathToFileURL(source).href)).default;
    const data = encode(ranks, source);
    const out = path.join(outDir, `${name}.bin`);
    fs.writeFileSync(`${out}.tmp`, data);
    const problem = difference(ranks, await decodeVocabulary(new Uint8Array(fs.readFileSync(`${out}.tmp`))));
    if (problem) fail(`${out}: does not decode to ${source}: ${problem}`);
    fs.renameSync(`${out}.tmp`, out);
    console.log(`${name}: ${ranks.length} ranks, ${data.length} bytes`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err) => fail(err && err.stack || err));
}

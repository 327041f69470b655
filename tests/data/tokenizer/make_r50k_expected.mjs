// Writes r50k_base.expected.json: the r50k_base (GPT-2) token ids of every string in
// corpus.json, computed with js-tiktoken, an implementation independent of the
// gpt-tokenizer package the lab uses (see README.md here). Run once, by hand:
//   mkdir /tmp/jst && (cd /tmp/jst && npm init -y && npm install --save-exact js-tiktoken@1.0.21)
//   node tests/data/tokenizer/make_r50k_expected.mjs /tmp/jst/node_modules/js-tiktoken
import fs from "node:fs";
import path from "node:path";
import url from "node:url";

const here = path.dirname(url.fileURLToPath(import.meta.url));
const pkg = process.argv[2];
if (!pkg) throw new Error("usage: node make_r50k_expected.mjs <path to node_modules/js-tiktoken>");
const version = JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8")).version;
const { Tiktoken } = await import(url.pathToFileURL(path.join(pkg, "dist/lite.js")));
const ranks = (await import(url.pathToFileURL(path.join(pkg, "dist/ranks/r50k_base.js")))).default;
const enc = new Tiktoken(ranks);
const corpus = JSON.parse(fs.readFileSync(path.join(here, "corpus.json"), "utf8"));
// encode(text, allowedSpecial=[], disallowedSpecial=[]): special-token text as ordinary text
const ids = corpus.map((text) => enc.encode(text, [], []));
fs.writeFileSync(path.join(here, "r50k_base.expected.json"), JSON.stringify(
  { generator: `js-tiktoken ${version} (dist/ranks/r50k_base.js)`, encoding: "r50k_base", ids }) + "\n");
console.log(`${ids.length} strings, js-tiktoken ${version}`);

"""The tokenizer lab's vocabulary files (assets/labs/tokenizer/vocab/<encoding>.bin, format in
docs/assets/labs/tokenizer/vocabulary.js, written by scripts/tokenizer_vocab.mjs):

* read back in Python, every rank's bytes equal the package's OpenAI-format vocabulary
  (node_modules/gpt-tokenizer/data/<encoding>.tiktoken), an independent reading of the format;
* the lab's decoder, in Node, gives exactly gpt-tokenizer's own rank arrays (type and value);
* truncated, corrupted or foreign files are rejected with a clear error, by the decoder and
  in the lab (which says so instead of hanging); a file a server already gunzipped works;
* the build step: the cache, and the errors for a missing package, Node or a failed generator.
"""
from __future__ import annotations

import base64
import gzip
import json
import shutil
import struct
import subprocess

import bpe_openai
import pytest

from conftest import ROOT
from llmbook import labs

ENCODINGS = ("r50k_base", "cl100k_base", "o200k_base")
PACKAGE = ROOT / "node_modules" / "gpt-tokenizer"
DECODER = ROOT / "docs" / "assets" / "labs" / "tokenizer" / "vocabulary.js"
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(not NODE, reason="Node.js is not installed")


def vocab_file(site, name: str):
    return site / "assets" / "labs" / "tokenizer" / "vocab" / f"{name}.bin"


def fnv1a(data: bytes) -> int:
    h = 0x811C9DC5
    for byte in data:
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def read_vocabulary(data: bytes) -> list[bytes]:
    """Every rank's bytes, from a file in the lab's format (a second, Python reading)."""
    payload = gzip.decompress(data)
    assert payload[:4] == b"TKV1"
    count, check = struct.unpack_from("<II", payload, 4)
    n = count - 256
    assert len(payload) == 12 + 256 + 6 * n
    assert fnv1a(payload[12:]) == check
    tokens = [bytes([b]) for b in payload[12:268]]
    planes = [payload[268 + k * n: 268 + (k + 1) * n] for k in range(6)]
    for i in range(n):
        a = planes[0][i] | planes[1][i] << 8 | planes[2][i] << 16
        b = planes[3][i] | planes[4][i] << 8 | planes[5][i] << 16
        assert a < 256 + i and b < 256 + i
        tokens.append(tokens[a] + tokens[b])
    return tokens


def tiktoken_ranks(name: str) -> list[bytes]:
    lines = (PACKAGE / "data" / f"{name}.tiktoken").read_text(encoding="ascii").split()
    pairs = sorted((int(rank), base64.b64decode(token)) for token, rank in zip(lines[::2], lines[1::2]))
    assert [rank for rank, _ in pairs] == list(range(len(pairs)))
    return [token for _, token in pairs]


@pytest.mark.parametrize("name", ENCODINGS)
def test_every_rank_equals_the_packages_tiktoken_vocabulary(site, name):
    data = vocab_file(site, name).read_bytes()
    assert data[:2] == b"\x1f\x8b", "served as our own gzip stream"
    assert read_vocabulary(data) == tiktoken_ranks(name)


def node(script: str, *args) -> subprocess.CompletedProcess:
    return subprocess.run([NODE, "--input-type=module", "-e", script, *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


COMPARE = """
import fs from "node:fs";
import { decodeVocabulary } from "%s";
const [site, ...names] = process.argv.slice(1);
const out = {};
for (const name of names) {
  const expected = (await import(`%s/esm/bpeRanks/${name}.js`)).default;
  const got = await decodeVocabulary(new Uint8Array(fs.readFileSync(`${site}/assets/labs/tokenizer/vocab/${name}.bin`)));
  let problem = got.length === expected.length ? null : `length ${got.length} != ${expected.length}`;
  let strings = 0;
  for (let r = 0; !problem && r < expected.length; r++) {
    const want = expected[r], have = got[r];
    if (!(r in got)) problem = `rank ${r} is a hole`;
    else if (typeof want === "string") {
      strings++;
      if (typeof have !== "string" || have !== want) problem = `rank ${r}: ${JSON.stringify(have)} != ${JSON.stringify(want)}`;
    } else if (!Array.isArray(have) || JSON.stringify(have) !== JSON.stringify(want)) {
      problem = `rank ${r}: ${JSON.stringify(have)} != array ${JSON.stringify(want)}`;
    }
  }
  out[name] = { problem, strings, arrays: expected.length - strings };
}
console.log(JSON.stringify(out));
""" % (DECODER.as_uri(), PACKAGE.as_uri())


@needs_node
def test_decoder_gives_exactly_the_packages_rank_arrays(site):
    result = node(COMPARE, site, *ENCODINGS)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert {name: out[name]["problem"] for name in ENCODINGS} == dict.fromkeys(ENCODINGS)
    # both kinds of token occur: bytes that are not UTF-8 (or start with a BOM) stay arrays
    assert all(out[name]["arrays"] > 256 // 2 for name in ENCODINGS), out


REJECT = """
import fs from "node:fs";
import zlib from "node:zlib";
import { decodeVocabulary } from "%s";
const data = new Uint8Array(fs.readFileSync(process.argv[1]));
const plain = new Uint8Array(zlib.gunzipSync(data));
const flip = (bytes, i) => { const copy = Uint8Array.from(bytes); copy[i] ^= 0x55; return copy; };
const set = (bytes, i, value) => { const copy = Uint8Array.from(bytes); copy[i] = value; return copy; };
const cases = {
  "gzip truncated": data.subarray(0, data.length >> 1),
  "gzip corrupted": flip(data, data.length >> 1),
  "gzip trailer cut": data.subarray(0, data.length - 4),
  "payload truncated": plain.subarray(0, plain.length - 1),
  "payload corrupted": flip(plain, plain.length - 10),
  "payload count changed": set(plain, 4, plain[4] ^ 1),
  "not a vocabulary": new TextEncoder().encode("<!doctype html><title>404</title>"),
  "empty": new Uint8Array(0),
};
const out = {};
for (const [label, bytes] of Object.entries(cases)) {
  try { await decodeVocabulary(bytes); out[label] = null; } catch (err) { out[label] = err.message; }
}
out.plain = (await decodeVocabulary(plain)).length;
console.log(JSON.stringify(out));
""" % DECODER.as_uri()


@needs_node
def test_decoder_rejects_truncated_corrupted_and_foreign_files(site):
    result = node(REJECT, vocab_file(site, "r50k_base"))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out.pop("plain") == 50256, "a payload a server already gunzipped is used as it is"
    for label in ("gzip truncated", "gzip corrupted", "gzip trailer cut"):
        assert out[label] and out[label].startswith("truncated or corrupted gzip stream"), (label, out[label])
    assert "truncated or corrupted" in out["payload truncated"]
    assert out["payload corrupted"] == "checksum mismatch: corrupted"
    assert "truncated or corrupted" in out["payload count changed"]
    assert out["not a vocabulary"] == out["empty"] == "not a tokenizer vocabulary (expected the format TKV1)"


# ---------------------------------------------------------------- in the lab

def start(page, server):
    page.goto(server + "en/language-models/")
    page.locator('[data-lab="tokenizer"] [data-lab-start]').click()
    page.wait_for_function("() => ['ready', 'failed'].includes("
                           "document.querySelector('[data-lab=tokenizer]').dataset.labState)", timeout=60000)
    return page.locator('[data-lab="tokenizer"]')


def serve_instead(page, name: str, body: bytes):
    page.route(f"**/assets/labs/tokenizer/vocab/{name}.bin",
               lambda route: route.fulfill(status=200, body=body, content_type="application/octet-stream"))


@pytest.mark.parametrize("damage", ["truncated", "corrupted"])
def test_the_lab_says_when_a_vocabulary_is_damaged(page_factory, server, site, damage):
    data = vocab_file(site, "o200k_base").read_bytes()
    body = data[: len(data) // 2] if damage == "truncated" else \
        data[:5000] + bytes([data[5000] ^ 0xFF]) + data[5001:]
    page = page_factory()
    serve_instead(page, "o200k_base", body)
    root = start(page, server)
    assert root.get_attribute("data-lab-state") == "failed"
    message = root.locator(".lab__size").inner_text()
    assert "vocab/o200k_base.bin" in message and "truncated or corrupted" in message, message
    # in the page's language, without the browser's "Uncaught Error:" prefix, announced
    assert message.startswith("The lab could not load: tokenizer vocab/o200k_base.bin"), message
    assert root.locator(".lab__size").get_attribute("role") == "alert"
    assert root.get_attribute("data-lab-updates") is None


def test_the_lab_works_when_the_server_already_removed_the_gzip(page_factory, server, site):
    page = page_factory()
    for name in ENCODINGS:
        serve_instead(page, name, gzip.decompress(vocab_file(site, name).read_bytes()))
    root = start(page, server)
    assert root.get_attribute("data-lab-state") == "ready"
    page.wait_for_selector('[data-lab="tokenizer"][data-lab-updates]')
    text = root.locator("textarea").input_value()
    for name in ("cl100k_base", "o200k_base"):
        count = root.locator(f'[data-encoding="{name}"] [data-token-count]').get_attribute("data-token-count")
        assert int(count) == len(bpe_openai.get_encoding(name).encode(text))
    assert not page.problems, page.problems


# ---------------------------------------------------------------- the build step

def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GENERATOR = """
import fs from "node:fs";
import { suffix } from "./part.mjs";
const [pkg, out, ...names] = process.argv.slice(2);
fs.appendFileSync(new URL("./runs.txt", import.meta.url), "run\\n");
fs.mkdirSync(out, { recursive: true });
for (const name of names) fs.writeFileSync(`${out}/${name}.bin`, name + suffix);
"""


@pytest.fixture
def project(tmp_path):
    """A project with a pinned fake package and a generator that counts its runs."""
    write(tmp_path / "package.json", json.dumps({"dependencies": {"tok": "1.2.3"}}))
    write(tmp_path / "node_modules" / "tok" / "package.json", json.dumps({"name": "tok", "version": "1.2.3"}))
    write(tmp_path / "gen" / "make.mjs", GENERATOR)
    write(tmp_path / "gen" / "part.mjs", 'export const suffix = "!";\n')
    manifest = write(tmp_path / "labs.yml", """\
demo:
  vocabularies:
    package: tok
    generator: gen/make.mjs
    encodings: [a, b]
    to: assets/labs/demo/vocab
""")
    return tmp_path, labs.load_manifest(str(manifest))


def runs(root) -> int:
    path = root / "gen" / "runs.txt"
    return len(path.read_text().split()) if path.exists() else 0


@needs_node
def test_generated_files_are_cached_by_the_generator_and_what_it_imports(project):
    root, manifest = project
    cache = root / ".cache"
    files = labs.generate_vocabularies(manifest, str(root), str(cache))
    assert [rel for _src, rel in files["demo"]] == ["assets/labs/demo/vocab/a.bin", "assets/labs/demo/vocab/b.bin"]
    assert [open(src).read() for src, _rel in files["demo"]] == ["a!", "b!"]
    assert runs(root) == 1
    assert labs.generate_vocabularies(manifest, str(root), str(cache)) == files
    assert runs(root) == 1, "a cached build runs no Node"
    write(root / "gen" / "part.mjs", 'export const suffix = "?";\n')    # a module the generator imports
    changed = labs.generate_vocabularies(manifest, str(root), str(cache))
    assert runs(root) == 2 and [open(src).read() for src, _rel in changed["demo"]] == ["a?", "b?"]
    assert len(list(cache.iterdir())) == 1, "the older key is removed"
    site = root / "site"
    labs.copy_vendor(changed, str(site))
    assert (site / "assets/labs/demo/vocab/b.bin").read_text() == "b?"


@needs_node
def test_a_failed_generator_names_the_command_to_run(project):
    root, manifest = project
    write(root / "gen" / "part.mjs",
          'export const suffix = "";\nthrow new Error("rank 7 is not two earlier tokens joined");\n')
    with pytest.raises(labs.LabError) as err:
        labs.generate_vocabularies(manifest, str(root), str(root / ".cache"))
    message = str(err.value)
    assert "rank 7 is not two earlier tokens joined" in message
    assert "Run `node gen/make.mjs node_modules/tok OUT_DIR a b`" in message
    assert not list((root / ".cache").glob("*")), "nothing half-written is cached"


def test_a_missing_package_or_node_says_what_to_install(project, monkeypatch):
    root, manifest = project
    shutil.rmtree(root / "node_modules")
    with pytest.raises(labs.LabError, match=r"node_modules/tok: .*not installed.*run `npm ci`"):
        labs.generate_vocabularies(manifest, str(root), str(root / ".cache"))
    write(root / "node_modules" / "tok" / "package.json", json.dumps({"name": "tok", "version": "1.2.3"}))
    monkeypatch.setattr(labs.shutil, "which", lambda _name: None)
    with pytest.raises(labs.LabError, match="`node` is not on PATH"):
        labs.generate_vocabularies(manifest, str(root), str(root / ".cache"))


def test_manifest_vocabularies_need_every_field(tmp_path):
    path = write(tmp_path / "labs.yml", "# vocabularies: explained\nother: {}\n"
                 "demo:\n  vocabularies:\n    package: tok\n    encodings: [a]\n")
    with pytest.raises(labs.LabError, match=r"labs.yml:4: lab 'demo': vocabularies lacks generator, to"):
        labs.load_manifest(str(path))


def test_the_real_manifest_copies_no_bpe_ranks_module():
    manifest = labs.load_manifest(str(ROOT / "docs" / "_data" / "labs.yml"))
    files = labs.vendor_files(manifest, str(ROOT))["tokenizer"]
    assert any(rel.endswith("/GptEncoding.js") for _src, rel in files)
    assert not [rel for _src, rel in files if "/bpeRanks/" in rel or "/encoding/" in rel]
    assert manifest["tokenizer"]["vocabularies"]["encodings"] == list(ENCODINGS)

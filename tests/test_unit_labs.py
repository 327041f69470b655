"""scripts/llmbook/labs.py on its own: the vendor manifest and copy, UI strings, lab placeholders
and the Content-Security-Policy; and the strict build failing on a missing npm package
or string."""
from __future__ import annotations

import base64
import hashlib
import json
import shutil

import pytest

from llmbook import labs
from conftest import ROOT, build


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path):
    """A project with package.json and a fake npm package of three ES modules."""
    write(tmp_path / "package.json", json.dumps({"dependencies": {"tok": "1.2.3"}}))
    pkg = tmp_path / "node_modules" / "tok"
    write(pkg / "package.json", json.dumps({"name": "tok", "version": "1.2.3"}))
    write(pkg / "LICENSE", "MIT")
    write(pkg / "esm" / "enc" / "a.js", 'import x from "../core.js";\nexport { y } from "./b.js";\n')
    write(pkg / "esm" / "enc" / "b.js", 'import "../util/c.js";\nexport const y = 1;\n')
    write(pkg / "esm" / "core.js", "export default 1;\n")
    write(pkg / "esm" / "util" / "c.js", "export {};\n")
    write(pkg / "esm" / "unused.js", "export {};\n")
    manifest = write(tmp_path / "labs.yml", """\
demo:
  vendor:
    - package: tok
      version: 1.2.3
      from: esm
      to: assets/labs/vendor/tok
      entries: [enc/a.js]
      files: [LICENSE]
""")
    return tmp_path, manifest


def test_module_closure_follows_relative_imports_only(project):
    root, _ = project
    assert labs.module_closure(str(root / "node_modules/tok/esm"), ["enc/a.js"]) == [
        "core.js", "enc/a.js", "enc/b.js", "util/c.js"]


def test_vendor_files_and_copy(project, tmp_path):
    root, manifest = project
    files = labs.vendor_files(labs.load_manifest(str(manifest)), str(root))
    dests = sorted(rel for _src, rel in files["demo"])
    assert dests == sorted(f"assets/labs/vendor/tok/{p}" for p in
                           ("core.js", "enc/a.js", "enc/b.js", "util/c.js", "LICENSE"))
    site = tmp_path / "site"
    assert labs.copy_vendor(files, str(site)) == 5
    assert (site / "assets/labs/vendor/tok/util/c.js").is_file()
    assert not (site / "assets/labs/vendor/tok/unused.js").exists()


def test_missing_package_says_to_run_npm_ci(project):
    root, manifest = project
    shutil.rmtree(root / "node_modules")
    with pytest.raises(labs.LabError, match=r"node_modules/tok: .*not installed.*run `npm ci`"):
        labs.vendor_files(labs.load_manifest(str(manifest)), str(root))


def test_wrong_installed_version_says_to_run_npm_ci(project):
    root, manifest = project
    write(root / "node_modules/tok/package.json", json.dumps({"version": "1.0.0"}))
    with pytest.raises(labs.LabError, match=r"version 1\.0\.0 is installed.*npm ci"):
        labs.vendor_files(labs.load_manifest(str(manifest)), str(root))


def test_manifest_and_package_json_must_agree(project):
    root, manifest = project
    write(root / "package.json", json.dumps({"dependencies": {"tok": "^1.2.3"}}))
    with pytest.raises(labs.LabError, match="package.json pins '\\^1.2.3'"):
        labs.vendor_files(labs.load_manifest(str(manifest)), str(root))


def test_missing_module_is_named(project):
    root, manifest = project
    (root / "node_modules/tok/esm/util/c.js").unlink()
    with pytest.raises(labs.LabError, match=r"util/c\.js: module is missing"):
        labs.vendor_files(labs.load_manifest(str(manifest)), str(root))


def test_manifest_entry_without_fields_names_the_line(tmp_path):
    path = write(tmp_path / "labs.yml", "first:\n  vendor: []\nsecond:\n  vendor:\n    - package: x\n")
    with pytest.raises(labs.LabError, match=r"labs\.yml:3: lab 'second': vendor entry lacks version"):
        labs.load_manifest(str(path))


def test_strings_missing_key_names_both_files_and_the_line(tmp_path):
    ko = write(tmp_path / "ko.yml", "other: 1\nlabs:\n  common:\n    start: 시작\n    stop: 멈춤\n")
    en = write(tmp_path / "en.yml", "labs:\n  common:\n    start: Start\n")
    with pytest.raises(labs.LabError) as err:
        labs.load_strings({"ko": str(ko), "en": str(en)})
    assert str(err.value) == f"{en}: missing key 'labs.common.stop' (defined in {ko}:5)"


def test_strings_empty_value_and_missing_section(tmp_path):
    ko = write(tmp_path / "ko.yml", "labs:\n  a: ''\n")
    en = write(tmp_path / "en.yml", "labs:\n  a: A\n")
    with pytest.raises(labs.LabError, match=r"ko\.yml:2: 'labs\.a' is empty"):
        labs.load_strings({"ko": str(ko), "en": str(en)})
    write(ko, "site: x\n")
    with pytest.raises(labs.LabError, match=r"ko\.yml:1: no 'labs:' mapping"):
        labs.load_strings({"ko": str(ko), "en": str(en)})


def test_real_strings_load_and_are_written_as_json(tmp_path):
    strings = labs.load_strings({lang: str(ROOT / "overrides" / "strings" / f"{lang}.yml") for lang in ("ko", "en")})
    assert set(strings["ko"]["tokenizer"]) == set(strings["en"]["tokenizer"])
    written = labs.write_strings(strings, str(tmp_path))
    assert written == ["assets/labs/strings.ko.json", "assets/labs/strings.en.json"]
    data = json.loads((tmp_path / written[0]).read_text(encoding="utf-8"))
    assert data["common"]["start"] == strings["ko"]["common"]["start"]


STRINGS = {"en": {"common": {"start": "Start", "loads": "Loads {size}.", "failed": "Failed: {error}"},
                  "demo": {"title": "Demo <lab>", "intro": "Try it."}}}


def test_placeholder_becomes_a_hidden_root_with_start_control_and_the_loader():
    problems = []
    out = labs.expand_placeholders('<p>x</p>\n<div data-lab="demo"></div>', "en/chapter/", "en",
                                   STRINGS, {"demo": 1_234_567}, {"demo"}, problems.append)
    assert ('<div class="lab" data-lab="demo" role="region" aria-label="Demo &lt;lab&gt;" '
            'data-lab-failed="Failed: {error}" hidden>') in out
    assert "<button type=\"button\" class=\"md-button md-button--primary\" data-lab-start>Start</button>" in out
    assert "Loads 1.2 MB." in out
    assert out.endswith('<script type="module" src="../../assets/labs/loader.js" fetchpriority="low"></script>')
    assert problems == []


def test_unknown_lab_and_page_without_lab():
    problems = []
    html = '<div data-lab="nope"></div>'
    assert labs.expand_placeholders(html, "x/", "en", STRINGS, {}, {"demo"}, problems.append) == html
    assert problems == ["unknown lab 'nope' (known: demo)"]
    assert labs.expand_placeholders("<p>plain</p>", "x/", "en", STRINGS, {}, {"demo"}) == "<p>plain</p>"


def sha(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script>var a = 1;</script>
<script src="x.js"></script>
<script type="application/json" id="__config">{"b": 2}</script>
<script type="module">import "./m.js";</script>
<script>var a = 1;</script>
</head><body></body></html>"""


def test_inline_script_hashes_cover_executable_inline_scripts_once():
    assert labs.inline_script_hashes(PAGE) == [sha("var a = 1;"), sha('import "./m.js";')]


def test_add_csp_goes_right_after_charset_and_replaces_an_old_policy():
    out = labs.add_csp(PAGE)
    assert out.index('http-equiv="Content-Security-Policy"') < out.index("<script")
    module = sha('import "./m.js";')
    assert f"script-src 'self' {sha('var a = 1;')} {module};" in out
    assert "'unsafe-eval'" not in out and "default-src 'self'" in out
    again = labs.add_csp(out)
    assert again.count("Content-Security-Policy") == 1 and again == out
    with pytest.raises(labs.LabError, match="x.html: no <meta charset>"):
        labs.add_csp("<html><head></head></html>", "x.html")


def test_write_csp_on_every_html_file(tmp_path):
    write(tmp_path / "a" / "index.html", PAGE)
    write(tmp_path / "404.html", PAGE)
    write(tmp_path / "x.txt", "<meta charset='utf-8'>")
    assert labs.write_csp(str(tmp_path)) == 2
    assert "Content-Security-Policy" in (tmp_path / "404.html").read_text()
    assert "Content-Security-Policy" not in (tmp_path / "x.txt").read_text()


def test_build_without_node_modules_fails_saying_npm_ci(project_copy, tmp_path):
    copy = project_copy("no-node-modules")
    (copy / "node_modules").unlink()
    result = build(copy, tmp_path / "site")
    assert result.returncode != 0
    assert "node_modules/gpt-tokenizer" in result.stderr and "npm ci" in result.stderr, result.stderr[-2000:]


def test_build_with_a_missing_lab_string_names_the_file(project_copy, tmp_path):
    copy = project_copy("missing-string")
    en = copy / "overrides" / "strings" / "en.yml"
    en.write_text(en.read_text(encoding="utf-8").replace("    legend:", "    legend_removed:"), encoding="utf-8")
    result = build(copy, tmp_path / "site")
    assert result.returncode != 0
    assert "overrides/strings/en.yml: missing key 'labs.tokenizer.legend'" in result.stderr, result.stderr[-2000:]

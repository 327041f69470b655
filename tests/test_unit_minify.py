"""The site's own CSS and JS minified in the built site (llmbook.minify, llmbook-minify):
smaller, same rules and code, and a pattern that names no file is an error."""
from __future__ import annotations

import pathlib
import re

import pytest

from llmbook import minify
from conftest import ROOT, CONFIG


def test_css_loses_comments_and_whitespace_keeps_rules():
    css = "/* a comment */\n.a  >  b {\n  color : red ;\n}\n@media print { .c { display: none } }\n"
    out = minify.minify_text("x.css", css)
    assert "comment" not in out and "\n" not in out
    assert ".a>b{color:red}" in out and "@media print{.c{display:none}}" in out


def test_js_keeps_strings_template_literals_and_regexes():
    js = ("// first remark\nconst s = \"  two  spaces // not a comment \";\n"
          "const t = `line\n  ${s}  kept`;\nconst r = /[a-z]+\\/\\d/g;\n/* block */ export { s, t, r };\n")
    out = minify.minify_text("x.js", js)
    assert "first remark" not in out and "block" not in out
    assert '"  two  spaces // not a comment "' in out
    assert "`line\n  ${s}  kept`" in out
    assert "/[a-z]+\\/\\d/g" in out


def test_other_kinds_and_unmatched_patterns_are_errors(tmp_path):
    with pytest.raises(minify.MinifyError, match="only .css and .js"):
        minify.minify_text("x.html", "<p>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.css").write_text("a { }", encoding="utf-8")
    assert minify.expand(str(tmp_path), ["assets/*.css"]) == [str(tmp_path / "assets" / "a.css")]
    with pytest.raises(minify.MinifyError, match="'assets/gone.js' matches no file"):
        minify.expand(str(tmp_path), ["assets/gone.js"])


def listed_files() -> list[str]:
    for entry in CONFIG["plugins"]:
        if isinstance(entry, dict) and "llmbook-minify" in entry:
            return entry["llmbook-minify"]["files"]
    raise AssertionError("llmbook-minify is not configured in mkdocs.yml")


def test_every_file_each_page_loads_first_is_minified_in_the_built_site(site):
    """Every stylesheet and script of our own that a page links in its <head> or body
    (not Material's) is in the minify list, and the built copy is the minified source."""
    listed = set(listed_files())
    html = (site / "index.html").read_text(encoding="utf-8")
    own = set(re.findall(r'(?:href|src)="(?:\./)?(assets/(?!javascripts|stylesheets)[^"?]+\.(?:css|js))', html))
    assert own, "no own CSS/JS found on the home page"
    assert own <= listed, f"not minified: {sorted(own - listed)}"
    for rel in listed:
        source = (ROOT / "docs" / rel).read_text(encoding="utf-8")
        built = (site / rel).read_text(encoding="utf-8")
        assert built == minify.minify_text(rel, source), rel
        assert len(built) < len(source), rel

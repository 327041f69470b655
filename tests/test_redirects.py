"""Renamed pages keep their old URLs in both languages (scripts/redirects.py)."""
from __future__ import annotations

import functools
import http.server
import threading

import pytest

from llmbook import redirects
from conftest import build


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_redirect_data_is_validated(tmp_path):
    data = tmp_path / "r.yml"
    data.write_text("old-name: transformer\ntransformer: scale\nBad Slug: nowhere\n", encoding="utf-8")
    mapping, problems = redirects.load(str(data), {"transformer", "scale"})
    assert mapping["old-name"] == "transformer"
    assert f"{data}:2: 'transformer' is still a page; a redirect would hide it" in problems
    assert f"{data}:3: 'Bad Slug' is not a slug" in problems
    assert f"{data}:3: redirect target 'nowhere' is not a page" in problems
    assert redirects.load(str(tmp_path / "none.yml"), set()) == ({}, [])
    data.write_text("a: [b\n", encoding="utf-8")
    with pytest.raises(redirects.RedirectError, match=r"r.yml:\d+: malformed YAML"):
        redirects.load(str(data), set())


def test_old_urls_lead_to_the_new_page_and_section_in_each_language(project_copy, browser):
    project = project_copy("redirect")
    (project / "docs/_data/redirects.yml").write_text("attention-chapter: transformer\n", encoding="utf-8")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    site = project / "site"
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    page = browser.new_page()
    try:
        for prefix in ("", "en/"):
            assert (site / prefix / "attention-chapter" / "index.html").is_file()
            page.goto(f"{base}{prefix}attention-chapter/#self-attention")
            page.wait_for_url(f"{base}{prefix}transformer/#self-attention")
            assert page.evaluate("document.documentElement.lang") == (prefix.strip("/") or "ko")
    finally:
        page.close()
        httpd.shutdown()

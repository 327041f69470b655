"""Shared fixtures: the site built once per test session with ``mkdocs build --strict``,
a local HTTP server for it, and headless Chromium (Debian's, driven by Playwright);
and, for the worked-example tests, ``load_example`` and ``chapter_pages``."""
from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import pathlib
import shutil
import subprocess
import sys
import threading

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

BUILD_ENV = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LANGUAGES = ("ko", "en")


def load_example(name: str):
    """Import scripts/examples/<name>.py as a module."""
    path = ROOT / "scripts" / "examples" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def chapter_pages(slug: str) -> dict[str, str]:
    """{'ko': text of docs/ko/<slug>.md, 'en': text of docs/en/<slug>.md}"""
    return {lang: (ROOT / "docs" / lang / f"{slug}.md").read_text(encoding="utf-8")
            for lang in LANGUAGES}


def build(project: pathlib.Path, site_dir: pathlib.Path) -> subprocess.CompletedProcess:
    """Run a strict build of ``project`` into ``site_dir`` (no -q, no -v: see GUIDE.md)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=BUILD_ENV, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> pathlib.Path:
    """The real site, built once; the build must succeed with zero warnings."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build(ROOT, out)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr
    return out


@pytest.fixture(scope="session")
def project_copy(tmp_path_factory):
    """A factory for throw-away copies of the project, to build with a fault injected."""
    def make(name: str) -> pathlib.Path:
        dest = tmp_path_factory.mktemp(name) / "project"
        shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(
            ".git", "site", "node_modules", "__pycache__", ".pytest_cache"))
        if (ROOT / "node_modules").is_dir():   # the build copies the labs' code from it
            (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
        return dest
    return make


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    """Serve the built site on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; the tests fail (not skip) when it is missing."""
    from playwright.sync_api import sync_playwright
    assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: apt-get install chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
        ])
        yield b
        b.close()


@pytest.fixture
def page_factory(browser, server):
    """New pages that record console errors, failed requests and off-host requests."""
    contexts = []

    def make(width: int = 1280, height: int = 900, **kwargs):
        ctx = browser.new_context(viewport={"width": width, "height": height}, **kwargs)
        contexts.append(ctx)
        page = ctx.new_page()
        page.problems = []
        page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: page.problems.append(f"failed: {r.url}"))
        page.on("response", lambda r: r.status >= 400 and page.problems.append(f"HTTP {r.status}: {r.url}"))
        page.on("request", lambda r: not r.url.startswith((server, "data:", "blob:"))
                and page.problems.append(f"off-host request: {r.url}"))
        return page

    yield make
    for ctx in contexts:
        ctx.close()

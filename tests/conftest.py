"""Shared fixtures: the site built once per test session with ``mkdocs build --strict``,
a local HTTP server for it, and headless Chromium (Debian's, driven by Playwright);
and, for the worked-example tests, ``load_example`` and ``chapter_pages``."""
from __future__ import annotations

import importlib.util
import io
import logging
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from llmbook import localsite, nav, strings

ROOT = pathlib.Path(__file__).resolve().parent.parent

BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CHROMIUM = localsite.CHROMIUM
CONFIG = nav.read_config(str(ROOT / "mkdocs.yml"))
LANGUAGES = tuple(nav.languages(CONFIG))
# The one chapter list: the nav in mkdocs.yml (pages not marked kind: reference).
NAV_PAGES = nav.book(str(ROOT / "mkdocs.yml"))
CHAPTERS = [p.slug for p in NAV_PAGES if p.number is not None]
SLUGS = sorted(p.stem for p in (ROOT / "docs" / LANGUAGES[0]).glob("*.md") if p.stem != "index")


def ui_strings(lang: str) -> dict:
    """The UI strings of one language (overrides/strings/<lang>.yml)."""
    return strings.load_language(str(ROOT / "overrides" / "strings"), lang)


def page_path(lang: str, slug: str) -> str:
    """The built file of a page: ``transformer/index.html``, ``en/transformer/index.html``."""
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    return f"{prefix}{slug}/index.html" if slug != "index" else f"{prefix}index.html"


def soup(site, rel: str):
    from bs4 import BeautifulSoup
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def all_pages(site):
    return sorted(p for p in site.rglob("*.html"))


# What every chapter must contain (README, "Add a chapter").
CHAPTER_CLOSING_IDS = ["key-takeaways", "quiz", "further-reading", "references"]
CHAPTER_BOXES = {"ko": ("학습 목표", "선수 지식"), "en": ("Learning objectives", "Prerequisites")}


def chapter_problems(art, lang: str) -> list[str]:
    """Every part a built chapter's ``<article>`` lacks, named; [] for a complete chapter."""
    problems = []
    ids = [h["id"] for h in art.select("h2[id]")]
    missing = [i for i in CHAPTER_CLOSING_IDS if i not in ids]
    if missing:
        problems.append("closing sections " + ", ".join(f"## ... {{#{i}}}" for i in missing))
    elif ids[-4:] != CHAPTER_CLOSING_IDS:
        problems.append(f"closing sections in the order {', '.join(CHAPTER_CLOSING_IDS)} (found {ids[-4:]})")
    titles = [t.get_text(strip=True) for t in art.select(".admonition-title, summary")]
    objectives, prerequisites = CHAPTER_BOXES[lang]
    box = art.select_one(".admonition.abstract")
    if objectives not in titles or box is None:
        problems.append(f'a learning objectives box (!!! abstract "{objectives}")')
    elif not 3 <= len(box.select("li")) <= 5:
        problems.append(f"3 to 5 learning objectives (found {len(box.select('li'))})")
    if prerequisites not in titles:
        problems.append(f'a prerequisites box (!!! info "{prerequisites}")')
    figures = art.select("figure svg.figure[role=img]")
    if not figures:
        problems.append("a figure (an SVG in <figure>, with alt text)")
    for svg in figures:
        title = svg.find("title")
        if not (title and len(title.get_text(strip=True)) > 20):
            problems.append("a real text alternative for every figure (more than 20 characters)")
    questions = art.select("details.question")
    if not 4 <= len(questions) <= 8:
        problems.append(f'a quiz of 4 to 8 questions (??? question "..."; found {len(questions)})')
    for q in questions:
        if q.has_attr("open"):
            problems.append("quiz answers hidden until asked (??? not ???+)")
        if not (q.find("summary").get_text(strip=True) and q.get_text(strip=True) != q.find("summary").get_text(strip=True)):
            problems.append("an answer under every quiz question")
    heading = art.find(id="references")
    refs = heading.find_next(["ol", "ul"]) if heading else None
    if not (refs and len(refs.select("a[href^='https://']")) >= 3):
        problems.append("at least 3 references with https links")
    if len({a["href"] for a in art.select("a.glossary-link")}) < 5:
        problems.append("links to at least 5 glossary terms")
    return problems


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


FIXTURE_BOOK = ROOT / "tests" / "fixture_book"


def build_in_process(project: pathlib.Path, site_dir: pathlib.Path) -> tuple[bool, str]:
    """A strict build of ``project`` in this process: (succeeded, every warning and error).

    Used with the tiny fixture book (``tests/fixture_book``), whose build takes well
    under a second; the real book is built once, in a subprocess (``site``)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    lines = io.StringIO()
    handler = logging.StreamHandler(lines)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    ok = True
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        mkdocs_build(config)
    except Exception as err:   # PluginError, Abort (strict), ConfigurationError
        ok = False
        lines.write(f"{type(err).__name__}: {err}\n")
    finally:
        logger.removeHandler(handler)
    return ok, lines.getvalue()


@pytest.fixture
def fixture_book(tmp_path) -> pathlib.Path:
    """A throw-away copy of the fixture book, to build with a fault injected."""
    dest = tmp_path / "book"
    shutil.copytree(FIXTURE_BOOK, dest, ignore=shutil.ignore_patterns("site", "__pycache__"))
    # The copy lives elsewhere: point it at the repository's UI strings.
    config = dest / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "strings_dir: ../../overrides/strings", f"strings_dir: {ROOT / 'overrides' / 'strings'}"), encoding="utf-8")
    return dest


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


@pytest.fixture(scope="session")
def server(site):
    """Serve the built site on a free loopback port; yields the base URL."""
    httpd, base = localsite.serve(site)
    yield base
    httpd.shutdown()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, label: str) -> list[str]:
    """Run axe-core (WCAG 2.1 A/AA) on the page's document; one line per serious or
    critical violation, naming ``label``, the rule and up to three elements. The page's
    context needs ``bypass_csp=True``: axe is injected as an inline script."""
    assert AXE.is_file(), "axe-core is missing: run npm ci"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [f"{label} {v['id']} ({v['impact']}, {len(v['nodes'])}x): "
            + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; the tests fail (not skip) when it is missing."""
    from playwright.sync_api import sync_playwright
    assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: apt-get install chromium"
    with sync_playwright() as p:
        b = localsite.launch(p)
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
        # A request cut short because the test moved on to the next page (net::ERR_ABORTED)
        # is the test's doing; every other failure is the site's.
        page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "")
                and page.problems.append(f"failed: {r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and page.problems.append(f"HTTP {r.status}: {r.url}"))
        page.on("request", lambda r: not r.url.startswith((server, "data:", "blob:"))
                and page.problems.append(f"off-host request: {r.url}"))
        return page

    yield make
    for ctx in contexts:
        ctx.close()

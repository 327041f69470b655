"""MkDocs entry point for the site's build hooks (mkdocs.yml ``hooks:``).

Each concern lives in its own small module beside this file; this module only routes
MkDocs events to them. mkdocs-static-i18n builds Korean first and then English into
``site/en``; whole-site steps run once, after the last language (``_outer_build``).
"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

import chapter_numbers  # noqa: E402
import chapters  # noqa: E402
import datafile  # noqa: E402
import figures  # noqa: E402
import frontmatter  # noqa: E402
import glossary  # noqa: E402
import html_fixes  # noqa: E402
import i18n_site  # noqa: E402
import mathml  # noqa: E402
import md_links  # noqa: E402
import pairs  # noqa: E402
import parity  # noqa: E402
import redirects  # noqa: E402
import references_page  # noqa: E402
import search_index  # noqa: E402
import timeline  # noqa: E402
from problems import line_of, log, report  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_state: dict = {}
# For scripts/bench_build.py only: BOOK_BENCH_DISABLE=glossary builds without the glossary
# component, to measure what it costs. Never set in normal builds.
_DISABLED = set(filter(None, os.environ.get("BOOK_BENCH_DISABLE", "").split(",")))


def _languages(config) -> tuple[str, str]:
    """(language being built, default language)."""
    i18n = config.plugins.get("i18n")
    default = next(lang.locale for lang in i18n.config.languages if lang.default) if i18n else "ko"
    return config.theme["language"], default


def _outer_build(config) -> bool:
    i18n = config.plugins.get("i18n")
    return not getattr(i18n, "building", False)


GLOSSARY_DATA = os.path.join("docs", "_data", "glossary.yml")
TIMELINE_DATA = os.path.join("docs", "_data", "timeline.yml")
REDIRECTS_DATA = os.path.join("docs", "_data", "redirects.yml")


def on_pre_build(config):
    if not _outer_build(config):
        return
    slugs = {name[:-3] for name in os.listdir(os.path.join(config.docs_dir, "ko")) if name.endswith(".md")}
    pairs.check(config.docs_dir, ROOT)
    parity.check(config.docs_dir, ROOT)
    md_links.check(config.docs_dir, ROOT)
    _state["timeline"] = _checked(timeline.load, os.path.join(ROOT, TIMELINE_DATA), slugs)
    _state["redirects"] = _checked(redirects.load, os.path.join(ROOT, REDIRECTS_DATA), slugs)
    _load_glossary(config, slugs)


def _checked(check, *args):
    """Run a loader or check that returns (data, problems). A data file that cannot be read
    stops the build; every other problem is a warning (fatal in --strict). Both name the
    file and line."""
    try:
        data, problems = check(*args)
    except datafile.DataFileError as err:
        raise PluginError(str(err).replace(ROOT + os.sep, "")) from None
    for problem in problems:
        log.warning(problem.replace(ROOT + os.sep, ""))
    return data


def _load_glossary(config, slugs: set[str]) -> None:
    """Read and check the term base once per build; every problem names file and line."""
    if "glossary" in _DISABLED:
        _state["terms"], _state["glossary_usage"] = {}, {}
        return
    terms = _checked(glossary.load, os.path.join(ROOT, GLOSSARY_DATA), slugs)
    pages = {**glossary.read_pages(config.docs_dir, "ko"), **glossary.read_pages(config.docs_dir, "en")}
    refs = glossary.references(pages)
    for problem in glossary.check_references(terms, refs, GLOSSARY_DATA):
        log.warning(problem.replace(ROOT + os.sep, ""))
    usage: dict = {}   # language -> term id -> slugs of the pages that link it
    for ident, places in refs.items():
        for path, _line in places:
            lang, slug = os.path.basename(os.path.dirname(path)), os.path.basename(path)[:-3]
            if slug not in ("glossary", "index") and slug not in usage.setdefault(lang, {}).setdefault(ident, []):
                usage[lang][ident].append(slug)
    _state["terms"] = {t.id: t for t in terms}
    _state["glossary_usage"] = usage


@event_priority(-200)
def on_files(files, config):
    _state["files_by_url"] = {f.url: f.abs_src_path for f in files if f.abs_src_path}
    return files


@event_priority(-200)
def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


def _titles(config, lang: str) -> dict[str, str]:
    titles = {}
    for name in os.listdir(os.path.join(config.docs_dir, lang)):
        if name.endswith(".md"):
            titles[name[:-3]] = frontmatter.read(os.path.join(config.docs_dir, lang, name)).get("title", name[:-3])
    return titles


def on_page_markdown(markdown, page, config, files):
    if timeline.MARKER in markdown:
        lang, _ = _languages(config)
        markdown = markdown.replace(timeline.MARKER, timeline.render(_state["timeline"], lang, _titles(config, lang)))
    if references_page.MARKER in markdown:
        lang, _ = _languages(config)
        chapters_in_order = []
        for nav_page in _state["nav"].pages:
            path = nav_page.file.abs_src_path
            if frontmatter.read(path).get("kind") == "reference" or nav_page.is_homepage:
                continue
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            slug = os.path.basename(path)[:-3]
            chapters_in_order.append((slug, frontmatter.split(text, path)[0].get("title", slug), text))
        markdown = markdown.replace(references_page.MARKER, references_page.render(chapters_in_order))
    if glossary.MARKER in markdown and "glossary" not in _DISABLED:
        lang, _ = _languages(config)
        order = [p.file.src_uri.rsplit("/", 1)[-1][:-3] for p in _state["nav"].pages]
        usage = {k: sorted(v, key=lambda s: order.index(s) if s in order else 99)
                 for k, v in _state["glossary_usage"].get(lang, {}).items()}
        csv_href = "../" * page.url.count("/") + "glossary.csv"
        markdown = markdown.replace(glossary.MARKER, glossary.render_page(
            list(_state["terms"].values()), lang, _titles(config, lang), usage, csv_href))
    if chapters.MARKER in markdown:
        lang, _ = _languages(config)
        try:
            sections = chapters.entries(_state["nav"].items, lambda p: frontmatter.read(p.file.abs_src_path))
        except frontmatter.FrontMatterError as err:
            raise PluginError(str(err)) from None
        minutes = {p["file"]: chapter_numbers.reading_minutes(
            open(os.path.join(config.docs_dir, lang, p["file"]), encoding="utf-8").read(), lang)
            for _, pages in sections for p in pages}
        markdown = markdown.replace(chapters.MARKER, chapter_numbers.render_map(sections, lang, minutes))
    return markdown


def on_env(env, config, files):
    """Chapter numbers in the nav, <title> and heading (all pages are read by now)."""
    lang, _ = _languages(config)
    pages = [(p.file.src_uri.rsplit("/", 1)[-1][:-3], p) for p in _state["nav"].pages]
    numbers = chapter_numbers.numbered(
        [(slug, slug != "index" and p.meta.get("kind") != "reference") for slug, p in pages])
    for slug, p in pages:
        if slug in numbers:
            p.title = chapter_numbers.nav_title(numbers[slug], p.title)
            p.content = chapter_numbers.heading_html(p.content, numbers[slug], lang)
    return env


def on_page_content(html, page, config, files):
    src = page.file.abs_src_path
    with open(src, encoding="utf-8") as fh:
        source = fh.read()   # the whole file, so that reported lines match the editor's
    html = figures.inline_figures(html, page.url, _state["files_by_url"], src, source, ROOT)

    lang, _ = _languages(config)

    def unknown_term(ident: str) -> None:
        if f"glossary.md#{ident}" in source:
            return   # a Markdown link: glossary.check_references reported it with its line
        report(src, line_of(source, f"#{ident}"), f"unknown glossary term '{ident}'", ROOT)

    if "glossary" not in _DISABLED:
        html = glossary.add_tooltips(html, _state["terms"], lang, unknown_term)

    def math_error(message: str, tex: str) -> None:
        report(src, line_of(source, tex), message, ROOT)

    return mathml.render(html, math_error)


def on_post_page(output, page, config):
    lang, default = _languages(config)
    output = i18n_site.drop_head_alternates(output)
    output = i18n_site.relative_switcher_links(output, page.url)
    output = html_fixes.label_search_dialog(output, lang)
    output = html_fixes.defer_bundle(output)
    output = html_fixes.localize_permalinks(output, lang)
    output = html_fixes.title_id(output, page.file.src_uri.rsplit("/", 1)[-1][:-3])
    if lang != default:
        output = i18n_site.patch_config_base(output, lang)
    return output


@event_priority(-200)
def on_post_build(config):
    if not _outer_build(config):
        return
    i18n = config.plugins.get("i18n")
    others = [lang.locale for lang in i18n.config.languages if not lang.default] if i18n else []
    if "glossary" not in _DISABLED:
        with open(os.path.join(config.site_dir, "glossary.csv"), "w", encoding="utf-8", newline="") as fh:
            fh.write(glossary.to_csv(list(_state["terms"].values())))
    redirects.write(config.site_dir, _state["redirects"], others)
    for lang in others:
        i18n_site.write_language_sitemap(config.site_dir, config.site_url or "/", lang)
        search_index.write_language_indexes(config.site_dir, lang)

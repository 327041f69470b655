#!/usr/bin/env python3
"""Build the whole book as one PDF per language from the built site, with Chromium:
``llm-textbook-ko.pdf`` and ``llm-textbook-en.pdf``.

    python3 scripts/build_pdf.py [--site site] [--out <site>]

Needs a built site (``bash scripts/build.sh --site-dir site``), Playwright and pypdf
(requirements-test.txt) and Debian's Chromium with a Korean font (``apt-get install
chromium fonts-noto-cjk``); without them it says what is missing and exits with 2.

Each language's chapters (in nav order), the glossary's pages of entries and the
references are put into one HTML document next to the site's own stylesheets (the print styles in
site.css do the print styling), with every id prefixed by its page's slug and every link between
included pages turned into an in-document link, so the PDF's links work inside it. A
title page and a table of contents come first. The document is printed twice: the first print tells (through the
PDF's named destinations) on which page each chapter and section starts; those numbers
are written into the contents, and the second print is the result. ``outline=True``
gives the PDF bookmarks from the headings, ``tagged=True`` a tagged (accessible) PDF.
"""
from __future__ import annotations

import argparse
import datetime
import html
import io
import os
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from llmbook import nav, strings   # noqa: E402
from llmbook.frontmatter import read as read_front_matter   # noqa: E402
from llmbook.localsite import CHROMIUM, launch, serve   # noqa: E402

# The reference pages the printed book keeps: these, and the glossary's pages of full
# entries (front matter glossary_from; the glossary index page is a web finding aid).
REFERENCE_PAGES = ("references",)
MAX_MB = 15

# Runs in each built page: the article's HTML with ids prefixed by the page's slug and
# links between the book's pages made into links inside the combined document.
EXTRACT_JS = r"""
([slug, included, siteUrl, localRoot, folder]) => {
  const art = document.querySelector("article.md-content__inner").cloneNode(true);
  art.querySelectorAll(".headerlink, .glossary-tip, .print-colophon, .md-content__button, script, [data-print-drop]")
     .forEach(el => el.remove());
  const pre = id => `${slug}--${id}`;
  art.querySelectorAll("[id]").forEach(el => { el.id = pre(el.id); });
  for (const attr of ["aria-labelledby", "aria-describedby", "aria-controls", "for"]) {
    art.querySelectorAll(`[${attr}]`).forEach(el => {
      el.setAttribute(attr, el.getAttribute(attr).split(/\s+/).map(pre).join(" "));
    });
  }
  art.querySelectorAll("a[href]").forEach(a => {
    const url = new URL(a.getAttribute("href"), location.href);
    if (!url.href.startsWith(localRoot)) return;          // an external link
    const path = url.pathname.slice(new URL(localRoot).pathname.length);
    const inLang = path.startsWith(folder) && !(folder === "" && /^[a-z]{2}\//.test(path) && !/^(assets|search)\//.test(path));
    const target = path.slice(folder.length).replace(/index\.html$/, "").replace(/\/$/, "");
    if (inLang && included.includes(target)) {
      const id = url.hash ? decodeURIComponent(url.hash.slice(1)) : target;
      a.setAttribute("href", `#${target}--${id}`);
    } else {
      a.setAttribute("href", siteUrl + path + url.hash);      // a page the PDF leaves out
    }
  });
  art.querySelectorAll("img[src]").forEach(img => { img.src = new URL(img.getAttribute("src"), location.href).href; });
  const h1 = art.querySelector("h1");
  return {title: h1 ? h1.textContent.trim() : slug, html: art.innerHTML,
          sections: [...art.querySelectorAll("h2[id]")].map(h => [h.id, h.textContent.trim()])};
}
"""

BOOK_CSS = """
@page { size: A4; margin: 20mm 18mm 22mm; }
body { background: #fff; }
.book-title-page { break-after: page; padding-top: 60mm; text-align: center; }
.book-title-page h1 { font-size: 28pt; margin-bottom: 8mm; }
.book-title-page .book-subtitle { font-size: 13pt; margin: 0 auto 40mm; max-width: 130mm; }
.book-title-page p { font-size: 10pt; }
.book-toc { break-after: page; }
.book-toc ol { list-style: none; margin: 0 !important; padding: 0; }
.book-toc li { margin: 0 !important; break-inside: avoid; }
.book-toc .toc-part { font-weight: 700; margin-top: 1em !important; }
.book-toc .toc-sections li { padding-left: 1.6em; font-size: 0.92em; }
.book-toc a { display: flex; gap: 0.5em; color: #1b1b1f !important; text-decoration: none !important; }
.book-toc a::after { content: none !important; }
.book-toc .toc-title { flex: 1; }
.book-toc .toc-page { min-width: 2.5em; text-align: right; font-variant-numeric: tabular-nums; }
.book-chapter { break-before: page; }
.book-chapter .print-colophon { display: none; }
.md-typeset .book-chapter-number { font-size: 0.9em; color: #3d3d46; margin: 0 0 0.3em; }
"""


def missing_tools() -> list[str]:
    """What this command needs and does not find."""
    missing = []
    for module, why in (("playwright", "playwright (pip, requirements-test.txt)"),
                        ("pypdf", "pypdf (pip, requirements-test.txt)")):
        try:
            __import__(module)
        except ImportError:
            missing.append(why)
    if not os.path.exists(CHROMIUM):
        missing.append(f"Chromium at {CHROMIUM} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM)")
    return missing


def language_settings(config: dict) -> dict[str, dict]:
    """{lang: {site_name, site_description, copyright, parts: {nav section: title}}}."""
    base = {k: config.get(k, "") for k in ("site_name", "site_description", "copyright")}
    out = {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for lang in plugin["i18n"]["languages"]:
                if not lang.get("build", True):
                    continue
                settings = {k: lang.get(k, base[k]) for k in base}
                settings["parts"] = lang.get("nav_translations") or {}
                out[lang["locale"]] = settings
    return out or {nav.default_language(config): {**base, "parts": {}}}


def document(lang: str, pages: list[dict], settings: dict, t: dict, site_url: str, root_prefix: str,
             html_attrs: str) -> str:
    """The combined HTML of one language: title page, contents, chapters."""
    esc = html.escape
    date = datetime.date.today().isoformat()
    toc, body, part = [], [], None
    for p in pages:
        if p["part"] != part:
            part = p["part"]
            toc.append(f'<li class="toc-part">{esc(settings["parts"].get(part, part))}</li>')
        label = (t["chapter"].format(n=p["number"]) + " ") if p["number"] else ""
        anchor = f'{p["slug"]}--{p["slug"]}'
        sections = "".join(
            f'<li><a href="#{esc(i)}"><span class="toc-title">{esc(title)}</span>'
            f'<span class="toc-page" data-toc-for="{esc(i)}"></span></a></li>'
            for i, title in p["sections"]) if p["number"] else ""
        toc.append(f'<li><a href="#{esc(anchor)}"><span class="toc-title">{esc(label + p["title"])}</span>'
                   f'<span class="toc-page" data-toc-for="{esc(anchor)}"></span></a>'
                   + (f'<ol class="toc-sections">{sections}</ol>' if sections else "") + "</li>")
        number = (f'<p class="book-chapter-number">{esc(t["chapter"].format(n=p["number"]))}</p>'
                  if p["number"] else "")
        body.append(f'<section class="book-chapter" data-slug="{esc(p["slug"])}">{number}{p["html"]}</section>')
    css = "".join(f'<link rel="stylesheet" href="{root_prefix}{href}">' for href in settings["css"])
    note = t["title_note"].format(url=site_url + (f"{lang}/" if root_prefix == "../" else ""), date=date)
    return f"""<!doctype html>
<html {html_attrs}>
<head><meta charset="utf-8"><title>{esc(settings["site_name"])}</title>{css}<style>{BOOK_CSS}</style></head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="custom" data-md-color-accent="custom">
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">
<article class="md-content__inner md-typeset">
<section class="book-title-page">
<h1 id="book-title">{esc(settings["site_name"])}</h1>
<p class="book-subtitle">{esc(settings["site_description"])}</p>
<p>{esc(note)}</p>
<p>{esc(settings["copyright"])}</p>
</section>
<nav class="book-toc" aria-labelledby="book-contents">
<h2 id="book-contents">{esc(t["contents"])}</h2>
<ol>{"".join(toc)}</ol>
</nav>
{"".join(body)}
</article></div></div></main></div>
</body></html>"""


def heading_pages(pdf: bytes) -> dict[str, int]:
    """{id: 1-based page} from the PDF's named destinations (Chromium writes one for
    every in-document link target)."""
    import pypdf
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    index = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, 1)}
    found = {}
    for name, dest in reader.named_destinations.items():
        page = dest.page
        ref = getattr(page, "idnum", None)
        if ref is None and hasattr(page, "indirect_reference"):
            ref = page.indirect_reference.idnum
        if ref in index:
            found[str(name).lstrip("/")] = index[ref]
    return found


FOOTER = ('<div style="width:100%;font-size:8pt;color:#555;text-align:center;'
          'font-family:sans-serif"><span class="pageNumber"></span></div>')


def print_pdf(page) -> bytes:
    return page.pdf(format="A4", print_background=True, outline=True, tagged=True,
                    display_header_footer=True, header_template="<span></span>", footer_template=FOOTER,
                    margin={"top": "20mm", "bottom": "22mm", "left": "18mm", "right": "18mm"})


def build(site: pathlib.Path, out: pathlib.Path, config_file: pathlib.Path) -> list[pathlib.Path]:
    from playwright.sync_api import sync_playwright

    config = nav.read_config(str(config_file))
    langs = nav.languages(config)
    default = langs[0]
    settings = language_settings(config)
    css = ["assets/stylesheets/" + p.name for p in sorted((site / "assets" / "stylesheets").glob("*.css"))]
    css += [c if isinstance(c, str) else c.get("path") for c in config.get("extra_css") or []]
    docs = config_file.parent / config.get("docs_dir", "docs") / default
    book_pages = [p for p in nav.book(str(config_file)) if p.number is not None or p.slug in REFERENCE_PAGES
                  or read_front_matter(str(docs / f"{p.slug}.md")).get("glossary_from")]
    included = [p.slug for p in book_pages]
    home = (site / "index.html").read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', home)
    site_url = canonical.group(1) if canonical else ""
    written = []
    httpd, local = serve(site)
    try:
        with sync_playwright() as p:
            browser = launch(p)
            ctx = browser.new_context(java_script_enabled=False)
            page = ctx.new_page()
            for lang in langs:
                folder = "" if lang == default else f"{lang}/"
                ui = strings.load_language(str(ROOT / "overrides" / "strings"), lang)
                t = {**ui.section("book_pdf"), "chapter": ui.section("chapters")["chapter"]}
                collected = []
                for nav_page in book_pages:
                    page.goto(f"{local}{folder}{nav_page.slug}/")
                    got = page.evaluate(EXTRACT_JS, [nav_page.slug, included, site_url, local, folder])
                    collected.append({**got, "slug": nav_page.slug, "number": nav_page.number,
                                      "part": nav_page.section})
                first = (site / folder / "index.html").read_text(encoding="utf-8")
                attrs = re.search(r"<html ([^>]*)>", first).group(1)
                doc = document(lang, collected, {**settings[lang], "css": css}, t, site_url,
                               "../" if folder else "", attrs)
                tmp = site / folder / f".book-{lang}.html"
                tmp.write_text(doc, encoding="utf-8")
                try:
                    ctx_js = browser.new_context(java_script_enabled=True)
                    book = ctx_js.new_page()
                    book.goto(f"{local}{folder}.book-{lang}.html")
                    book.emulate_media(media="print")
                    numbers = heading_pages(print_pdf(book))
                    missing = book.evaluate("""(numbers) => {
                        const missing = [];
                        document.querySelectorAll("[data-toc-for]").forEach(el => {
                          const n = numbers[el.dataset.tocFor];
                          if (n) el.textContent = n; else missing.push(el.dataset.tocFor);
                        });
                        return missing; }""", numbers)
                    if missing:
                        raise SystemExit(f"build_pdf: no page number for {missing[:5]} in the {lang} PDF")
                    pdf = print_pdf(book)
                    ctx_js.close()
                finally:
                    tmp.unlink()
                target = out / f"llm-textbook-{lang}.pdf"
                target.write_bytes(pdf)
                size = len(pdf) / 1e6
                print(f"build_pdf: wrote {target} ({size:.1f} MB)")
                if size > MAX_MB:
                    raise SystemExit(f"build_pdf: {target} is {size:.1f} MB, over {MAX_MB} MB")
                written.append(target)
            browser.close()
    finally:
        httpd.shutdown()
    return written


PLACEHOLDER = '<div class="book-pdf-links" data-book-pdf hidden></div>'


def link_pdfs(site: pathlib.Path, written: list[pathlib.Path], out: pathlib.Path, config: dict) -> int:
    """Fill the llmbook-print plugin's placeholders (home and instructors pages) with links
    to the PDFs and their sizes; returns how many pages got them."""
    langs = nav.languages(config)
    names = {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            names = {lang["locale"]: lang.get("name", lang["locale"]) for lang in plugin["i18n"]["languages"]}
    filled = 0
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if PLACEHOLDER not in text:
            continue
        rel = path.relative_to(site)
        lang = rel.parts[0] if rel.parts[0] in langs[1:] else langs[0]
        label = strings.load_language(str(ROOT / "overrides" / "strings"), lang).section("book_pdf")["links"]
        up = os.path.relpath(out, path.parent)
        ordered = sorted(written, key=lambda p: p.stem != f"llm-textbook-{lang}")
        links = " · ".join(
            f'<a href="{html.escape(up + "/" + p.name if up != "." else p.name)}" type="application/pdf" '
            f'hreflang="{p.stem.rsplit("-", 1)[1]}" lang="{p.stem.rsplit("-", 1)[1]}" download>{html.escape(names.get(p.stem.rsplit("-", 1)[1], p.name))} '
            f'(PDF, {p.stat().st_size / 1e6:.1f} MB)</a>' for p in ordered)
        block = f'<div class="book-pdf-links" data-book-pdf><p>{html.escape(label)} {links}</p></div>'
        path.write_text(text.replace(PLACEHOLDER, block), encoding="utf-8")
        filled += 1
    return filled


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", default=str(ROOT / "site"), help="the built site (default: site/)")
    ap.add_argument("--out", default=None, help="where to write the PDFs (default: the site folder)")
    ap.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
    args = ap.parse_args(argv)
    site = pathlib.Path(args.site)
    if not (site / "index.html").exists():
        print(f"build_pdf: no built site at {site} (build it first: bash scripts/build.sh --site-dir {site})",
              file=sys.stderr)
        return 2
    if missing := missing_tools():
        print("build_pdf: cannot build the PDFs; missing: " + "; ".join(missing), file=sys.stderr)
        return 2
    out = pathlib.Path(args.out) if args.out else site
    out.mkdir(parents=True, exist_ok=True)
    written = build(site, out, pathlib.Path(args.config))
    if out.resolve().is_relative_to(site.resolve()):
        pages = link_pdfs(site, written, out, nav.read_config(args.config))
        print(f"build_pdf: linked the PDFs from {pages} page(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

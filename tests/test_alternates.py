"""Language alternates in the page head (hreflang ko, en, x-default) without Material's
sitemap fetch next to each of them (the 404s of llmbook.i18n_site's docstring)."""
from __future__ import annotations

from conftest import LANGUAGES, SLUGS, page_path, soup


def alternates(html) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in html.select("head link[hreflang]")
            if "alternate" in link.get("rel", [])}


def test_every_page_declares_its_language_versions(site):
    site_url = soup(site, "index.html").select_one("link[rel=canonical]")["href"]
    problems = []
    for lang in LANGUAGES:
        for slug in ["index", *SLUGS]:
            rel = page_path(lang, slug)
            html = soup(site, rel)
            found = alternates(html)
            if set(found) != {*LANGUAGES, "x-default"}:
                problems.append(f"{rel}: hreflang {sorted(found)}")
                continue
            if found[lang] != html.select_one("link[rel=canonical]")["href"]:
                problems.append(f"{rel}: its own alternate {found[lang]} is not its canonical URL")
            if found["x-default"] != found[LANGUAGES[0]]:
                problems.append(f"{rel}: x-default is not the {LANGUAGES[0]} page")
            for other, url in found.items():
                path = site / url[len(site_url):] / "index.html"
                if not url.startswith(site_url) or not path.is_file():
                    problems.append(f"{rel}: {other} alternate {url} is not a built page")
    assert not problems, "\n".join(problems)


def _visit(page, server, rel):
    sitemaps = []
    page.on("request", lambda r: r.url.endswith("sitemap.xml") and sitemaps.append(r.url))
    page.goto(server + rel)
    page.wait_for_load_state("networkidle")
    return sitemaps


def test_alternates_cause_no_sitemap_fetch(page_factory, server):
    for rel in ["transformer/", "en/transformer/", "", "en/"]:
        page = page_factory()
        sitemaps = _visit(page, server, rel)
        assert page.evaluate("[...document.querySelectorAll('link[hreflang]')]"
                             ".filter(l => l.relList.contains('alternate')).length") == 3, rel
        assert page.evaluate("document.querySelectorAll('link[rel=alternate]').length") == 0, rel
        assert all(url in (server + "sitemap.xml", server + "en/sitemap.xml") for url in sitemaps), sitemaps
        assert not page.problems, page.problems


def test_the_plain_form_would_fetch_a_missing_sitemap(page_factory, server):
    """The control: the same links written rel="alternate" make Material ask for
    transformer/sitemap.xml, which does not exist (so the test above can fail)."""
    page = page_factory()
    page.route(server + "transformer/", lambda route: route.fulfill(
        response=route.fetch(),
        body=route.fetch().text().replace('rel="alternate "', 'rel="alternate"')))
    sitemaps = _visit(page, server, "transformer/")
    # (the site URL's host: the test build's absolute URLs point at SITE_URL's default)
    assert any(url.endswith("/transformer/sitemap.xml") for url in sitemaps), sitemaps

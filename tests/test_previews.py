"""Link previews (llmbook-previews): Open Graph and Twitter card tags on every page, with
the page's canonical URL, language and a 1200x630 preview PNG that exists in the site."""
from __future__ import annotations

import struct

import pytest

from conftest import LANGUAGES, SLUGS, page_path, soup
from llmbook import previews


def png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_link_preview_tags(site, lang):
    problems = []
    site_url = soup(site, "index.html").select_one("link[rel=canonical]")["href"]
    for slug in ["index", *SLUGS]:
        rel = page_path(lang, slug)
        html = soup(site, rel)
        meta = {m.get("property") or m.get("name"): m["content"]
                for m in html.select("meta[property^='og:'], meta[name^='twitter:']")}
        canonical = html.select_one("link[rel=canonical]")["href"]
        h1 = html.select_one("h1")
        for label in h1.select(".chapter-label"):   # "3장" above the title: not part of it
            label.decompose()
        title = h1.get_text(strip=True).rstrip("¶")
        description = html.select_one("meta[name=description]")["content"]
        expect = {"og:url": canonical, "og:locale": previews.og_locale(lang), "og:description": description,
                  "twitter:card": "summary_large_image", "og:image:width": "1200", "og:image:height": "630"}
        for key, value in expect.items():
            if meta.get(key) != value:
                problems.append(f"{rel}: {key} is {meta.get(key)!r}, not {value!r}")
        if title not in meta.get("og:title", "") and slug != "index":
            problems.append(f"{rel}: og:title {meta.get('og:title')!r} is not the page title {title!r}")
        if meta.get("og:locale:alternate") not in [previews.og_locale(o) for o in LANGUAGES if o != lang]:
            problems.append(f"{rel}: og:locale:alternate {meta.get('og:locale:alternate')!r}")
        image = meta.get("og:image", "")
        if not image.startswith(site_url) or meta.get("twitter:image") != image:
            problems.append(f"{rel}: og:image {image!r} is not under the site URL {site_url}")
            continue
        path = site / image[len(site_url):]
        if not path.is_file():
            problems.append(f"{rel}: preview image {path} missing")
        elif png_size(path) != (1200, 630):
            problems.append(f"{rel}: preview image is {png_size(path)}, not 1200x630")
        if not meta.get("og:image:alt"):
            problems.append(f"{rel}: no og:image:alt")
    assert not problems, "\n".join(problems)


def test_preview_images_differ_by_language(site):
    ko = site / "assets" / "previews" / LANGUAGES[0] / "transformer.png"
    en = site / "assets" / "previews" / LANGUAGES[1] / "transformer.png"
    assert ko.read_bytes() != en.read_bytes()


def test_missing_font_is_a_clear_error(tmp_path):
    with pytest.raises(previews.PreviewError, match=r"no-such-font\.ttc.*fonts-noto-cjk"):
        previews.render(str(tmp_path / "x.png"), book="B", label="", title="T", footer="f",
                        font=str(tmp_path / "no-such-font.ttc"), font_index=0, cache_dir=None)


def test_render_caches_by_content(tmp_path):
    font = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
    args = dict(book="LLM 교과서", label="3장", title="어텐션과 트랜스포머", footer="example.org",
                font=font, font_index=1, cache_dir=str(tmp_path / "cache"))
    assert previews.render(str(tmp_path / "a.png"), **args) is True
    assert previews.render(str(tmp_path / "b.png"), **args) is False
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    assert previews.render(str(tmp_path / "c.png"), **{**args, "title": "다른 제목"}) is True
    assert png_size(tmp_path / "c.png") == (1200, 630)

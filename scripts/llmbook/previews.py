"""Link previews: Open Graph and Twitter card tags for a page's ``<head>`` and the
preview image they point at, a 1200 x 630 PNG (the size Facebook, KakaoTalk, Slack,
Discord and X expect for large previews) drawn with Pillow from the book's title and the
page's title, with a system font (no network, no service).

Images are cached by a hash of everything drawn (texts, colours, font file, size and
this module's ``VERSION``), so an unchanged page costs a file copy.
"""
from __future__ import annotations

import hashlib
import html
import os
import shutil

WIDTH, HEIGHT = 1200, 630
VERSION = "1"
BACKGROUND = "#1a237e"
ACCENT = "#f48fb1"
TEXT = "#ffffff"
MUTED = "#c5cae9"
OG_LOCALES = {"ko": "ko_KR", "en": "en_US"}


class PreviewError(Exception):
    pass


def og_locale(lang: str) -> str:
    return OG_LOCALES.get(lang, lang)


def head_tags(*, title: str, description: str, url: str, site_name: str, lang: str,
              other_langs: list[str], image_url: str, image_alt: str, kind: str) -> str:
    """The ``<meta property="og:…">`` and ``<meta name="twitter:…">`` tags of one page."""
    tags = [
        ("property", "og:type", kind),
        ("property", "og:site_name", site_name),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:locale", og_locale(lang)),
        *[("property", "og:locale:alternate", og_locale(o)) for o in other_langs],
        ("property", "og:image", image_url),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", str(WIDTH)),
        ("property", "og:image:height", str(HEIGHT)),
        ("property", "og:image:alt", image_alt),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", image_url),
        ("name", "twitter:image:alt", image_alt),
    ]
    return "".join(f'<meta {attr}="{key}" content="{html.escape(value, quote=True)}">\n'
                   for attr, key, value in tags if value)


def _wrap(draw, text: str, font, width: int) -> list[str]:
    """Lines of ``text`` no wider than ``width``: broken at spaces (Korean words stay
    whole), a word longer than a line broken by characters."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width:
            line = trial
            continue
        if line:
            lines.append(line)
        line = ""
        for ch in word:
            if draw.textlength(line + ch, font=font) > width and line:
                lines.append(line)
                line = ""
            line += ch
    if line:
        lines.append(line)
    return lines


def _font(path: str, index: int, size: int):
    from PIL import ImageFont
    try:
        return ImageFont.truetype(path, size, index=index)
    except OSError as err:
        raise PreviewError(f"cannot open the preview font {path} (index {index}): {err}; "
                           f"install it (Debian: apt-get install fonts-noto-cjk) or set "
                           f"llmbook-previews' font in mkdocs.yml") from None


def render(dest: str, *, book: str, label: str, title: str, footer: str, font: str, font_index: int,
           cache_dir: str | None, subtitle: str = "") -> bool:
    """Write the preview PNG to ``dest``; True when drawn, False when copied from the cache."""
    if not os.path.exists(font):
        raise PreviewError(f"the preview font {font} does not exist; install it (Debian: apt-get "
                           f"install fonts-noto-cjk) or set llmbook-previews' font in mkdocs.yml")
    stat = os.stat(font)
    key = hashlib.sha256("\0".join([VERSION, book, label, title, subtitle, footer, font, str(font_index),
                                    str(stat.st_size), BACKGROUND, ACCENT, TEXT, MUTED]).encode()).hexdigest()[:24]
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    cached = os.path.join(cache_dir, f"{key}.png") if cache_dir else None
    if cached and os.path.exists(cached):
        shutil.copyfile(cached, dest)
        return False
    try:
        from PIL import Image, ImageDraw
    except ImportError:
        raise PreviewError("link previews need Pillow (pip install Pillow, pinned in requirements.txt)") from None
    img = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(img)
    left, right = 80, WIDTH - 80
    draw.rectangle([0, 0, 24, HEIGHT], fill=ACCENT)
    draw.text((left, 64), book, font=_font(font, font_index, 40), fill=MUTED)
    y = 190
    if label:
        draw.text((left, y), label, font=_font(font, font_index, 40), fill=ACCENT)
        y += 70
    size = 72
    while True:
        big = _font(font, font_index, size)
        lines = _wrap(draw, title, big, right - left)
        if len(lines) <= 3 or size <= 44:
            break
        size -= 6
    for line in lines[:4]:
        draw.text((left, y), line, font=big, fill=TEXT)
        y += int(size * 1.3)
    if subtitle:
        small = _font(font, font_index, 34)
        for line in _wrap(draw, subtitle, small, right - left)[:3]:
            draw.text((left, y + 10), line, font=small, fill=MUTED)
            y += 48
    draw.text((left, HEIGHT - 90), footer, font=_font(font, font_index, 30), fill=MUTED)
    img.save(dest, "PNG", optimize=True)
    if cached:
        os.makedirs(cache_dir, exist_ok=True)
        shutil.copyfile(dest, cached)
    return True

"""Old URLs keep working after a page is renamed, in both languages.

``docs/_data/redirects.yml`` maps an old slug to the page that replaced it::

    attention-is-all-you-need: transformer        # old slug: new slug (or new-slug#section)

For every entry the build writes ``/<old>/`` and ``/en/<old>/``, small pages that send the
reader (and any ``#section`` of the old link) to the new page of the same language, with a
canonical link and a plain link for browsers without JavaScript (template
``llmbook/redirect.html``, words from the ``redirects:`` UI strings). mkdocs-redirects is
not used because it does not know about the language trees: with mkdocs-static-i18n's
folder structure its redirect maps fail (https://github.com/mkdocs/mkdocs-redirects/issues/63,
open; the suffix structure is https://github.com/mkdocs/mkdocs-redirects/issues/33).
This module can go when mkdocs-redirects writes one redirect per language.
"""
from __future__ import annotations

import os
import re

from . import datafile

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
class RedirectError(datafile.DataFileError):
    pass


def load(path: str, slugs: set[str]) -> tuple[dict[str, str], list[str]]:
    """(old slug -> new target, problems). A missing file means no redirects."""
    if not os.path.exists(path):
        return {}, []
    try:
        data = datafile.load(path, dict, "a mapping of old slug to new slug")
    except datafile.DataFileError as err:
        raise RedirectError(str(err)) from None
    data.pop("__line__", None)
    problems = []
    with open(path, encoding="utf-8") as fh:
        text_lines = fh.read().splitlines()
    for old, new in data.items():
        line = next((i for i, l in enumerate(text_lines, 1) if l.split(":")[0].strip() == str(old)), 0)
        at = f"{path}:{line}"
        new_slug = str(new).split("#")[0]
        if not SLUG.match(str(old)):
            problems.append(f"{at}: '{old}' is not a slug")
        elif old in slugs:
            problems.append(f"{at}: '{old}' is still a page; a redirect would hide it")
        if new_slug not in slugs:
            problems.append(f"{at}: redirect target '{new}' is not a page")
    return {str(k): str(v) for k, v in data.items()}, problems


def write(site_dir: str, redirects: dict[str, str], folders: dict[str, str], strings: dict, templates) -> int:
    """Write the redirect pages of every language: ``folders`` maps a language to its
    folder of the built site ('' for the default language); ``strings`` maps it to its
    ``redirects:`` UI strings; the page is the ``redirect.html`` template."""
    template = templates.get_template("llmbook/redirect.html")
    count = 0
    for lang, lang_dir in folders.items():
        for old, new in redirects.items():
            slug, _, section = new.partition("#")
            target = f"../{slug}/" + (f"#{section}" if section else "")
            folder = os.path.join(site_dir, lang_dir, old)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as fh:
                fh.write(template.render(lang=lang, t=strings[lang], target=target) + "\n")
            count += 1
    return count

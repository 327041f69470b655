"""Minify the site's own stylesheets and scripts in the built site, so that every page's
first view transfers fewer bytes (comments and layout whitespace are most of what they
weigh). The work is done by rcssmin and rjsmin (PyPI, pinned in requirements.txt), which
remove comments and whitespace only: no renaming, no rewriting. The sources in docs/
stay commented; only the copies in the built site change."""
from __future__ import annotations

import glob
import os

import rcssmin
import rjsmin


class MinifyError(Exception):
    pass


def minify_text(name: str, text: str) -> str:
    """``text`` minified by the kind its file ``name`` ends with (.css or .js)."""
    if name.endswith(".css"):
        return rcssmin.cssmin(text)
    if name.endswith(".js"):
        return rjsmin.jsmin(text)
    raise MinifyError(f"{name}: only .css and .js files can be minified")


def expand(site_dir: str, patterns: list[str]) -> list[str]:
    """The built files each pattern (a path under the site, with glob wildcards) names;
    a pattern that names no file is an error, so a renamed file is never skipped silently."""
    found: list[str] = []
    for pattern in patterns:
        matches = sorted(glob.glob(os.path.join(site_dir, pattern)))
        if not matches:
            raise MinifyError(f"minify: '{pattern}' matches no file in the built site")
        for path in matches:
            if path not in found:
                found.append(path)
    return found


def minify_files(paths: list[str]) -> tuple[int, int]:
    """Minify each file in place; returns the total size before and after (bytes)."""
    before = after = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        small = minify_text(path, text)
        before += len(text.encode("utf-8"))
        after += len(small.encode("utf-8"))
        with open(path, "w", encoding="utf-8") as f:
            f.write(small)
    return before, after

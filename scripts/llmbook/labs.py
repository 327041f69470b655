"""Interactive labs: the MkDocs-free core of their build step.

A lab is a ``<div data-lab="NAME"></div>`` in a page's Markdown and a folder
``docs/assets/labs/NAME/`` holding its ES module ``lab.js`` (and usually a Web Worker).
The build

* fills each lab placeholder with its start control, in the page's language, and adds the
  tiny loader ``assets/labs/loader.js`` (a deferred module script, fetched at low priority) to pages that have a
  lab (``expand_placeholders``);
* copies the third-party code a lab needs from ``node_modules`` into the built site, as
  listed in the manifest ``docs/_data/labs.yml`` (``copy_vendor``); only the files that
  the listed entry modules import, found by following their static imports;
* writes the data a lab derives from a package with a Node generator (the tokenizer's
  vocabularies, ``vocabularies:`` in the manifest), cached in ``.cache/labs/`` by the
  package's version and the generator's hash (``generate_vocabularies``);
* writes the labs' UI strings, ``overrides/strings/<lang>.yml`` under ``labs:``, as
  ``assets/labs/strings.<lang>.json`` after checking that every language has every key
  (``load_strings``, ``write_strings``);
* puts a Content-Security-Policy ``<meta>`` into every built HTML page, with the hashes
  of that page's inline scripts computed from the built HTML itself (``write_csp``).

Every problem names the file (and line where there is one).
"""
from __future__ import annotations

import base64
import gzip
import hashlib
import html
import json
import os
import posixpath
import re
import shutil
import subprocess

import yaml

LOADER = "assets/labs/loader.js"
STRINGS_OUT = "assets/labs/strings.{lang}.json"


class LabError(ValueError):
    """A problem that stops the build; the message names the file (and line)."""


# --------------------------------------------------------------------------- manifest

def load_manifest(path: str) -> dict:
    """``{lab: {vendor: [{package, version, from, to, entries, files}], uses,
    vocabularies: {package, generator, encodings, to}}}`` from ``docs/_data/labs.yml``.

    ``version`` is the exact version that package.json pins; ``files`` are copied from
    the package's root (its licence), ``entries`` from ``from`` with their imports;
    ``vocabularies`` are written by a Node ``generator`` (``generate_vocabularies``).
    """
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
    except FileNotFoundError:
        raise LabError(f"{path}: the lab manifest is missing") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise LabError(f"{path}:{mark.line + 1 if mark else 1}: malformed YAML") from None
    if not isinstance(data, dict):
        raise LabError(f"{path}:1: expected a mapping of lab names")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    for lab, spec in data.items():
        line = _line(text, f"{lab}:")
        if not isinstance(spec, dict):
            raise LabError(f"{path}:{line}: lab '{lab}' must be a mapping")
        uses = spec.get("uses", [])
        if not isinstance(uses, list) or not all(isinstance(u, str) and u for u in uses):
            raise LabError(f"{path}:{line}: lab '{lab}': uses must be a list of folder names")
        for shared in uses:
            if not os.path.isdir(os.path.join(os.path.dirname(os.path.dirname(path)), "assets", "labs", shared)):
                raise LabError(f"{path}:{line}: lab '{lab}' uses docs/assets/labs/{shared}/, which is missing")
        for vendor in spec.get("vendor", []):
            missing = [k for k in ("package", "version", "from", "to", "entries") if k not in vendor]
            if missing:
                raise LabError(f"{path}:{line}: lab '{lab}': vendor entry lacks {', '.join(missing)}")
        vocab = spec.get("vocabularies")
        if vocab is not None:
            found = re.compile(r"^\s+vocabularies:", re.M).search(text, text.find(f"{lab}:"))
            line = text.count("\n", 0, found.start()) + 1 if found else line
            missing = [k for k in ("package", "generator", "encodings", "to") if k not in (vocab or {})]
            if missing:
                raise LabError(f"{path}:{line}: lab '{lab}': vocabularies lacks {', '.join(missing)}")
            encodings = vocab["encodings"]
            if not isinstance(encodings, list) or not encodings or \
                    not all(isinstance(e, str) and re.fullmatch(r"[a-z0-9_]+", e) for e in encodings):
                raise LabError(f"{path}:{line}: lab '{lab}': vocabularies.encodings must be a list of encoding names")
    return data


def _line(text: str, needle: str) -> int:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}/[^"']+)["']""")


def module_closure(root: str, entries: list[str]) -> list[str]:
    """Paths (relative to ``root``, POSIX) of ``entries`` and every module they import
    through relative static imports (``import … from "./x.js"``, ``import "./x.js"``,
    ``export … from``), sorted. A missing module raises LabError."""
    seen: set[str] = set()
    todo = [posixpath.normpath(e) for e in entries]
    while todo:
        rel = todo.pop()
        if rel in seen:
            continue
        path = os.path.join(root, *rel.split("/"))
        if not os.path.isfile(path):
            raise LabError(f"{path}: module is missing (imported by the lab's vendor entries)")
        seen.add(rel)
        with open(path, encoding="utf-8") as fh:
            source = fh.read()
        for spec in IMPORT.findall(source):
            todo.append(posixpath.normpath(posixpath.join(posixpath.dirname(rel), spec)))
    return sorted(seen)


def _package_json_pins(project: str) -> dict:
    with open(os.path.join(project, "package.json"), encoding="utf-8") as fh:
        return json.load(fh).get("dependencies", {})


def _installed(project: str, lab: str, name: str, version: str) -> str:
    """The package's folder in node_modules; a LabError saying to run ``npm ci`` when it
    is missing or not at ``version``."""
    package = os.path.join(project, "node_modules", name)
    try:
        with open(os.path.join(package, "package.json"), encoding="utf-8") as fh:
            installed = json.load(fh).get("version")
    except FileNotFoundError:
        installed = None
    if installed != version:
        found = f"version {installed} is installed" if installed else "it is not installed"
        raise LabError(f"node_modules/{name}: lab '{lab}' needs {name} {version} but {found}; "
                       "run `npm ci` in the repository to install the pinned packages")
    return package


def vendor_files(manifest: dict, project: str) -> dict[str, list[tuple[str, str]]]:
    """``{lab: [(source path, site-relative destination)]}`` of the third-party files each
    lab needs from ``project/node_modules``. Fails with a message that says to run
    ``npm ci`` when a package is missing or not at the pinned version, and when the
    manifest's version is not the one package.json pins."""
    pins = _package_json_pins(project)
    out: dict[str, list[tuple[str, str]]] = {}
    for lab, spec in manifest.items():
        out[lab] = []
        for vendor in spec.get("vendor", []):
            name, version = vendor["package"], str(vendor["version"])
            if pins.get(name) != version:
                raise LabError(f"docs/_data/labs.yml: lab '{lab}' needs {name} {version}, "
                               f"but package.json pins {pins.get(name)!r}: make them agree")
            package = _installed(project, lab, name, version)
            source = os.path.join(package, vendor["from"])
            files = [(os.path.join(source, *rel.split("/")), f"{vendor['to']}/{rel}")
                     for rel in module_closure(source, vendor["entries"])]
            files += [(os.path.join(package, f), f"{vendor['to']}/{f}") for f in vendor.get("files", [])]
            for src, _rel in files:
                if not os.path.isfile(src):
                    raise LabError(f"{src}: missing; run `npm ci` in the repository")
            out[lab] += files
    return out


def _generator_hash(project: str, generator: str) -> str:
    """sha256 of the generator and every module it imports (relative imports)."""
    digest = hashlib.sha256()
    for rel in module_closure(project, [generator]):
        with open(os.path.join(project, *rel.split("/")), "rb") as fh:
            digest.update(rel.encode() + b"\0" + fh.read() + b"\0")
    return digest.hexdigest()


def generate_vocabularies(manifest: dict, project: str, cache_dir: str,
                          node: str | None = None) -> dict[str, list[tuple[str, str]]]:
    """``{lab: [(file in the cache, site-relative destination)]}`` of each lab's
    ``vocabularies`` (labs.yml): ``<to>/<encoding>.bin`` for each encoding, written by
    ``node <generator> node_modules/<package> OUT_DIR <encoding>...``, which checks what
    it writes against the package's own arrays. Kept in ``cache_dir`` under a key of the
    package's version, the encodings and the hash of the generator and the modules it
    imports, so that a build whose inputs did not change runs no Node at all. A missing
    package, a missing Node or a failed generation raises LabError naming the command."""
    pins = _package_json_pins(project)
    out: dict[str, list[tuple[str, str]]] = {}
    for lab, spec in manifest.items():
        vocab = spec.get("vocabularies")
        if not vocab:
            continue
        name, generator, encodings = vocab["package"], vocab["generator"], vocab["encodings"]
        if name not in pins:
            raise LabError(f"docs/_data/labs.yml: lab '{lab}' builds vocabularies from {name}, "
                           "which package.json does not pin")
        package = _installed(project, lab, name, pins[name])
        if not os.path.isfile(os.path.join(project, generator)):
            raise LabError(f"{generator}: missing (the generator of lab '{lab}' in docs/_data/labs.yml)")
        key = hashlib.sha256("\n".join([name, pins[name], *encodings, _generator_hash(project, generator)])
                             .encode()).hexdigest()[:16]
        folder = os.path.join(cache_dir, f"{lab}-{name}-{pins[name]}-{key}")
        files = [f"{e}.bin" for e in encodings]
        if not all(os.path.isfile(os.path.join(folder, f)) for f in files):
            _run_generator(project, generator, package, folder, encodings, node, stale=f"{lab}-{name}-")
        out[lab] = [(os.path.join(folder, f), f"{vocab['to']}/{f}") for f in files]
    return out


def _run_generator(project, generator, package, folder, encodings, node=None, stale=None):
    """Run the generator into ``folder`` (through a temporary folder); then remove the
    other cache folders whose names start with ``stale`` (older keys)."""
    node = node or shutil.which("node")
    command = f"node {generator} {os.path.relpath(package, project)} OUT_DIR {' '.join(encodings)}"
    if not node:
        raise LabError(f"{generator}: needs Node.js to write the lab's vocabularies, and `node` is not "
                       "on PATH: install Node.js (the README's setup), then run `npm ci`")
    tmp = f"{folder}.tmp{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        done = subprocess.run([node, os.path.join(project, generator), package, tmp, *encodings],
                              cwd=project, capture_output=True, text=True)
        if done.returncode != 0:
            lines = [ln for ln in (done.stderr or done.stdout).strip().splitlines()   # no stack frames
                     if ln.strip() and not ln.startswith("    at ")]
            tail = "\n".join(lines[:8])
            raise LabError(f"{generator}: writing the lab's vocabularies failed (exit {done.returncode}):\n"
                           f"{tail}\nRun `{command}` in the repository to see it (after `npm ci` if a "
                           "package is missing).")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(os.path.dirname(folder), exist_ok=True)
        try:
            os.replace(tmp, folder)
        except OSError:   # another build wrote the same folder meanwhile: keep it if whole
            if not all(os.path.isfile(os.path.join(folder, f"{e}.bin")) for e in encodings):
                raise
        for old in os.listdir(os.path.dirname(folder)) if stale else ():
            if old.startswith(stale) and old != os.path.basename(folder) and ".tmp" not in old:
                shutil.rmtree(os.path.join(os.path.dirname(folder), old), ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def copy_vendor(files: dict[str, list[tuple[str, str]]], site_dir: str) -> int:
    """Copy what ``vendor_files`` listed into ``site_dir``; returns the number of files."""
    count = 0
    for pairs in files.values():
        for src, rel in pairs:
            dest = os.path.join(site_dir, *rel.split("/"))
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            shutil.copyfile(src, dest)
            count += 1
    return count


def gzip_size(path: str) -> int:
    with open(path, "rb") as fh:
        return len(gzip.compress(fh.read(), 9))


def start_bytes(assets_dir: str, lab: str, vendor: list[tuple[str, str]], uses=(),
                generated: list[tuple[str, str]] = ()) -> int:
    """Compressed (gzip -9) bytes of the scripts a reader fetches when the lab starts:
    the lab's own folder under ``assets_dir`` (docs/assets/labs), the shared helpers and
    its vendor modules, plus every file of the shared folders it ``uses`` (labs.yml; e.g.
    a model's weights), plus its ``generated`` files as they are (already compressed,
    served as binary). What the start button tells the reader."""
    total = 0
    for shared in uses:
        for folder, _dirs, names in os.walk(os.path.join(assets_dir, shared)):
            total += sum(gzip_size(os.path.join(folder, n)) for n in names)
    for folder, _dirs, names in os.walk(os.path.join(assets_dir, lab)):
        total += sum(gzip_size(os.path.join(folder, n)) for n in names if n.endswith((".js", ".json")))
    common = os.path.join(assets_dir, "common.js")
    if os.path.isfile(common):
        total += gzip_size(common)
    total += sum(os.path.getsize(src) for src, _rel in generated)
    return total + sum(gzip_size(src) for src, rel in vendor if rel.endswith(".js"))


# --------------------------------------------------------------------------- strings

def _flatten(node, prefix: str = "") -> dict[str, tuple[str, int]]:
    """{dotted key: (string, line)} from a composed YAML mapping node."""
    out: dict[str, tuple[str, int]] = {}
    for key_node, value in node.value:
        key = f"{prefix}{key_node.value}"
        if isinstance(value, yaml.MappingNode):
            out.update(_flatten(value, key + "."))
        elif isinstance(value, yaml.ScalarNode):
            out[key] = (value.value, key_node.start_mark.line + 1)
        else:
            raise LabError(f"line {key_node.start_mark.line + 1}: '{key}' must be text or a mapping")
    return out


def load_strings(paths: dict[str, str]) -> dict[str, dict]:
    """``{lang: nested labs strings}`` from ``{lang: path of overrides/strings/<lang>.yml}``.

    Every language must have the same keys under ``labs:``; a key missing in one file is
    an error naming that file and the line where the other language defines it.
    """
    flat: dict[str, dict[str, tuple[str, int]]] = {}
    nested: dict[str, dict] = {}
    for lang, path in paths.items():
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            root = yaml.compose(text)
        except FileNotFoundError:
            raise LabError(f"{path}: the strings file for '{lang}' is missing") from None
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            raise LabError(f"{path}:{mark.line + 1 if mark else 1}: malformed YAML") from None
        labs = None
        if isinstance(root, yaml.MappingNode):
            labs = next((v for k, v in root.value if k.value == "labs"), None)
        if not isinstance(labs, yaml.MappingNode):
            raise LabError(f"{path}:1: no 'labs:' mapping")
        try:
            flat[lang] = _flatten(labs)
        except LabError as err:
            raise LabError(f"{path}:{str(err)[5:]}") from None
        nested[lang] = yaml.safe_load(text)["labs"]
    langs = list(paths)
    problems = []
    for lang in langs:
        for other in langs:
            for key, (_text, line) in flat[other].items():
                if key not in flat[lang]:
                    problems.append(f"{paths[lang]}: missing key 'labs.{key}' "
                                    f"(defined in {paths[other]}:{line})")
        for key, (value, line) in flat[lang].items():
            if not value.strip():
                problems.append(f"{paths[lang]}:{line}: 'labs.{key}' is empty")
    if problems:
        raise LabError("\n".join(problems))
    return nested


def write_strings(strings: dict[str, dict], site_dir: str) -> list[str]:
    written = []
    for lang, data in strings.items():
        rel = STRINGS_OUT.format(lang=lang)
        dest = os.path.join(site_dir, *rel.split("/"))
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        written.append(rel)
    return written


# --------------------------------------------------------------------------- pages

PLACEHOLDER = re.compile(r'<div data-lab="([a-z0-9-]+)">\s*</div>')


def format_size(size: int, lang: str) -> str:
    mb = size / 1_000_000
    return f"{mb:.1f} MB" if mb >= 0.1 else f"{round(size / 1000)} kB"


def expand_placeholders(html_text: str, page_url: str, lang: str, strings: dict,
                        sizes: dict[str, int], labs: set[str],
                        problem=None) -> str:
    """Replace each ``<div data-lab="NAME"></div>`` with the lab's root: a heading-free
    region with its title, what it loads (with the size) and the start button, hidden
    until the loader runs (without JavaScript the page's static text is the lab's
    fallback). Adds the loader once to a page that has a lab. ``problem(message)`` is
    called for an unknown lab name."""
    found = False

    def fill(match: re.Match) -> str:
        nonlocal found
        name = match.group(1)
        if name not in labs:
            if problem:
                problem(f"unknown lab '{name}' (known: {', '.join(sorted(labs))})")
            return match.group(0)
        found = True
        s = strings[lang]
        lab = s.get(name, {})
        size = format_size(sizes.get(name, 0), lang)
        esc = html.escape
        return (
            f'<div class="lab" data-lab="{name}" role="region" aria-label="{esc(lab["title"])}" '
            f'data-lab-failed="{esc(s["common"]["failed"])}" hidden>'
            f'<p class="lab__title"><strong>{esc(lab["title"])}</strong></p>'
            f'<p class="lab__intro">{esc(lab["intro"])}</p>'
            f'<p class="lab__start"><button type="button" class="md-button md-button--primary" data-lab-start>'
            f'{esc(s["common"]["start"])}</button> '
            f'<span class="lab__size">{esc(s["common"]["loads"].format(size=size))}</span></p>'
            f'</div>'
        )

    out = PLACEHOLDER.sub(fill, html_text)
    if found:
        prefix = "../" * page_url.count("/")
        # A module script is fetched at high priority, and Lighthouse's simulation then
        # counts it as blocking the first paint (about 150 ms of FCP on every page with a
        # lab); the loader only waits for a click, so it asks for low priority.
        out += f'\n<script type="module" src="{prefix}{LOADER}" fetchpriority="low"></script>'
    return out


# --------------------------------------------------------------------------- CSP

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
DATA_TYPES = re.compile(r"""\btype\s*=\s*["']?(application/(?:ld\+)?json|text/template)""", re.I)

POLICY = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


def inline_script_hashes(page: str) -> list[str]:
    """CSP source expressions (``'sha256-…'``) for every executable inline script."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(page):
        attrs = match.group("attrs") or ""
        if re.search(r"\bsrc\s*=", attrs, re.I) or DATA_TYPES.search(attrs):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        token = f"'sha256-{base64.b64encode(digest).decode()}'"
        if token not in hashes:
            hashes.append(token)
    return hashes


def policy_for(page: str) -> str:
    hashes = inline_script_hashes(page)
    return POLICY.format(hashes="".join(" " + h for h in hashes))


CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)
EXISTING = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')


def add_csp(page: str, path: str = "page") -> str:
    """The page with its CSP ``<meta>`` right after ``<meta charset>`` (before any script,
    so that the policy covers all of them)."""
    page = EXISTING.sub("", page)
    match = CHARSET.search(page)
    if not match:
        raise LabError(f"{path}: no <meta charset> to put the Content-Security-Policy after")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(page)}">'
    return page[:match.end()] + meta + page[match.end():]


def write_csp(site_dir: str) -> int:
    """Add the policy to every ``.html`` file under ``site_dir``; returns how many."""
    count = 0
    for folder, _dirs, names in os.walk(site_dir):
        for name in names:
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as fh:
                page = fh.read()
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(add_csp(page, path))
            count += 1
    return count

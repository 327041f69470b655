"""Upkeep checks, offline: the workflows use actions by full commit SHA and keep their
least permissions, the hash-checked Python locks match the exact pins they were generated
from, the npm lock matches package.json, and one weekly Dependabot group covers every
ecosystem. Each check is a function over text, exercised on the repository's files and on
a bad example (so that none of them can pass vacuously)."""
from __future__ import annotations

import hashlib
import json
import os
import pathlib
import re

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"

# The permissions each job may have. A job that asks for a scope not listed here, or for
# `write` where `read` is listed, widens its permissions: change this table only together
# with the workflow, in a reviewed pull request that says why.
ALLOWED_PERMISSIONS = {
    "pages.yml": {
        "test": {"contents": "read"},
        "build": {"contents": "read", "pages": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
    },
    "external-links.yml": {
        "check": {"contents": "read"},
    },
    "early-warning.yml": {
        "within-pins": {"contents": "read"},
        "newest-upstream": {"contents": "read"},
    },
}

# lock file -> the input files it is generated from, in the order scripts/lock.sh hashes them.
LOCKS = {
    "requirements.lock": ["requirements.txt"],
    "requirements-test.lock": ["requirements.txt", "requirements-test.txt"],
}

SHA_PIN = re.compile(
    r"""^\s*(?:-\s+)?uses:\s*['"]?(?P<action>[^@\s'"]+)@(?P<ref>[^\s'"#]+)['"]?"""
    r"""(?:\s+#\s*(?P<comment>\S.*))?$""")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# ---------------------------------------------------------------- actions by SHA

def action_pin_problems(text: str, name: str = "workflow") -> list[str]:
    """Every `uses:` names a full 40-hex commit SHA with the release in a comment
    (`uses: actions/checkout@<sha> # v7.0.1`); local actions (`./...`) are exempt."""
    problems = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not re.match(r"^\s*(?:-\s+)?uses:", line):
            continue
        if re.match(r"""^\s*(?:-\s+)?uses:\s*['"]?\./""", line):
            continue  # an action in this repository
        m = SHA_PIN.match(line)
        if not m:
            problems.append(f"{name}:{lineno}: cannot read `{line.strip()}`")
            continue
        action, ref = m["action"], m["ref"]
        if not re.fullmatch(r"[0-9a-f]{40}", ref):
            problems.append(f"{name}:{lineno}: {action}@{ref} is not pinned to a full "
                            f"40-hex commit SHA (a tag or branch can be moved)")
        elif not (m["comment"] and re.match(r"v?\d", m["comment"])):
            problems.append(f"{name}:{lineno}: {action}@{ref} has no `# vX.Y.Z` comment "
                            f"naming the release the SHA belongs to")
    return problems


def workflow_files() -> list[pathlib.Path]:
    files = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
    assert files, f"no workflows in {WORKFLOWS}"
    return files


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_actions_pinned_to_commit_sha(path):
    assert action_pin_problems(path.read_text(encoding="utf-8"), path.name) == []


def test_action_pin_check_catches_tags():
    bad = ("steps:\n"
           "  - uses: actions/checkout@v4\n"
           "  - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020\n"
           "  - uses: actions/setup-python@5fda3b9 # v7.0.0\n"
           "  - uses: ./local-action\n"
           "  - uses: actions/deploy-pages@cd2ce8fcbc39b97be8ca5fce6e763baed58fa128 # v5.0.0\n")
    problems = action_pin_problems(bad, "bad.yml")
    assert [p.split(":")[1] for p in problems] == ["2", "3", "4"], problems
    assert "actions/checkout@v4 is not pinned" in problems[0]
    assert "no `# vX.Y.Z` comment" in problems[1]


# ---------------------------------------------------------------- permissions

LEVEL = {"none": 0, "read": 1, "write": 2}


def permission_problems(workflow: dict, allowed: dict, name: str = "workflow") -> list[str]:
    """Top-level `permissions: {}`; every job declares its permissions, and none asks for
    more than the allowlist gives it."""
    problems = []
    if workflow.get("permissions", None) != {}:
        problems.append(f"{name}: top-level permissions must be `{{}}` (each job declares "
                        f"its own), found {workflow.get('permissions')!r}")
    for job_id, job in (workflow.get("jobs") or {}).items():
        if job_id not in allowed:
            problems.append(f"{name}: job `{job_id}` is not in ALLOWED_PERMISSIONS "
                            f"(tests/test_upkeep.py): add it with the least it needs")
            continue
        perms = job.get("permissions")
        if not isinstance(perms, dict):
            problems.append(f"{name}: job `{job_id}` must declare `permissions:` as a mapping, "
                            f"found {perms!r}")
            continue
        for scope, level in perms.items():
            limit = allowed[job_id].get(scope, "none")
            if LEVEL.get(level, 99) > LEVEL[limit]:
                problems.append(f"{name}: job `{job_id}` widens `{scope}` to {level!r} "
                                f"(allowed: {limit!r})")
    return problems


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_job_permissions_do_not_widen(path):
    assert path.name in ALLOWED_PERMISSIONS, (
        f"{path.name}: new workflow: add its jobs to ALLOWED_PERMISSIONS in tests/test_upkeep.py")
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert permission_problems(workflow, ALLOWED_PERMISSIONS[path.name], path.name) == []


def test_permission_check_catches_widening():
    workflow = yaml.safe_load(
        "permissions: {contents: write}\n"
        "jobs:\n"
        "  test: {permissions: {contents: write}}\n"
        "  build: {permissions: {contents: read, pages: write}}\n"
        "  deploy: {}\n"
        "  extra: {permissions: {contents: read}}\n"
        "  lint: {permissions: write-all}\n")
    allowed = {"test": {"contents": "read"}, "build": {"contents": "read", "pages": "read"},
               "deploy": {"pages": "write"}, "lint": {"contents": "read"}}
    problems = permission_problems(workflow, allowed, "bad.yml")
    assert len(problems) == 6, problems
    assert any("job `test` widens `contents` to 'write'" in p for p in problems)
    assert any("job `build` widens `pages`" in p for p in problems)
    assert any("job `extra` is not in ALLOWED_PERMISSIONS" in p for p in problems)
    assert any("job `lint` must declare" in p for p in problems)


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_workflows_need_no_secrets(path):
    """A fork's first run works without settings: no secret, no repository variable, and
    never the privileged pull_request_target trigger."""
    text = path.read_text(encoding="utf-8")
    for needle in ("secrets.", "vars.", "pull_request_target"):
        assert needle not in text, f"{path.name} uses `{needle}`"


# ---------------------------------------------------------------- Python locks

def read_pins(path: pathlib.Path, seen: set | None = None) -> dict[str, tuple[str, str]]:
    """{normalised name: (version, 'file:line')} of a requirements file and the files it
    includes with `-r`; every requirement must be pinned exactly (name==version)."""
    seen = set() if seen is None else seen
    pins = {}
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        where = f"{path.name}:{lineno}"
        if line.startswith(("-r ", "--requirement ")):
            included = path.parent / line.split(None, 1)[1]
            if included not in seen:
                seen.add(included)
                pins.update(read_pins(included, seen))
            continue
        m = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.+!-]+)", line)
        assert m, f"{where}: `{line}` is not an exact pin (name==version)"
        pins[_norm(m[1])] = (m[2], where)
    return pins


def read_lock(text: str) -> dict[str, list[tuple[str, str, list[str]]]]:
    """{normalised name: [(version, marker, hashes), ...]} of a hash-checked lock file
    (a name can appear once per environment marker)."""
    entries: dict[str, list] = {}
    current = None
    for line in text.splitlines():
        m = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+?)(?:\s*;\s*(.*?))?\s*\\?$", line)
        if m:
            current = (m[2], (m[3] or "").strip(), [])
            entries.setdefault(_norm(m[1]), []).append(current)
            continue
        h = re.match(r"^\s+--hash=(sha256:[0-9a-f]{64})", line)
        if h and current is not None:
            current[2].append(h[1])
    return entries


def inputs_digest(inputs: list[str], root: pathlib.Path = ROOT) -> str:
    return hashlib.sha256(b"".join((root / f).read_bytes() for f in inputs)).hexdigest()


def lock_problems(lock_name: str, lock_text: str, inputs: list[str],
                  root: pathlib.Path = ROOT) -> list[str]:
    """The lock is fresh against its inputs: its header records the inputs' hash, every
    exact pin appears in it at the same version, and every entry carries hashes."""
    fix = "run `bash scripts/lock.sh` and commit the result"
    problems = []
    m = re.search(r"^# inputs-sha256: ([0-9a-f]{64})$", lock_text, re.M)
    if not m:
        problems.append(f"{lock_name}: no `# inputs-sha256:` header line; {fix}")
    elif m[1] != inputs_digest(inputs, root):
        problems.append(f"{lock_name}: {' + '.join(inputs)} changed since the lock was "
                        f"generated; {fix}")
    locked = read_lock(lock_text)
    if not locked:
        problems.append(f"{lock_name}: no pinned packages")
    pins = {}
    for name in inputs:
        pins.update(read_pins(root / name))
    for name, (version, where) in pins.items():
        versions = {v for v, _, _ in locked.get(name, [])}
        if not versions:
            problems.append(f"{where}: {name}=={version} is missing from {lock_name}; {fix}")
        elif versions != {version}:
            problems.append(f"{where}: {name}=={version} but {lock_name} has "
                            f"{', '.join(sorted(versions))}; {fix}")
    for name, entries in locked.items():
        for version, _, hashes in entries:
            if not hashes:
                problems.append(f"{lock_name}: {name}=={version} has no --hash")
    return problems


@pytest.mark.parametrize("lock_name", sorted(LOCKS))
def test_lock_is_fresh(lock_name):
    text = (ROOT / lock_name).read_text(encoding="utf-8")
    assert lock_problems(lock_name, text, LOCKS[lock_name]) == []


def test_site_lock_is_part_of_test_lock():
    """serve.sh and test.sh install the same version and files of every site package."""
    site = read_lock((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    test = read_lock((ROOT / "requirements-test.lock").read_text(encoding="utf-8"))
    for name, entries in site.items():
        assert sorted(test.get(name, [])) == sorted(entries), (
            f"{name}: requirements.lock and requirements-test.lock differ; "
            f"run `bash scripts/lock.sh`")
    extra = set(test) - set(site)
    assert {"pytest", "playwright", "beautifulsoup4", "bpe-openai"} <= extra


def test_lock_check_catches_stale_locks(tmp_path):
    (tmp_path / "requirements.txt").write_text("mkdocs==1.6.1\nPyYAML==6.0.3\n")
    digest = inputs_digest(["requirements.txt"], tmp_path)
    fresh = (f"# inputs-sha256: {digest}\n"
             "mkdocs==1.6.1 \\\n    --hash=sha256:" + "a" * 64 + "\n"
             "pyyaml==6.0.3 \\\n    --hash=sha256:" + "b" * 64 + "\n")
    assert lock_problems("r.lock", fresh, ["requirements.txt"], tmp_path) == []
    # a pin bumped without regenerating the lock
    (tmp_path / "requirements.txt").write_text("mkdocs==1.6.2\nPyYAML==6.0.3\n")
    problems = lock_problems("r.lock", fresh, ["requirements.txt"], tmp_path)
    assert any("changed since the lock was generated" in p for p in problems), problems
    assert any("requirements.txt:1: mkdocs==1.6.2 but r.lock has 1.6.1" in p
               for p in problems), problems
    # a new pin, and a lock entry without hashes
    (tmp_path / "requirements.txt").write_text("mkdocs==1.6.1\nPyYAML==6.0.3\nrich==14.0.0\n")
    nohash = fresh.replace("    --hash=sha256:" + "b" * 64 + "\n", "")
    problems = lock_problems("r.lock", nohash, ["requirements.txt"], tmp_path)
    assert any("rich==14.0.0 is missing from r.lock" in p for p in problems), problems
    assert any("pyyaml==6.0.3 has no --hash" in p for p in problems), problems
    # an inexact pin
    (tmp_path / "requirements.txt").write_text("mkdocs>=1.6\n")
    with pytest.raises(AssertionError, match=r"requirements.txt:1: `mkdocs>=1.6` is not an exact pin"):
        lock_problems("r.lock", fresh, ["requirements.txt"], tmp_path)


def test_installs_are_hash_checked():
    """The scripts install Python packages only from the locks in hash-checking mode and
    npm packages only from package-lock.json."""
    venv = (ROOT / "scripts" / "venv.sh").read_text(encoding="utf-8")
    installs = [line.strip() for line in venv.splitlines()
                if re.search(r"\bpip install\b", line) and not line.lstrip().startswith("#")]
    assert installs, "scripts/venv.sh installs nothing with pip"
    for line in installs:
        assert "--require-hashes" in line or "--no-deps -e ." in line, line
    for name in ("venv.sh", "serve.sh", "test.sh", "build.sh", "lock.sh"):
        text = (ROOT / "scripts" / name).read_text(encoding="utf-8")
        code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        assert not re.search(r"\bnpm (install|i)\b", code), f"scripts/{name}: use `npm ci`"
        assert not re.search(r"pip install (?!.*(--require-hashes|--no-deps -e \.))", code), (
            f"scripts/{name}: a pip install outside the hash-checked locks")
    for name in ("serve.sh", "test.sh", "build.sh"):
        text = (ROOT / "scripts" / name).read_text(encoding="utf-8")
        assert "llmbook_npm_ci" in text and "llmbook_pip_lock requirements" in text, name


# ---------------------------------------------------------------- npm lock

def test_npm_lock_matches_package_json():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock.get("lockfileVersion", 0) >= 2
    root = lock["packages"][""]
    for kind in ("dependencies", "devDependencies"):
        for name, spec in package.get(kind, {}).items():
            assert re.fullmatch(r"\d+\.\d+\.\d+", spec), (
                f"package.json: {name} must be pinned exactly, found {spec!r}")
            assert root.get(kind, {}).get(name) == spec, (
                f"package-lock.json is stale for {name}: run `npm install --package-lock-only`")
            assert lock["packages"][f"node_modules/{name}"]["version"] == spec, name
    for key, entry in lock["packages"].items():
        if key and not entry.get("link"):
            assert entry.get("integrity", "").startswith("sha512-"), (
                f"package-lock.json: {key} has no sha512 integrity")


# ---------------------------------------------------------------- Dependabot

def test_dependabot_one_weekly_group_for_every_ecosystem():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    groups = config.get("multi-ecosystem-groups", {})
    assert len(groups) == 1, "one multi-ecosystem group: one pull request a week"
    (group_name, group), = groups.items()
    assert group["schedule"]["interval"] == "weekly"
    ecosystems = {}
    for update in config["updates"]:
        assert update.get("multi-ecosystem-group") == group_name, update
        assert update.get("patterns") == ["*"], update
        ecosystems[update["package-ecosystem"]] = update["directory"]
    assert ecosystems == {"pip": "/", "npm": "/", "github-actions": "/"}


# ---------------------------------------------------------------- the MkDocs 2 banner

def test_only_the_real_banner_variable():
    """MkDocs reads NO_MKDOCS_2_WARNING; no package reads the name the README once gave."""
    wrong = "DISABLE_" + "MKDOCS_2_WARNING"
    skip = {".git", "node_modules", ".venv", "site", "__pycache__", ".pytest_cache"}
    hits = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in skip]
        for file in files:
            path = pathlib.Path(folder, file)
            if path.suffix not in {".md", ".py", ".sh", ".yml", ".yaml", ".toml", ".txt", ""}:
                continue
            try:
                if wrong in path.read_text(encoding="utf-8"):
                    hits.append(str(path.relative_to(ROOT)))
            except UnicodeDecodeError:
                continue
    assert hits == []

# Shared by scripts/build.sh, build_pdf.sh, lock.sh, serve.sh and test.sh (sourced, not run).
# Creates and activates the project's virtual environment in .venv/ and installs the
# hash-checked Python lock and the npm lock into it. Nothing is installed outside the
# repository except, only when missing, Debian/Ubuntu packages through apt-get (with
# sudo when not root): python3-venv (to create .venv) and nodejs/npm.
#
# Debian 12 and current Ubuntu refuse `pip install` outside a virtual environment
# (externally-managed-environment); everything here runs inside .venv/ instead.

# The Python versions the lock is resolved for (`uv pip compile --python-version`).
# Debian 12's python3 is 3.11.2 (pymdown-extensions is pinned to 12.3 for it: 13.x needs 3.11.5).
LLMBOOK_MIN_PYTHON="3.11"

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
export NO_MKDOCS_2_WARNING=1

llmbook_sudo() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# apt-get install the given Debian/Ubuntu packages (one `apt-get update` per run).
llmbook_apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: missing $*; install it with your system's package manager and rerun" >&2
    return 1
  fi
  if [ -z "${LLMBOOK_APT_UPDATED:-}" ]; then
    echo "apt-get: installing $*" >&2
    llmbook_sudo apt-get update -qq
    LLMBOOK_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive llmbook_sudo apt-get install -y -qq "$@" >/dev/null
}

# sha256 of a file (GNU coreutils or macOS).
llmbook_sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$@"; else shasum -a 256 "$@"; fi | cut -d' ' -f1
}

# Print the Python interpreter to create .venv with: $PYTHON if set (it must be new
# enough), else the first new enough of python3, python3.13, python3.12.
llmbook_find_python() {
  local candidate candidates=(python3 python3.13 python3.12)
  [ -n "${PYTHON:-}" ] && candidates=("$PYTHON")
  for candidate in "${candidates[@]}"; do
    command -v "$candidate" >/dev/null 2>&1 || continue
    if "$candidate" -c "import sys; m = tuple(map(int, '$LLMBOOK_MIN_PYTHON'.split('.'))); sys.exit(sys.version_info[:3] < m)" 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  echo "error: this project needs Python $LLMBOOK_MIN_PYTHON or newer;" >&2
  echo "  found: $("${candidates[0]}" --version 2>&1 || echo "no ${candidates[0]}"). Install a newer Python" >&2
  echo "  (e.g. your distribution's python3.11 or pyenv) and rerun with PYTHON=/path/to/python3" >&2
  return 1
}

# Create .venv/ if missing and put it first on PATH.
llmbook_venv() {
  if [ ! -x .venv/bin/python ]; then
    local python
    python="$(llmbook_find_python)" || return 1
    echo "Creating the virtual environment .venv/ with $("$python" --version 2>&1) ($python)" >&2
    if ! "$python" -m venv .venv 2>/dev/null; then
      # Debian and Ubuntu ship venv's pip bootstrap separately (python3.X-venv).
      rm -rf .venv
      local ver
      ver="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
      llmbook_apt_install "python$ver-venv" || return 1
      "$python" -m venv .venv
    fi
  fi
  export VIRTUAL_ENV="$PWD/.venv"
  export PATH="$VIRTUAL_ENV/bin:$PATH"
  hash -r
}

# Install a lock file (requirements.lock or requirements-test.lock) in hash-checking
# mode, skipping the work when .venv already has exactly this lock.
llmbook_pip_lock() {
  local lock="$1" stamp digest
  stamp=".venv/.installed-$lock.sha256"
  digest="$(llmbook_sha256 "$lock")"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    python -m pip install --quiet --require-hashes -r "$lock"
    echo "$digest" > "$stamp"
  fi
}

# This repository's own package (MkDocs plugins as entry points): editable, without
# dependencies (they all come from the lock above).
llmbook_pip_project() {
  if grep -q '^\[project\]' pyproject.toml; then
    python -m pip install --quiet --no-deps -e .
  fi
}

# node_modules/ from package-lock.json only (`npm ci`), skipped when it is up to date.
llmbook_npm_ci() {
  if ! command -v npm >/dev/null 2>&1; then
    llmbook_apt_install nodejs npm || return 1
  fi
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# The Korean font the build draws the link-preview images with (llmbook-previews, font in
# mkdocs.yml) and the tests render pages with: Debian/Ubuntu's fonts-noto-cjk, if missing.
# (grep reads all of fc-list's output: `grep -q` would stop early and, under pipefail, the
# SIGPIPE it leaves fc-list with would read as "font missing".)
llmbook_fonts() {
  if ! fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; then
    llmbook_apt_install fonts-noto-cjk
  fi
}

# Debian's Chromium (Playwright's own browser download cannot work offline) and the Korean
# font (llmbook_fonts), so that the browser tests and the PDF render pages as a reader
# sees them; apt-get installs whichever is missing.
llmbook_browser() {
  if ! command -v chromium >/dev/null 2>&1; then
    llmbook_apt_install chromium
  fi
  llmbook_fonts
}

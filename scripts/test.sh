#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what the tests need, then runs
# pytest (unit tests, the strict build, built-HTML checks, link and parity checks, and
# the browser tests in Debian's headless Chromium). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

export DISABLE_MKDOCS_2_WARNING=true NO_MKDOCS_2_WARNING=1 PIP_DISABLE_PIP_VERSION_CHECK=1

python3 -m pip install --quiet -r requirements.txt

# Debian's Chromium (Playwright's own browser download cannot work offline) and a Korean
# font so that pages render as a reader sees them.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

# npm packages at the versions package-lock.json records: axe-core for the accessibility
# checks, and the labs' third-party code that the site build copies (docs/_data/labs.yml).
if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/gpt-tokenizer/package.json ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

exec python3 -m pytest "$@"

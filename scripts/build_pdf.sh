#!/usr/bin/env bash
# The book as one PDF per language, from a built site: installs what scripts/build_pdf.py
# needs (the test lock's Playwright and pypdf into .venv/, Debian's chromium and
# fonts-noto-cjk through apt-get if missing) and runs it:
#   bash scripts/build.sh --site-dir site && bash scripts/build_pdf.sh --site site
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh

llmbook_venv
llmbook_pip_lock requirements-test.lock
llmbook_pip_project
llmbook_browser

exec python scripts/build_pdf.py "$@"

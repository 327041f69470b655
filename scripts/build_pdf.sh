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
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; then
  llmbook_apt_install chromium fonts-noto-cjk
fi

exec python scripts/build_pdf.py "$@"

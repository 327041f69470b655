#!/usr/bin/env bash
# Install what the site build needs into .venv/ (as scripts/serve.sh does) and build the
# site strictly: `bash scripts/build.sh --site-dir site` (arguments go to `mkdocs build`).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh

llmbook_venv
llmbook_pip_lock requirements.lock
llmbook_pip_project
llmbook_npm_ci
llmbook_fonts

exec mkdocs build --strict "$@"

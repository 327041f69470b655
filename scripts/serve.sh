#!/usr/bin/env bash
# Install what the site build needs into .venv/ and serve the site at
# http://127.0.0.1:8000/ (arguments go to `mkdocs serve`, e.g. `-a 0.0.0.0:8000`).
#
#   1. .venv/: created if missing (apt-get installs python3.X-venv if needed);
#   2. the Python lock requirements.lock, hash-checked (pip --require-hashes);
#   3. this repository's package, editable, without dependencies;
#   4. node_modules/ from package-lock.json (`npm ci`): the build copies from it.
# The test dependencies (requirements-test.lock) are not installed: scripts/test.sh adds them.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh

llmbook_venv
llmbook_pip_lock requirements.lock
llmbook_pip_project
llmbook_npm_ci
llmbook_fonts

exec mkdocs serve "$@"

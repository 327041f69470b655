#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what the tests need into .venv/,
# then runs pytest (unit tests, the strict build, built-HTML checks, link and parity
# checks, and the browser tests in Debian's headless Chromium). Arguments go to pytest
# (`bash scripts/test.sh -k glossary`); the exit code is pytest's, unchanged.
#
#   1. .venv/: created if missing (apt-get installs python3.X-venv if needed);
#   2. the Python lock requirements-test.lock (the site's lock plus the test tools),
#      hash-checked (pip --require-hashes);
#   3. this repository's package, editable, without dependencies;
#   4. Debian's chromium and fonts-noto-cjk through apt-get (sudo when not root) if missing;
#   5. node_modules/ from package-lock.json (`npm ci`): axe-core, and what the build copies.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh

llmbook_venv
llmbook_pip_lock requirements-test.lock
llmbook_pip_project
llmbook_browser   # Debian's chromium and fonts-noto-cjk (scripts/venv.sh)
llmbook_npm_ci

exec python -m pytest "$@"

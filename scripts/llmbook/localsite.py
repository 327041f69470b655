"""The built site on loopback and Debian's headless Chromium, as the tests, benchmarks,
screenshots and PDF script use them (no MkDocs; Playwright is imported by the caller).

Chromium runs as root here, so it needs ``--no-sandbox``; without the background-
networking flags it tries hosts this machine cannot reach, many at a time."""
from __future__ import annotations

import functools
import http.server
import os
import threading

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request."""

    def log_message(self, *args):
        pass


def serve(directory, handler=QuietHandler):
    """Serve ``directory`` on a free loopback port in a daemon thread; returns
    (server, base URL ending in '/'). Call ``server.shutdown()`` when done."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def launch(playwright, **kwargs):
    """Debian's Chromium, headless, through Playwright (its own browser download cannot
    work offline)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, **kwargs)

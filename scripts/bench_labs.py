"""Lab budgets: what starting the tokenizer lab costs, in Debian's headless Chromium,
with the site served locally with gzip as GitHub Pages serves it.

    python3 scripts/bench_labs.py                 # builds the site, prints the figures
    python3 scripts/bench_labs.py --site site     # use an existing build
    python3 scripts/bench_labs.py --runs 30       # keystrokes to time (median)

Prints: bytes fetched when the lab starts (transferred, compressed), per encoding (its
vocabulary file) and in total; the time from the start click to the lab's first result
without throttling (median of --starts fresh browser contexts: fetching, decoding the
vocabularies and the first tokenizing); the median time from a keystroke to the
redrawn lab for a 2,000-character text, with 4x CPU throttling (CDP
Emulation.setCPUThrottlingRate on the page and on the worker), split into the worker's
tokenizing time and the whole update; and the JS heap after start (page and worker).
Targets: at most about 1.5 MB compressed for all three encodings; at most 50 ms per
keystroke. Not a test: figures depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench_lighthouse import serve  # noqa: E402  (gzip server like GitHub Pages)
from llmbook.localsite import launch  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
ENCODINGS = ("r50k_base", "cl100k_base", "o200k_base")
THROTTLE = 4
# 2,000 characters of mixed Korean and English prose (the corpus' long text, cut).
TEXT = json.loads((ROOT / "tests" / "data" / "tokenizer" / "corpus.json").read_text(encoding="utf-8"))[-1][:2000]


def build() -> pathlib.Path:
    out = pathlib.Path(tempfile.mkdtemp(prefix="bench-labs-")) / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return out


def owner(path: str) -> str:
    """Which encoding a fetched file belongs to ('shared' for the rest): its vocabulary
    (assets/labs/tokenizer/vocab/<name>.bin; gpt-tokenizer's own <name>.js modules in
    builds before the vocabularies were generated)."""
    for name in ENCODINGS:
        if path.endswith(f"/tokenizer/vocab/{name}.bin") or (path.endswith(f"/{name}.js") and "/vendor/" in path):
            return name
    return "shared"


# Records when the lab shows its first result (data-lab-updates appears on its root).
WATCH_FIRST_RESULT = """
new MutationObserver((changes, observer) => {
  if (document.querySelector('[data-lab=tokenizer][data-lab-updates]')) {
    window.__firstResult = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-lab-updates']});
"""


def start_lab(browser, base: str, fetched: list | None = None):
    """A fresh context (empty cache) on the chapter; clicks the lab's start button and
    waits for its first result. Returns (page, ms from the click to the first result,
    lab files requested before the click)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    if fetched is not None:
        def finished(request):
            if "/assets/labs/" in request.url and "loader.js" not in request.url:
                fetched.append((request.url, request.sizes()["responseBodySize"]))
        page.on("requestfinished", finished)
    page.goto(base + "en/language-models/")
    page.wait_for_load_state("networkidle")
    before = len(fetched) if fetched is not None else 0
    page.evaluate(WATCH_FIRST_RESULT)
    page.evaluate("() => { window.__clicked = performance.now(); "
                  "document.querySelector('[data-lab=tokenizer] [data-lab-start]').click(); }")
    page.wait_for_selector('[data-lab="tokenizer"][data-lab-updates]', timeout=120000)
    page.wait_for_function("() => window.__firstResult !== undefined")
    return page, page.evaluate("() => window.__firstResult - window.__clicked"), before


class WorkerCDP:
    """CDP commands to the lab's dedicated worker, through the browser session
    (Target.sendMessageToTarget), since Playwright opens sessions to pages only."""

    def __init__(self, browser_session, target_id: str):
        self.cdp = browser_session
        self.answers: dict[int, dict] = {}
        self.cdp.on("Target.receivedMessageFromTarget", self._receive)
        self.session = self.cdp.send("Target.attachToTarget", {"targetId": target_id, "flatten": False})["sessionId"]
        self.next = 0

    def _receive(self, event):
        message = json.loads(event["message"])
        if "id" in message:
            self.answers[message["id"]] = message

    def send(self, page, method: str, params: dict | None = None) -> dict:
        self.next += 1
        ident = self.next
        self.cdp.send("Target.sendMessageToTarget", {"sessionId": self.session, "message": json.dumps(
            {"id": ident, "method": method, "params": params or {}})})
        for _ in range(200):
            if ident in self.answers:
                return self.answers.pop(ident).get("result", {})
            page.wait_for_timeout(25)
        raise TimeoutError(method)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=pathlib.Path, help="an existing build (default: build one)")
    parser.add_argument("--runs", type=int, default=25, help="keystrokes to time")
    parser.add_argument("--starts", type=int, default=5, help="lab starts to time (fresh contexts)")
    args = parser.parse_args()
    site = args.site or build()

    from playwright.sync_api import sync_playwright

    httpd, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = launch(p)
            fetched: list[tuple[str, int]] = []
            starts = []
            for _ in range(max(1, args.starts) - 1):
                other, ms, _ = start_lab(browser, base)
                starts.append(ms)
                other.close()
            page, ms, before_start = start_lab(browser, base, fetched)
            starts.append(ms)
            page.wait_for_load_state("networkidle")

            per: dict[str, int] = {name: 0 for name in (*ENCODINGS, "shared")}
            for url, size in fetched:
                per[owner(url)] += size
            total = sum(per.values())
            print(f"lab requests before start: {before_start}")
            print("bytes fetched on start (gzip, as transferred):")
            for name in (*ENCODINGS, "shared"):
                print(f"  {name:<12} {per[name] / 1e6:6.3f} MB")
            print(f"  {'total':<12} {total / 1e6:6.3f} MB  ({len(fetched)} files; goal <= ~1.5 MB)")
            print(f"start click to first result, no throttling, median of {len(starts)}: "
                  f"{statistics.median(starts):.0f} ms (min {min(starts):.0f}, max {max(starts):.0f})")

            page_cdp = page.context.new_cdp_session(page)
            browser_cdp = browser.new_browser_cdp_session()
            worker_target = next(t["targetId"] for t in browser_cdp.send("Target.getTargets")["targetInfos"]
                                 if t["type"] == "worker" and "tokenizer/worker.js" in t["url"])
            worker = WorkerCDP(browser_cdp, worker_target)
            heap_page = page_cdp.send("Runtime.getHeapUsage")["usedSize"]
            heap_worker = worker.send(page, "Runtime.getHeapUsage").get("usedSize", 0)
            print(f"JS heap after start: page {heap_page / 1e6:.1f} MB, worker {heap_worker / 1e6:.1f} MB, "
                  f"total {(heap_page + heap_worker) / 1e6:.1f} MB")

            # The pointer leaves the lab (it clicked the start button): a phone has no pointer
            # hovering over the chips, whose hover state the browser would re-test each frame.
            page.mouse.move(0, 0)
            page_cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
            worker.send(page, "Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
            area = page.locator('[data-lab="tokenizer"] textarea')
            area.fill(TEXT)
            page.wait_for_function(
                "() => document.querySelector('[data-lab=tokenizer]').dataset.labUpdates > 1", timeout=60000)
            for where, key in (("at the end", "Control+End"), ("at the start", "Control+Home")):
                whole, in_worker = [], []
                area.focus()
                page.keyboard.press(key)
                for i in range(args.runs):
                    seen = int(page.get_attribute('[data-lab="tokenizer"]', "data-lab-updates"))
                    page.keyboard.press("a" if i % 2 == 0 else "Backspace")
                    page.wait_for_function(
                        "n => Number(document.querySelector('[data-lab=tokenizer]').dataset.labUpdates) > n",
                        arg=seen, timeout=60000)
                    root = page.locator('[data-lab="tokenizer"]')
                    whole.append(float(root.get_attribute("data-lab-update-ms")))
                    in_worker.append(float(root.get_attribute("data-lab-worker-ms")))
                print(f"re-tokenize {len(TEXT)} characters after a keystroke {where}, {THROTTLE}x CPU "
                      f"throttling, median of {args.runs}:")
                print(f"  worker (three encodings) {statistics.median(in_worker):6.1f} ms")
                print(f"  keystroke to redrawn lab {statistics.median(whole):6.1f} ms  (goal <= 50 ms)")
            browser.close()
    finally:
        httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark the tiny-model labs in Chromium (prints budgets; not a timed test).

For the next-token lab (language-models) and the attention lab (transformer):
  - lab requests made before the reader starts the lab (must be only the loader);
  - bytes fetched when the lab starts (as served, and gzip -9 as a static host would
    compress them);
  - median time from a keystroke to the redrawn next-token distribution (or attention
    grid) for a prompt that fills the whole context, with 4x CPU throttling
    (Emulation.setCPUThrottlingRate), over 21 runs; and the worker's own time.

Run: python3 scripts/bench_labs_model.py [--site-dir DIR]   (builds into a temp dir if omitted)
"""
import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from llmbook.localsite import launch, serve

ROOT = Path(__file__).resolve().parents[1]
RUNS = 21
FULL = ("언어 모델은 지금까지의 글을 보고 다음 토큰의 확률 분포를 계산합니다. "
        "A language model predicts the next token.")
LABS = (("next-token", "language-models"), ("attention", "transformer"))


def build(site_dir):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                   cwd=ROOT, env=env, check=True, capture_output=True)


def measure(browser, base, site, lab, slug, throttle):
    ctx = browser.new_context(viewport={"width": 375, "height": 800})
    page = ctx.new_page()
    seen = []
    page.on("requestfinished", lambda r: seen.append(r.url))
    page.goto(base + "en/" + slug + "/")
    page.wait_for_load_state("networkidle")
    before = [u.split(base, 1)[1] for u in seen if "/assets/labs/" in u]
    seen.clear()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    root = page.locator(f'[data-lab="{lab}"]')
    root.locator("[data-lab-start]").click()
    page.wait_for_selector(f'[data-lab="{lab}"][data-lab-updates]', timeout=120000)
    page.wait_for_load_state("networkidle")
    files = sorted({u.split(base, 1)[1].split("?")[0] for u in seen if u.startswith(base)})
    raw = sum((site / f).stat().st_size for f in files if (site / f).is_file())
    packed = sum(len(gzip.compress((site / f).read_bytes(), 9)) for f in files if (site / f).is_file())
    times, worker = [], []
    for i in range(RUNS):
        text = FULL[i % 7:] + FULL[: i % 7]   # a different full-context prompt each time
        ms = page.evaluate("""async ([lab, text]) => {
          const root = document.querySelector(`[data-lab="${lab}"]`);
          const input = root.querySelector('[name="prompt"]');
          const done = new Promise((resolve) => {
            const obs = new MutationObserver(() => { obs.disconnect(); resolve(performance.now()); });
            obs.observe(root, { attributes: true, attributeFilter: ['data-lab-updates'] });
          });
          const t0 = performance.now();
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return (await done) - t0;
        }""", [lab, text])
        times.append(ms)
        worker.append(float(root.get_attribute("data-lab-worker-ms")))
    heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
    ctx.close()
    return {"before": before, "files": files, "raw": raw, "gzip": packed,
            "median_ms": statistics.median(times), "worker_ms": statistics.median(worker),
            "max_ms": max(times), "heap": heap}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--site-dir", type=Path)
    ap.add_argument("--throttle", type=float, default=4.0)
    a = ap.parse_args()
    tmp = None
    site = a.site_dir
    if site is None:
        tmp = tempfile.TemporaryDirectory()
        site = Path(tmp.name) / "site"
        build(site)
    httpd, base = serve(site)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = launch(p)
        for lab, slug in LABS:
            r = measure(browser, base, site, lab, slug, a.throttle)
            print(f"{lab} lab ({slug}), CPU throttled {a.throttle:g}x, full 64-token context:")
            print(f"  lab files fetched before start: {', '.join(r['before']) or 'none'}")
            print(f"  fetched on start: {len(r['files'])} files, {r['raw'] / 1000:.1f} kB as served, "
                  f"{r['gzip'] / 1000:.1f} kB gzip -9")
            print(f"  keystroke to redrawn result: median {r['median_ms']:.1f} ms (max {r['max_ms']:.1f}) "
                  f"over {RUNS} runs; worker forward pass median {r['worker_ms']:.1f} ms")
            print(f"  JS heap after use: {r['heap'] / 1e6:.1f} MB")
        browser.close()
    httpd.shutdown()
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()

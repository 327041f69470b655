"""Search lands on the right chapter: every query of tests/data/search_queries.yml runs
through Material's own search worker (the site's real search engine, with the site's real
per-language index) in Chromium, and each language must reach hit@3 >= 95% and hit@1 >= 80%
with no result from the other language and no result without a snippet.
scripts/bench_search.py types the same queries into the search box, as a reader does."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("bench_search", ROOT / "scripts" / "bench_search.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_search"] = bench
_spec.loader.exec_module(bench)

QUERIES = bench.load_queries()

RUN = """async ([worker, index, queries]) => {
  const w = new Worker(worker);
  const call = msg => new Promise(resolve => { w.onmessage = e => resolve(e.data); w.postMessage(msg); });
  await call({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  const out = [];
  for (const q of queries) {
    const r = await call({type: 2, data: q});
    out.push(r.data.items.map(group => ({location: group[0].location,
                                         text: group.map(i => i.text || '').join(' ')})));
  }
  w.terminate();
  return out;
}"""


def test_the_query_set_is_large_and_names_real_chapters():
    chapters = {p.stem for p in (ROOT / "docs" / "ko").glob("*.md")}
    for lang, rows in QUERIES.items():
        assert len(rows) >= 60, lang
        for query, pages in rows:
            assert set(pages) <= chapters, (lang, query, pages)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_search_lands_on_the_chapter_that_teaches_the_query(page_factory, server, site, lang):
    page = page_factory()
    prefix = bench.LANG_PREFIX[lang]
    page.goto(server + prefix)
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    index = page.evaluate(f"fetch('{server}{prefix}search/search_index.json').then(r => r.json())")
    results = page.evaluate(RUN, [f"{server}assets/javascripts/workers/{worker.name}", index,
                                  [q for q, _ in QUERIES[lang]]])
    ranks, misses, empty = [], [], []
    for (query, expected), groups in zip(QUERIES[lang], results):
        slugs = []
        for group in groups:
            slug = group["location"].split("#")[0].strip("/").split("/")[0] or "index"
            slugs.append(slug) if slug not in slugs else None
            if not group["text"].strip():
                empty.append(f"{query!r}: {group['location']}")
        rank = next((i + 1 for i, s in enumerate(slugs) if s in expected), None)
        ranks.append(rank)
        if rank is None or rank > 3:
            misses.append(f"{query!r}: want {'/'.join(expected)}, got {slugs[:4]}")
    n = len(ranks)
    hit1 = sum(r == 1 for r in ranks) / n
    hit3 = sum(1 for r in ranks if r and r <= 3) / n
    assert hit3 >= 0.95 and hit1 >= 0.80, f"{lang}: hit@1 {hit1:.1%}, hit@3 {hit3:.1%}; misses: {misses}"
    assert not empty, f"results without any text: {empty[:10]}"
    assert not page.problems, page.problems

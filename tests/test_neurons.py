"""Explain, simulate, score on the tiny model (scripts/neurons/): the committed data against
a fresh run on a sample, the summary against the data, the autoencoder's gradients
against finite differences, and the rule language. numpy only."""
import gzip
import json
import sys

import numpy as np
import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts" / "neurons"))
import pipeline  # noqa: E402
import rules  # noqa: E402

OUT = ROOT / "docs" / "assets" / "labs" / "neurons"


@pytest.fixture(scope="module")
def data():
    return json.loads((OUT / "units.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def summary():
    return json.loads((OUT / "summary.json").read_text(encoding="utf-8"))


def test_parse_and_simulate():
    assert rules.parse("fires on 'g' after 'in': 7; on '다'") == [("ing", 7.0), ("다", 10.0)]
    assert rules.parse("'니' 뒤의 '다': 3") == [("니다", 3.0)]
    assert rules.parse("'␣' 2\n“x”, ‘y’ = 12") == [(" ", 2.0), ("x", 10.0), ("y", 10.0)]
    assert rules.simulate([("ing", 7.0), ("g", 2.0)], "sing gag") == [0, 0, 0, 7, 0, 2, 0, 2]
    assert rules.pearson([1, 2, 3], [2, 4, 7]) == pytest.approx(np.corrcoef([1, 2, 3], [2, 4, 7])[0, 1])
    assert rules.pearson([1, 1, 1], [2, 4, 7]) is None          # constant: unscorable
    assert rules.score("", [("abc", [0, 5, 0])]) is None
    r = [("in", "g", 7.0), ("", "'", 3.0)]
    for lang in ("en", "ko"):
        assert rules.parse(rules.render(r, lang)) == [("ing", 7.0), ("'", 3.0)]


def test_sae_gradients_match_finite_differences():
    rng = np.random.default_rng(0)
    sae = pipeline.SAE(5, 8, seed=1)
    sae.b_e = rng.standard_normal(8) * 0.3
    sae.b_d = rng.standard_normal(5) * 0.1
    x = rng.standard_normal((7, 5))
    _, grads = sae.loss_and_grads(x, 0.05)
    for name, param in sae.params().items():
        for idx in [tuple(int(rng.integers(0, s)) for s in param.shape) for _ in range(6)]:
            old = param[idx]
            param[idx] = old + 1e-6
            up, _ = sae.loss_and_grads(x, 0.05)
            param[idx] = old - 1e-6
            down, _ = sae.loss_and_grads(x, 0.05)
            param[idx] = old
            assert grads[name][idx] == pytest.approx((up - down) / 2e-6, rel=1e-4, abs=1e-8), name


def test_fresh_sample_run_matches_committed(tmp_path, data):
    fresh, _ = pipeline.run(sample=6, out=tmp_path, log=lambda *a: None, sae=False)
    committed = {u["id"]: u for u in data["neurons"]}
    assert fresh["text"] == data["text"] and fresh["random"] == data["random"]
    for unit in fresh["neurons"]:
        assert unit == committed[unit["id"]], unit["id"]


def test_committed_explanations_and_scores_follow_from_the_data(data):
    w = data["window"]
    ex = lambda i: data["text"][i * w:(i + 1) * w]  # noqa: E731
    digits = lambda s: ["0123456789a".index(c) for c in s]  # noqa: E731
    for unit in data["neurons"][::7] + data["features"][::17]:
        expl = pipeline.explain([ex(i) for i in unit["explain"]], [digits(a) for a in unit["ae"]], pipeline.CONFIG)
        assert [[c, t, float(x)] for c, t, x in expl] == unit["rules"], unit["id"]
        s = rules.score(pipeline.as_rules(expl), [(ex(i), digits(a)) for i, a in zip(unit["score"], unit["as"])])
        assert (s is None and unit["auto"] is None) or s == pytest.approx(unit["auto"], abs=1e-6), unit["id"]


def test_summary_matches_data(data, summary):
    for kind in ("neurons", "features"):
        scores = [u["auto"] or 0.0 for u in data[kind]]
        got = summary[kind]
        assert got["units"] == len(scores)
        assert got["at_least_0_8"] == sum(s >= 0.8 for s in scores)
        assert got["unscorable"] == sum(u["auto"] is None for u in data[kind])
        assert got["mean"] == pytest.approx(np.mean(scores), abs=1e-4)
        assert sum(got["histogram"]) == len(scores)
    assert summary["sample"] is None
    assert summary["neurons"]["units"] == 256 and summary["features"]["units"] == pipeline.CONFIG["sae"]["features"]
    assert summary["features_beat_neurons"] == (summary["features"]["mean"] > summary["neurons"]["mean"])


def test_shipped_data_is_small(data):
    raw = (OUT / "units.json").read_bytes()
    assert len(gzip.compress(raw, 9)) < 300_000

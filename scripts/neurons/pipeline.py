"""Explain, simulate, score on the book's tiny model: its MLP neurons and the features of a
sparse autoencoder trained on the same layer (a miniature of Bills et al. 2023 and of
Bricken et al. 2023, with no model API). numpy only; MkDocs-free.

    nice -n 19 python3 scripts/neurons/pipeline.py            # writes docs/assets/labs/neurons/
    python3 scripts/neurons/pipeline.py --sample 24 --out /tmp/x  # a quick run on 24 units

Steps (README.md in this folder explains each):
1. record the hidden MLP activations of one layer on the held-out text (val.txt.gz);
2. per unit, choose excerpts (fixed 32-character windows): the top-activating ones and
   random ones, alternately held apart for explaining and for scoring; rescale each unit's
   activations to integers 0-10 (its largest activation -> 10, negatives -> 0);
3. explain with a token-lookup baseline (rules.py: the characters, with one or two
   characters of context, that carry the top activations);
4. simulate from the explanation alone and score by correlation on the scoring excerpts;
5. train a sparse autoencoder (hand-written gradients) on the same layer's activations on
   the training text, and explain, simulate and score its features with the same code.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")   # one thread: the same sums, hence the same numbers, everywhere

import argparse
import gzip
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "tinylm"))
sys.path.insert(0, str(HERE))
import model_np  # noqa: E402
import rules as R  # noqa: E402

OUT = ROOT / "docs" / "assets" / "labs" / "neurons"
DATA = ROOT / "scripts" / "tinylm" / "data"

CONFIG = {
    "layer": 1,            # 0-based: the model's second (last) MLP
    "window": 32,          # characters per excerpt
    "top": 10,             # top-activating windows per unit: even ranks explain, odd ranks score
    "random": 10,          # random windows (the same for every unit): first half explains
    "seed": 2023,
    "max_rules": 6,        # rules in an automatic explanation
    "min_gain": 0.005,     # a rule must raise the explaining correlation by this much
    "sae": {"features": 1024, "l1": 0.1, "steps": 2000, "batch": 1024, "lr": 1e-3,
            "train_chars": 96000, "seed": 7},
}
UNK = "\ufffd"   # what an out-of-vocabulary character (the model's <unk>) shows as
NO_QUOTE = set(";'\"‘’“”␣↵")


# ---------------------------------------------------------------------------- activations

def load_text(name):
    return gzip.decompress((DATA / name).read_bytes()).decode("utf-8")


def record(model, ids, layer, block=32):
    """Hidden MLP activations of `layer` for every position of ids: [n, d_mlp].

    Positions are computed in blocks of `block`, each with the `block` characters before it
    as context (so every position but the first block sees at least 32 characters)."""
    c = model.config["context"]
    assert 2 * block <= c
    out = np.zeros((len(ids), model.config["d_mlp"]))
    for b in range(0, len(ids), block):
        lo = max(0, b - block)
        acts = model.mlp_activations(ids[lo:b + block])[layer]
        out[b:b + block] = acts[b - lo:]
    return out


def token_text(model, ids):
    """One character per token (the <unk> token shows as U+FFFD)."""
    return "".join(UNK if i == 0 else model.vocab[i] for i in ids)


# ---------------------------------------------------------------------------- excerpts

def scale(acts, top):
    """Integers 0-10: acts / top * 10, rounded; negatives -> 0 (Bills et al. 2023)."""
    if top <= 0:
        return np.zeros(acts.shape, dtype=np.int64)
    return np.clip(np.rint(acts / top * 10), 0, 10).astype(np.int64)


def choose(acts, n_windows, cfg, random_windows):
    """(explaining windows, scoring windows) for one unit's activations [positions]."""
    w = cfg["window"]
    per_window = acts[: n_windows * w].reshape(n_windows, w).max(1)
    order = np.argsort(-per_window, kind="stable")
    taken = set(random_windows)
    top = [int(i) for i in order if int(i) not in taken][: cfg["top"]]
    half = cfg["random"] // 2
    return top[0::2] + random_windows[:half], top[1::2] + random_windows[half:]


# ---------------------------------------------------------------------------- explain

def candidates(texts, acts):
    """Candidate rules (context, target): every character of the explaining excerpts that
    has an activation, alone and after one or two characters of context."""
    seen = {}
    for text, a in zip(texts, acts):
        for i, v in enumerate(a):
            if v <= 0:
                continue
            for k in (0, 1, 2):
                if i - k < 0:
                    continue
                pat = text[i - k:i + 1]
                if NO_QUOTE & set(pat):
                    continue
                seen.setdefault((pat[:-1], pat[-1]), None)
    return list(seen)


def explain(texts, acts, cfg):
    """Token-lookup explanation: greedily add the rule (a character, maybe with context,
    at its mean activation where it occurs) that most raises the correlation on the
    explaining excerpts. Returns [(context, target, activation)]."""
    real = np.concatenate([np.asarray(a, float) for a in acts])
    cands = candidates(texts, acts)
    if not cands or real.std() == 0:
        return []
    # which positions each candidate fires on, and its activation there
    fires = np.zeros((len(cands), real.size), dtype=bool)
    for j, (ctx, tgt) in enumerate(cands):
        off = 0
        for text in texts:
            sim = R.simulate([(ctx + tgt, 1.0)], text)
            fires[j, off:off + len(text)] = np.asarray(sim) > 0
            off += len(text)
    weights = np.array([float(np.rint(real[f].mean())) for f in fires])
    chosen, current, best = [], np.zeros(real.size), 0.0
    rc = real - real.mean()
    for _ in range(cfg["max_rules"]):
        sims = np.where(fires, np.maximum(current, weights[:, None]), current)
        sc = sims - sims.mean(1, keepdims=True)
        den = np.sqrt((sc ** 2).sum(1) * (rc ** 2).sum())
        with np.errstate(invalid="ignore", divide="ignore"):
            corr = np.where(den > 0, (sc @ rc) / np.where(den > 0, den, 1), -2.0)
        corr[weights <= 0] = -2.0
        j = int(np.argmax(corr))   # first of ties: candidates are in reading order
        if corr[j] < best + cfg["min_gain"]:
            break
        best = float(corr[j])
        current = sims[j]
        chosen.append((cands[j][0], cands[j][1], weights[j]))
    return chosen


def as_rules(explanation):
    return [(ctx + tgt, w) for ctx, tgt, w in explanation]


# ---------------------------------------------------------------------------- one layer of units

def evaluate_units(acts, text, cfg, names):
    """Explain, simulate and score every unit (column of acts [positions, units])."""
    w = cfg["window"]
    n_windows = len(text) // w
    rng = np.random.default_rng(cfg["seed"])
    random_windows = [int(i) for i in rng.choice(n_windows, cfg["random"], replace=False)]
    units = []
    for u, name in enumerate(names):
        a = acts[:, u]
        top = float(a.max())
        ints = scale(a, top)
        ex_w, sc_w = choose(a, n_windows, cfg, random_windows)
        ex_t = [text[i * w:(i + 1) * w] for i in ex_w]
        sc_t = [text[i * w:(i + 1) * w] for i in sc_w]
        ex_a = [ints[i * w:(i + 1) * w].tolist() for i in ex_w]
        sc_a = [ints[i * w:(i + 1) * w].tolist() for i in sc_w]
        expl = explain(ex_t, ex_a, cfg) if top > 0 else []
        s = R.score(as_rules(expl), list(zip(sc_t, sc_a)))
        units.append({"id": name, "max": round(top, 4), "explain": ex_w, "score": sc_w,
                      "acts_explain": ex_a, "acts_score": sc_a,
                      "rules": [[c, t, float(x)] for c, t, x in expl],
                      "auto": s, "random": random_windows})
    return units


# ---------------------------------------------------------------------------- sparse autoencoder

class SAE:
    """f = ReLU(W_e (x - b_d) + b_e), x_hat = W_d f + b_d, decoder rows of unit length.

    loss = mean over the batch of ||x - x_hat||^2 + l1 * sum_i f_i (the features' L1)."""

    def __init__(self, d, m, seed):
        rng = np.random.default_rng(seed)
        w = rng.standard_normal((m, d))
        self.W_d = w / np.linalg.norm(w, axis=1, keepdims=True)   # [m, d]: row i is feature i
        self.W_e = self.W_d.T.copy()                              # [d, m]
        self.b_e = np.zeros(m)
        self.b_d = np.zeros(d)

    def params(self):
        return {"W_e": self.W_e, "b_e": self.b_e, "W_d": self.W_d, "b_d": self.b_d}

    def encode(self, x):
        return np.maximum(0.0, (x - self.b_d) @ self.W_e + self.b_e)

    def loss_and_grads(self, x, l1):
        n, d = x.shape
        pre = (x - self.b_d) @ self.W_e + self.b_e
        f = np.maximum(0.0, pre)
        xh = f @ self.W_d + self.b_d
        err = xh - x
        loss = float((err ** 2).sum() / n + l1 * f.sum() / n)
        dxh = 2.0 * err / n
        g_W_d = f.T @ dxh
        g_b_d = dxh.sum(0)
        df = dxh @ self.W_d.T + l1 / n
        dpre = df * (pre > 0)
        g_W_e = (x - self.b_d).T @ dpre
        g_b_e = dpre.sum(0)
        g_b_d = g_b_d - (dpre @ self.W_e.T).sum(0)
        return loss, {"W_e": g_W_e, "b_e": g_b_e, "W_d": g_W_d, "b_d": g_b_d}


def train_sae(x, cfg, log=print):
    """Adam on minibatches; after each step the decoder rows are renormalised to length 1
    (with the gradient's component along each row removed first)."""
    c = cfg["sae"]
    rng = np.random.default_rng(c["seed"])
    sae = SAE(x.shape[1], c["features"], c["seed"])
    sae.b_d = x.mean(0)
    p = sae.params()
    m = {k: np.zeros_like(v) for k, v in p.items()}
    v = {k: np.zeros_like(v) for k, v in p.items()}
    b1, b2, eps = 0.9, 0.999, 1e-8
    history = []
    for step in range(1, c["steps"] + 1):
        batch = x[rng.integers(0, len(x), c["batch"])]
        loss, g = sae.loss_and_grads(batch, c["l1"])
        Wd = sae.W_d
        g["W_d"] = g["W_d"] - (g["W_d"] * Wd).sum(1, keepdims=True) * Wd
        lr = c["lr"] * min(1.0, step / 100)
        for k in p:
            m[k] = b1 * m[k] + (1 - b1) * g[k]
            v[k] = b2 * v[k] + (1 - b2) * g[k] ** 2
            p[k] -= lr * (m[k] / (1 - b1 ** step)) / (np.sqrt(v[k] / (1 - b2 ** step)) + eps)
        sae.W_d /= np.linalg.norm(sae.W_d, axis=1, keepdims=True)
        if step % 500 == 0 or step == c["steps"]:
            history.append((step, loss))
            log(f"  SAE step {step}: loss {loss:.5f}")
    return sae


def sae_stats(sae, x, l1):
    f = sae.encode(x)
    xh = f @ sae.W_d + sae.b_d
    mse = float(((xh - x) ** 2).mean())
    var = float(((x - x.mean(0)) ** 2).mean())
    alive = int((f.max(0) > 0).sum())
    return {"mse": round(mse, 6), "explained_variance": round(1 - mse / var, 4),
            "l0": round(float((f > 0).sum(1).mean()), 2), "alive": alive}


# ---------------------------------------------------------------------------- output

def summary_of(units):
    scores = [u["auto"] if u["auto"] is not None else 0.0 for u in units]
    bins = [0] * 10   # [-inf,0.1), [0.1,0.2), ... [0.9, 1]; unscorable counted in bin 0
    for s in scores:
        bins[min(9, max(0, int(np.floor(s * 10 + 1e-12))))] += 1
    return {"units": len(units), "unscorable": sum(u["auto"] is None for u in units),
            "at_least_0_8": int(sum(s >= 0.8 for s in scores)),
            "at_least_0_5": int(sum(s >= 0.5 for s in scores)),
            "mean": round(float(np.mean(scores)), 4), "median": round(float(np.median(scores)), 4),
            "histogram": bins}


def compact(units, prefix):
    """The lab's record of each unit: activations as digit strings (0-9, 'a' for 10)."""
    digits = "0123456789a"
    return [{"id": f"{prefix}{u['id']}",
             "rules": u["rules"],
             "auto": None if u["auto"] is None else round(u["auto"], 6),
             "explain": u["explain"], "score": u["score"],
             "ae": ["".join(digits[x] for x in a) for a in u["acts_explain"]],
             "as": ["".join(digits[x] for x in a) for a in u["acts_score"]]} for u in units]


def run(sample=None, out=OUT, log=print, sae=True):
    """Everything (or `sample` neurons and features); sae=False skips the autoencoder."""
    t0 = time.process_time()
    w0 = time.time()
    cfg = CONFIG
    model = model_np.TinyLM()
    val = load_text("val.txt.gz")
    ids = model.encode(val)
    text = token_text(model, ids)
    log(f"recording layer {cfg['layer'] + 1} on {len(ids)} held-out characters ({time.time() - w0:.0f} s)")
    acts = record(model, ids, cfg["layer"])
    d = acts.shape[1]
    neuron_ids = list(range(d)) if sample is None else list(range(0, d, max(1, d // sample)))[:sample]
    log(f"explaining {len(neuron_ids)} neurons ({time.time() - w0:.0f} s)")
    neurons = evaluate_units(acts[:, neuron_ids], text, cfg, neuron_ids)
    log(f"neurons: {summary_of(neurons)}")

    if not sae:
        data = {"window": cfg["window"], "random": neurons[0]["random"] if neurons else [],
                "text": text[: (len(text) // cfg["window"]) * cfg["window"]],
                "neurons": compact(neurons, "n")}
        return data, {"neurons": summary_of(neurons)}
    train = load_text("train.txt.gz")
    tids = model.encode(train)[: cfg["sae"]["train_chars"] if sample is None else 16000]
    log(f"recording layer {cfg['layer'] + 1} on {len(tids)} training characters for the autoencoder")
    tacts = record(model, tids, cfg["layer"])
    scale_ = float(np.sqrt((tacts ** 2).sum(1).mean()))   # activations / scale_: mean norm 1
    sae_cfg = dict(cfg, sae=dict(cfg["sae"], steps=cfg["sae"]["steps"] if sample is None else 200))
    model_sae = train_sae(tacts / scale_, sae_cfg, log)
    feats = model_sae.encode(acts / scale_)
    stats = sae_stats(model_sae, acts / scale_, cfg["sae"]["l1"])
    m = feats.shape[1]
    feature_ids = list(range(m)) if sample is None else list(range(0, m, max(1, m // sample)))[:sample]
    features = evaluate_units(feats[:, feature_ids], text, cfg, feature_ids)
    log(f"features: {summary_of(features)}; autoencoder {stats}")

    # which features share most with each neuron (their decoder weight on it)
    top_features = {}
    for n in neuron_ids:
        col = model_sae.W_d[:, n]
        order = np.argsort(-col, kind="stable")[:3]
        top_features[str(n)] = [[int(i), round(float(col[i]), 4)] for i in order]

    summary = {
        "model_sha256": model.manifest["weights"]["sha256"],
        "data_sha256": hashlib.sha256((DATA / "val.txt.gz").read_bytes()).hexdigest(),
        "config": cfg, "sample": sample, "layer": cfg["layer"] + 1, "d_mlp": d,
        "held_out_chars": len(ids), "windows": len(text) // cfg["window"],
        "neurons": summary_of(neurons), "features": summary_of(features), "sae": stats,
        "features_beat_neurons": bool(summary_of(features)["mean"] > summary_of(neurons)["mean"]),
    }
    data = {"version": 1, "window": cfg["window"], "layer": cfg["layer"] + 1,
            "random": neurons[0]["random"] if neurons else [],
            "text": text[: (len(text) // cfg["window"]) * cfg["window"]],
            "neurons": compact(neurons, "n"), "features": compact(features, "f"),
            "neuron_features": top_features}
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "units.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    summary["cpu_seconds"] = round(time.process_time() - t0)
    summary["wall_seconds"] = round(time.time() - w0)
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    log(f"wrote {out}/units.json and summary.json in {summary['wall_seconds']} s")
    return data, summary


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sample", type=int, default=None, help="only this many neurons and features (a quick check)")
    ap.add_argument("--out", default=str(OUT), help="output folder (default docs/assets/labs/neurons)")
    args = ap.parse_args(argv)
    run(args.sample, args.out)


if __name__ == "__main__":
    main()

"""The book's own tiny language model, measured honestly (chapters: language-models, transformer).

Loads the committed weights (docs/assets/labs/tinylm/) with the numpy reference
forward pass (scripts/tinylm/model_np.py) and the corpus snapshot the model was
trained on (scripts/tinylm/data/), then prints:
  - validation loss and perplexity on the held-out lines, next to a unigram and a
    bigram model counted on the same training text and scored on the same tokens;
  - the model's top next-token candidates for two prompts;
  - samples at a fixed seed in Korean and English (the lab gives the same text for
    the same prompt, seed and settings).
Both language pages show these numbers; tests/test_example_tinylm.py checks them.

Run: python3 scripts/examples/tinylm_model.py     (numpy only, a few seconds)
"""
import gzip
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "tinylm"))
import model_np  # noqa: E402

DATA = ROOT / "scripts" / "tinylm" / "data"
# Interpolation weights tried for the bigram baseline; it gets the best one on the
# validation text itself, so the comparison favours the baseline, not the model.
LAMBDAS = tuple(round(0.05 * i, 2) for i in range(1, 20))
SAMPLE_SEED = 42
SAMPLE_TOKENS = 60
SAMPLE_TEMPERATURE = 0.8
PROMPTS = {"ko": "언어 모델은 ", "en": "A language model "}
NEXT_PROMPTS = {"ko": "다음 토큰을 예측", "en": "the next tok"}
ATTENTION_PROMPT = "언어 모델은 다음 토큰을 예측합니다."


def load_text(name):
    return gzip.decompress((DATA / f"{name}.txt.gz").read_bytes()).decode("utf-8")


def model():
    return model_np.TinyLM()


def baselines(m, train_ids, val_ids):
    """{"unigram": loss, "bigram": loss, "lambda": best λ} in nats per token on val_ids[1:]."""
    v = len(m.vocab)
    uni = np.bincount(train_ids, minlength=v).astype(np.float64) + 1.0  # add-one
    uni /= uni.sum()
    pairs = Counter(zip(train_ids[:-1], train_ids[1:]))
    prev_counts = np.bincount(train_ids[:-1], minlength=v).astype(np.float64)
    cur = np.asarray(val_ids[1:])
    prev = np.asarray(val_ids[:-1])
    ml = np.array([pairs.get((a, b), 0) / prev_counts[a] if prev_counts[a] else 0.0
                   for a, b in zip(prev, cur)])
    pu = uni[cur]
    unigram = float(-np.log(pu).mean())
    best = min((float(-np.log(lam * ml + (1 - lam) * pu).mean()), lam) for lam in LAMBDAS)
    return {"unigram": unigram, "bigram": best[0], "lambda": best[1]}


def evaluate(m=None):
    m = m or model()
    train_ids = m.encode(load_text("train"))
    val_ids = m.encode(load_text("val"))
    total, count = m.nll(val_ids)
    base = baselines(m, train_ids, val_ids)
    loss = total / count
    return {
        "val_tokens": count,
        "model": loss,
        "unigram": base["unigram"],
        "bigram": base["bigram"],
        "lambda": base["lambda"],
        "ppl_model": math.exp(loss),
        "ppl_unigram": math.exp(base["unigram"]),
        "ppl_bigram": math.exp(base["bigram"]),
    }


def top_candidates(m, prompt, k=5):
    """[(token, probability)] for the k most probable next tokens at temperature 1."""
    p = model_np.softmax(m.next_logits(m.encode(prompt)))
    order = sorted(range(len(p)), key=lambda j: (-p[j], j))[:k]
    return [(m.vocab[i], float(p[i])) for i in order]


def head_habits(m, text=ATTENTION_PROMPT):
    """{(layer, head): (mean weight on the previous token, on the token itself, on the first
    token)} over positions 1.. of text: the averages the transformer chapter reads off."""
    _, att = m.forward(m.encode(text))
    n = att.shape[-1]
    rows = range(1, n)
    out = {}
    for layer in range(att.shape[0]):
        for head in range(att.shape[1]):
            a = att[layer, head]
            out[(layer, head)] = (float(np.mean([a[i, i - 1] for i in rows])),
                                  float(np.mean([a[i, i] for i in rows])),
                                  float(np.mean([a[i, 0] for i in rows])))
    return out


def samples(m=None):
    m = m or model()
    return {lang: model_np.sample(m, prompt, SAMPLE_TOKENS, SAMPLE_SEED, SAMPLE_TEMPERATURE)
            for lang, prompt in PROMPTS.items()}


def params(m):
    return sum(int(np.prod(t["shape"])) for t in m.manifest["weights"]["tensors"])


def main():
    m = model()
    c = m.config
    print(f"model: {c['n_layer']} layers, {c['n_head']} heads, width {c['d_model']}, "
          f"context {c['context']}, vocabulary {c['vocab_size']}, {params(m):,} parameters, "
          f"{m.manifest['weights']['bytes']:,} bytes of float16 weights")
    e = evaluate(m)
    print(f"validation tokens: {e['val_tokens']:,}")
    print("| model | loss (nats/token) | perplexity |")
    for name in ("unigram", "bigram", "model"):
        print(f"| {name} | {e[name]:.3f} | {e['ppl_' + name]:.1f} |")
    print(f"(bigram: best interpolation weight on the validation text, λ = {e['lambda']})")
    for lang, prompt in NEXT_PROMPTS.items():
        cands = ", ".join(f"{t!r} {100 * p:.1f}%" for t, p in top_candidates(m, prompt))
        print(f"next after {prompt!r}: {cands}")
    print(f"attention on {ATTENTION_PROMPT!r}, mean weight over positions 1.. (layer, head: previous, self, first):")
    for (layer, head), (prev, own, first) in head_habits(m).items():
        print(f"  layer {layer + 1}, head {head + 1}: {100 * prev:.0f}% / {100 * own:.0f}% / {100 * first:.0f}%")
    for lang, text in samples(m).items():
        print(f"sample ({lang}, seed {SAMPLE_SEED}, T = {SAMPLE_TEMPERATURE}): {text!r}")


if __name__ == "__main__":
    main()

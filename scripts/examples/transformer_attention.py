"""Worked example for the chapter "Attention and the Transformer".

Scaled dot-product self-attention, softmax(Q K^T / sqrt(d_k)) V, on three tokens
("the", "cat", "sat"), in plain Python (no numpy) so every step can be checked by hand.
The query, key and value vectors are small made-up numbers, as if the learned
projections W_Q, W_K, W_V had already been applied to the tokens' embeddings.

Run:  python3 scripts/examples/transformer_attention.py
The chapter pages (docs/ko/transformer.md, docs/en/transformer.md) show these numbers,
and tests/test_example_transformer.py checks that they do.
"""
import math

TOKENS = ["the", "cat", "sat"]
D_K = 4  # dimension of queries and keys, so sqrt(d_k) = 2

Q = [  # one query per token: "what am I looking for?"
    [1, 0, 1, 0],  # the
    [0, 1, 1, 1],  # cat
    [2, 0, 1, 0],  # sat
]
K = [  # one key per token: "what do I offer?"
    [0, 1, 0, 0],  # the
    [1, 0, 1, 0],  # cat
    [0, 0, 1, 1],  # sat
]
V = [  # one value per token: "what do I pass on?" (d_v = 2)
    [1, 0],  # the
    [0, 1],  # cat
    [1, 1],  # sat
]


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def softmax(xs):
    m = max(xs)  # subtract the maximum for numerical stability
    exps = [math.exp(x - m) for x in xs]
    total = sum(exps)
    return [e / total for e in exps]


def attention(q, k, v, causal=False):
    """Return (scores, scaled scores, weights, outputs), one row per query token.

    With causal=True a token may only look at itself and the tokens before it
    (the decoder's mask): later positions get a score of minus infinity, so
    their softmax weight is exactly 0.
    """
    scale = math.sqrt(len(k[0]))
    scores, scaled, weights, outputs = [], [], [], []
    for i, qi in enumerate(q):
        row = [dot(qi, kj) for kj in k]
        srow = [s / scale for s in row]
        if causal:
            srow = [s if j <= i else -math.inf for j, s in enumerate(srow)]
        w = softmax(srow)
        out = [sum(w[j] * v[j][c] for j in range(len(v))) for c in range(len(v[0]))]
        scores.append(row)
        scaled.append(srow)
        weights.append(w)
        outputs.append(out)
    return scores, scaled, weights, outputs


def fmt(x, nd=3):
    if x == -math.inf:
        return "-inf"
    return f"{x:.{nd}f}"


def report(causal=False):
    scores, scaled, weights, outputs = attention(Q, K, V, causal=causal)
    title = "causal (decoder) self-attention" if causal else "self-attention"
    lines = [f"== {title}, d_k = {D_K}, sqrt(d_k) = {math.sqrt(D_K):g} =="]
    for i, tok in enumerate(TOKENS):
        lines.append(f"query {tok!r}")
        lines.append("  Q.K scores     " + "  ".join(f"{s:g}" for s in scores[i]))
        lines.append("  scaled (/2)    " + "  ".join(fmt(s, 2) for s in scaled[i]))
        lines.append("  softmax        " + "  ".join(fmt(w) for w in weights[i]))
        if not causal:
            lines.append("  (unscaled)     " + "  ".join(fmt(w) for w in softmax(scores[i])))
        lines.append("  output         [" + ", ".join(fmt(o) for o in outputs[i]) + "]")
    return "\n".join(lines)


SEQUENCE_LENGTHS = [3, 1000, 2000]


def score_counts(lengths=SEQUENCE_LENGTHS):
    """Query-key scores one attention head computes in one layer: n * n."""
    return {n: n * n for n in lengths}


if __name__ == "__main__":
    print(report())
    print()
    print(report(causal=True))
    print()
    print("== scores per head per layer (n x n) ==")
    for n, c in score_counts().items():
        print(f"  n = {n:>5,}: {c:>9,} scores")

"""The transformer chapter's worked example shows the numbers its script computes.

scripts/examples/transformer_attention.py computes softmax(QK^T/sqrt(d_k))V for three
tokens in plain Python; both language pages must show the same rounded numbers.
"""
from conftest import chapter_pages, load_example


def expected_numbers():
    ex = load_example("transformer_attention")
    scores, scaled, weights, outputs = ex.attention(ex.Q, ex.K, ex.V)
    numbers = set()
    for row in weights:
        numbers.update(ex.fmt(w) for w in row)
    for out in outputs:
        numbers.add("[" + ", ".join(ex.fmt(o) for o in out) + "]")
    sat = ex.TOKENS.index("sat")
    numbers.update(ex.fmt(s, 2) for s in scaled[sat])
    numbers.update(ex.fmt(w) for w in ex.softmax(scores[sat]))  # without scaling
    _, _, causal_weights, _ = ex.attention(ex.Q, ex.K, ex.V, causal=True)
    numbers.update(ex.fmt(w) for w in causal_weights[1][:2])  # "cat" under the mask
    numbers.update(f"{c:,}" for c in ex.score_counts().values())
    return numbers


def test_script_numbers_are_the_ones_explained():
    ex = load_example("transformer_attention")
    scores, scaled, weights, outputs = ex.attention(ex.Q, ex.K, ex.V)
    sat = ex.TOKENS.index("sat")
    assert scores[sat] == [0, 3, 1]
    assert [ex.fmt(w) for w in weights[sat]] == ["0.140", "0.629", "0.231"]
    assert [ex.fmt(o) for o in outputs[sat]] == ["0.371", "0.860"]
    for row in weights:
        assert abs(sum(row) - 1) < 1e-12


def test_both_pages_show_the_numbers():
    numbers = expected_numbers()
    for lang, text in chapter_pages("transformer").items():
        missing = sorted(n for n in numbers if n not in text)
        assert not missing, f"docs/{lang}/transformer.md lacks {missing}"

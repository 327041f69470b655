"""Worked example for the interpretability chapter: scoring neuron explanations.

A toy version of the explain-simulate-score method of Bills et al. (2023). One imaginary
neuron has "real" activations on two short token sequences. Two candidate explanations
have been turned into simulated activations on the 0-10 scale the method uses. The
score of an explanation is the Pearson correlation between simulated and real
activations, computed over all tokens at once.

All numbers here are invented for teaching; they are not from GPT-2.

Run: python3 scripts/examples/interpretability_score.py
"""
from math import sqrt

# Two sequences, split into (simplified) tokens.
SEQUENCE_1 = ["Thor", "and", "Loki", "fought", "while", "my", "cat", "slept"]
SEQUENCE_2 = ["Tony", "Stark", "built", "a", "new", "Iron", "Man", "suit"]

# The neuron's real activations, in the model's own units.
REAL_1 = [6.2, 0.3, 5.4, 1.1, 0.0, 0.0, 0.4, 0.0]
REAL_2 = [3.5, 5.8, 0.2, 0.0, 0.1, 4.9, 4.1, 0.6]

# Explanation A: "Marvel superheroes and villains".
MARVEL_1 = [8, 0, 6, 0, 0, 0, 0, 0]
MARVEL_2 = [5, 7, 0, 0, 0, 8, 6, 1]

# Explanation B: "gods of Norse mythology".
NORSE_1 = [9, 0, 9, 0, 0, 0, 0, 0]
NORSE_2 = [0, 0, 0, 0, 0, 0, 0, 0]


def pearson(xs, ys):
    """Pearson correlation coefficient of two equally long lists of numbers."""
    if len(xs) != len(ys) or len(xs) < 2:
        raise ValueError("need two lists of the same length, at least 2")
    n = len(xs)
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    return cov / sqrt(var_x * var_y)


def scores():
    """Scores of both explanations, on sequence 1 alone and on both sequences."""
    return {
        "marvel_seq1": pearson(REAL_1, MARVEL_1),
        "norse_seq1": pearson(REAL_1, NORSE_1),
        "marvel_both": pearson(REAL_1 + REAL_2, MARVEL_1 + MARVEL_2),
        "norse_both": pearson(REAL_1 + REAL_2, NORSE_1 + NORSE_2),
    }


def results():
    """The scores as they are written in both language pages (two decimals)."""
    return {name: f"{value:.2f}" for name, value in scores().items()}


def main():
    r = results()
    print("sequence 1 only:  A (Marvel) =", r["marvel_seq1"], "  B (Norse) =", r["norse_seq1"])
    print("both sequences:   A (Marvel) =", r["marvel_both"], "  B (Norse) =", r["norse_both"])


if __name__ == "__main__":
    main()

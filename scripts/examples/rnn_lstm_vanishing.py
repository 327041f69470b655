"""How a gradient shrinks or grows when it is multiplied once per time step
(chapter: rnn-lstm).

Backpropagation through time multiplies the gradient by one factor per step it
travels back. This prints that product for a few factors and distances; both
language pages show these numbers and tests/test_example_rnn_lstm.py checks them.

Run: python3 scripts/examples/rnn_lstm_vanishing.py
"""
import math

# Illustrative factors, not measured ones: 0.5 for a plain RNN whose per-step
# factor is 0.5; 0.95 for an LSTM cell path whose forget gate stays near 1;
# 1.5 for a factor above 1 (exploding gradient).
FACTORS = (0.5, 0.95, 1.5)
STEPS = (1, 5, 10, 20)


def product(factor, steps):
    """factor multiplied by itself `steps` times."""
    result = 1.0
    for _ in range(steps):
        result *= factor
    return result


def fmt(x):
    """Numbers as the pages print them, without exponents: large ones rounded to
    whole numbers, small ones to 3 significant digits, the rest to 4."""
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 0.001:
        return f"{x:.4g}"
    decimals = -math.floor(math.log10(x)) + 2
    return f"{x:.{decimals}f}"


def table():
    """{factor: [formatted product for each entry of STEPS]}"""
    return {f: [fmt(product(f, k)) for k in STEPS] for f in FACTORS}


def weaker_than_previous(factor, steps):
    """How many times weaker the gradient from `steps` back is than the one from
    the previous token (1 step back): factor**1 / factor**steps."""
    return product(factor, 1) / product(factor, steps)


def markdown_cells(factor):
    """The part of a table row that is the same on both pages."""
    return f"| {factor} | " + " | ".join(table()[factor]) + " |"


def main():
    print("| factor | " + " | ".join(f"{k} steps" for k in STEPS) + " |")
    for f in FACTORS:
        print(markdown_cells(f))
    print(f"0.5 ** 20 = {product(0.5, 20):.10f} = 1 / {round(1 / product(0.5, 20)):,}")
    print(f"20 steps back vs 1 step back: 0.5 ** 19 = 1 / {round(weaker_than_previous(0.5, 20)):,}")


if __name__ == "__main__":
    main()

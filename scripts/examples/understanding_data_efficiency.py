"""Worked example for the "understanding" chapter: how much more text models read than a child hears.

Children hear fewer than about 100 million words by age 13 (Warstadt et al. 2023,
"Call for Papers -- The BabyLM Challenge", arXiv:2301.11796); the script uses that upper
figure, so the ratios are lower bounds. GPT-3 was trained on 300 billion tokens (Brown et al.
2020) and Chinchilla on 1.4 trillion tokens (Hoffmann et al. 2022). Tokens are not
words, so the ratios are orders of magnitude, not exact factors.

It also prints the code lengths used in the chapter's compression example: an
ideal coder spends -log2(p) bits on a symbol to which the model gave probability p.

Run: python3 scripts/examples/understanding_data_efficiency.py
"""
import math

CHILD_WORDS_BY_13 = 100e6
CHILD_AGE = 13
MODELS = {"GPT-3": 300e9, "Chinchilla": 1.4e12}


def ratios():
    per_year = CHILD_WORDS_BY_13 / CHILD_AGE
    out = {}
    for name, tokens in MODELS.items():
        out[name] = {
            "tokens": tokens,
            "ratio": tokens / CHILD_WORDS_BY_13,
            "years_at_child_rate": tokens / per_year,
        }
    return per_year, out


def bits(p):
    """Bits an ideal (arithmetic) coder spends on an outcome predicted with probability p."""
    return -math.log2(p)


def main():
    per_year, out = ratios()
    print(f"A child hears about {CHILD_WORDS_BY_13:,.0f} words by age {CHILD_AGE}: "
          f"about {per_year:,.0f} words a year")
    for name, r in out.items():
        print(f"{name}: {r['tokens']:,.0f} training tokens = {r['ratio']:,.0f} x a child's input; "
              f"at a child's rate that is about {round(r['years_at_child_rate'], -3):,.0f} years of listening")
    print(f"Naming the culprit among 10 equally likely suspects (p = 0.1): {bits(0.1):.2f} bits")
    print(f"Naming the culprit with p = 0.9: {bits(0.9):.2f} bits")


if __name__ == "__main__":
    main()

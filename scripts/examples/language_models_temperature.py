"""Softmax with temperature on a toy next-token example (chapter: language-models).

Five candidate next words after "For dinner we ordered" / "우리는 저녁으로",
with made-up logits. Prints the probability of each candidate at three
temperatures; both language pages show these numbers and
tests/test_example_language_models.py checks them.

Run: python3 scripts/examples/language_models_temperature.py
"""
import math

# (English label, Korean label, logit)
CANDIDATES = (
    ("pizza", "피자", 2.0),
    ("chicken", "치킨", 1.5),
    ("gimbap", "김밥", 1.0),
    ("salad", "샐러드", 0.0),
    ("tires", "타이어", -1.0),
)
TEMPERATURES = (0.5, 1.0, 2.0)


def softmax(logits, temperature=1.0):
    """Probabilities from logits divided by the temperature (temperature > 0)."""
    if temperature <= 0:
        raise ValueError("temperature must be positive")
    scaled = [z / temperature for z in logits]
    top = max(scaled)  # subtract the maximum for numerical stability
    exps = [math.exp(z - top) for z in scaled]
    total = sum(exps)
    return [e / total for e in exps]


def percent(p):
    """A probability as the pages print it: a percentage with one decimal."""
    return f"{100 * p:.1f}%"


def one_in(p):
    """A probability as "about once in N draws": N = 1 / p, rounded."""
    return round(1 / p)


def probability(label, temperature):
    """Probability of the candidate with this English label at a temperature."""
    logits = [c[2] for c in CANDIDATES]
    labels = [c[0] for c in CANDIDATES]
    return softmax(logits, temperature)[labels.index(label)]


def table():
    """Rows of (English label, Korean label, logit, [percent at each temperature])."""
    logits = [c[2] for c in CANDIDATES]
    columns = [softmax(logits, t) for t in TEMPERATURES]
    rows = []
    for i, (en, ko, z) in enumerate(CANDIDATES):
        rows.append((en, ko, z, [percent(col[i]) for col in columns]))
    return rows


def markdown_cells(row):
    """The part of a table row that is the same on both pages."""
    _, _, z, ps = row
    return f"| {z:.1f} | " + " | ".join(ps) + " |"


def main():
    print("| candidate | logit | " + " | ".join(f"T = {t:g}" for t in TEMPERATURES) + " |")
    for row in table():
        print(f"| {row[0]} ({row[1]}) " + markdown_cells(row))
    for t in (0.5, 2.0):
        p = probability("tires", t)
        print(f"tires at T = {t:g}: {100 * p:.2f}%, about once in {one_in(p)} draws")


if __name__ == "__main__":
    main()

"""Worked example for the chapter "Pretraining and fine-tuning: BERT and GPT".

Shows what each pretraining objective asks the model to predict:
- GPT's causal language model: at every position, the next token from the left context;
- BERT's masked language model: 15% of positions are chosen; of those, 80% become
  [MASK], 10% a random token and 10% stay unchanged; the model predicts the original
  token at each chosen position, seeing both sides.
It then counts the predictions each objective yields on a 1,000-token passage.

Run:  python3 scripts/examples/pretraining_objectives.py
tests/test_example_pretraining.py checks that both chapter pages show these numbers.
"""
SENTENCES = {
    "en": ["I", "drank", "hot", "coffee", "this", "morning"],
    "ko": ["나는", "오늘", "아침", "뜨거운", "커피를", "마셨다"],
}
MASKED = {"en": "coffee", "ko": "커피를"}  # the position chosen in the chapter's example

CHOSE = 0.15               # share of positions BERT chooses for prediction
MASK, RANDOM, KEEP = 0.80, 0.10, 0.10   # what happens to a chosen position
PASSAGE = 1000             # tokens in the counting example


def causal_targets(tokens):
    """(left context, token to predict) for every position that has a next token."""
    return [(tokens[:i], tokens[i]) for i in range(1, len(tokens))]


def masked_inputs(tokens, target, replacement):
    """The three versions of the input BERT may see when `target` is chosen."""
    i = tokens.index(target)
    return {
        "mask (80%)": tokens[:i] + ["[MASK]"] + tokens[i + 1:],
        "random (10%)": tokens[:i] + [replacement] + tokens[i + 1:],
        "unchanged (10%)": list(tokens),
    }


def passage_counts(n=PASSAGE):
    chosen = round(n * CHOSE)
    return {
        "BERT predictions": chosen,
        "  of which [MASK]": round(chosen * MASK),
        "  of which random token": round(chosen * RANDOM),
        "  of which unchanged": round(chosen * KEEP),
        "GPT predictions (about one per token)": n,
    }


if __name__ == "__main__":
    for lang, tokens in SENTENCES.items():
        print(f"== {lang}: {' '.join(tokens)} ==")
        print("GPT (causal LM):")
        for left, nxt in causal_targets(tokens):
            print(f"  {' '.join(left):<30} -> {nxt}")
        print(f"BERT (masked LM), position of {MASKED[lang]!r} chosen; target is {MASKED[lang]!r}:")
        other = "bicycle" if lang == "en" else "자전거를"
        for kind, inp in masked_inputs(tokens, MASKED[lang], other).items():
            print(f"  {kind:<16} {' '.join(inp)}")
        print()
    print(f"== predictions on a {PASSAGE:,}-token passage ==")
    for k, v in passage_counts().items():
        print(f"  {k:<40} {v:>5,}")

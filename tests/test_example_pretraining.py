"""The pretraining chapter's worked example shows what its script prints.

scripts/examples/pretraining_objectives.py lists what GPT's causal LM and BERT's masked
LM predict on the chapter's sentence and counts the predictions on a 1,000-token passage.
"""
from conftest import chapter_pages, load_example


def test_counts_follow_bert_percentages():
    counts = load_example("pretraining_objectives").passage_counts()
    assert list(counts.values()) == [150, 120, 15, 15, 1000]


def test_both_pages_show_the_counts():
    counts = load_example("pretraining_objectives").passage_counts()
    for lang, text in chapter_pages("pretraining").items():
        for n in counts.values():
            assert f"{n:,}" in text, f"docs/{lang}/pretraining.md lacks {n:,}"


def test_both_pages_show_the_example_sentence_and_targets():
    ex = load_example("pretraining_objectives")
    pages = chapter_pages("pretraining")
    for lang, tokens in ex.SENTENCES.items():
        text = pages[lang]
        # the GPT table: every left context and the token it must predict
        for left, nxt in ex.causal_targets(tokens):
            assert f"| {' '.join(left)} | {nxt} |" in text, (lang, left, nxt)
        # the BERT input with the chosen position masked
        masked = ex.masked_inputs(tokens, ex.MASKED[lang], "?")["mask (80%)"]
        assert " ".join(masked).replace("[MASK]", "`[MASK]`") in text, lang

"""The pretraining chapter's worked example shows what its script prints.

scripts/examples/pretraining_objectives.py lists what GPT's causal LM and BERT's masked
LM predict on the chapter's sentence and counts the predictions on a 1,000-token passage.
"""
import importlib.util
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "examples" / "pretraining_objectives.py"


def load_example():
    spec = importlib.util.spec_from_file_location("pretraining_objectives", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page(lang):
    return (ROOT / "docs" / lang / "pretraining.md").read_text(encoding="utf-8")


def test_counts_follow_bert_percentages():
    counts = load_example().passage_counts()
    assert list(counts.values()) == [150, 120, 15, 15, 1000]


def test_both_pages_show_the_counts():
    counts = load_example().passage_counts()
    for lang in ("ko", "en"):
        text = page(lang)
        for n in counts.values():
            assert f"{n:,}" in text, f"docs/{lang}/pretraining.md lacks {n:,}"


def test_both_pages_show_the_example_sentence_and_targets():
    ex = load_example()
    for lang, tokens in ex.SENTENCES.items():
        text = page(lang)
        # the GPT table: every left context and the token it must predict
        for left, nxt in ex.causal_targets(tokens):
            assert f"| {' '.join(left)} | {nxt} |" in text, (lang, left, nxt)
        # the BERT input with the chosen position masked
        masked = ex.masked_inputs(tokens, ex.MASKED[lang], "?")["mask (80%)"]
        assert " ".join(masked).replace("[MASK]", "`[MASK]`") in text, lang

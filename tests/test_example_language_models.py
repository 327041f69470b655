"""The numbers in the language-models chapter come from its example scripts.

Recomputes the token-count table (scripts/examples/language_models_tokens.py,
which needs the `bpe-openai` package, pinned in requirements.txt) and the
temperature table (scripts/examples/language_models_temperature.py), and checks
that both language pages show exactly those numbers.
"""
import pytest

from conftest import chapter_pages, load_example


@pytest.fixture(scope="module")
def pages():
    return chapter_pages("language-models")


@pytest.fixture(scope="module")
def tokens():
    return load_example("language_models_tokens")


@pytest.fixture(scope="module")
def temperature():
    return load_example("language_models_temperature")


def test_tokenizer_version_is_named(pages, tokens):
    assert tokens.version() == "0.1.4"
    for lang, text in pages.items():
        assert f"`bpe-openai` {tokens.version()}" in text, lang


def test_known_english_counts(tokens):
    # Sanity check of the tokenizer itself: a short English sentence.
    row = tokens.count_row("For dinner we ordered pizza.")
    assert row["cl100k_base"] == 6 and row["o200k_base"] == 6


def test_token_table_rows_on_both_pages(pages, tokens):
    rows = tokens.table()
    assert len(rows) == 2 * len(tokens.PAIRS)
    for row in rows:
        for lang, text in pages.items():
            assert tokens.markdown_row(row) in text, (lang, row)


def test_korean_needs_more_tokens(tokens):
    for name, t in tokens.totals().items():
        assert t["ko"] > t["en"], name


def test_totals_and_ratios_on_both_pages(pages, tokens):
    t = tokens.totals()
    cl, o2 = t["cl100k_base"], t["o200k_base"]
    assert cl["en"] == o2["en"]
    for lang, text in pages.items():
        for number in (str(cl["ko"]), str(cl["en"]), str(o2["ko"]), cl["ratio"], o2["ratio"]):
            assert number in text, (lang, number)


def test_split_example_on_both_pages(pages, tokens):
    for name in tokens.ENCODINGS:
        shown = " | ".join(tokens.pieces(tokens.SPLIT_EXAMPLE[0], name))
        for lang, text in pages.items():
            assert shown in text, (lang, name)
    english = " | ".join(tokens.pieces(tokens.SPLIT_EXAMPLE[1], "o200k_base"))
    for lang, text in pages.items():
        assert english in text, lang


def test_softmax_properties(temperature):
    logits = [c[2] for c in temperature.CANDIDATES]
    for t in temperature.TEMPERATURES:
        probs = temperature.softmax(logits, t)
        assert abs(sum(probs) - 1) < 1e-12
        assert probs == sorted(probs, reverse=True)
    # Lower temperature sharpens: the favourite gains, the least likely loses.
    low, mid, high = (temperature.softmax(logits, t) for t in temperature.TEMPERATURES)
    assert low[0] > mid[0] > high[0]
    assert low[-1] < mid[-1] < high[-1]
    with pytest.raises(ValueError):
        temperature.softmax(logits, 0)


def test_temperature_table_on_both_pages(pages, temperature):
    for row in temperature.table():
        cells = temperature.markdown_cells(row)
        en, ko = row[0], row[1]
        assert f"| {en} {cells}" in pages["en"], row
        assert f"| {ko} {cells}" in pages["ko"], row


def test_once_in_n_draws_on_both_pages(pages, temperature):
    """The prose turns the least likely candidate's probability into "once in N
    draws"; N and the unrounded percentage must match the script."""
    low = temperature.probability("tires", 0.5)
    high = temperature.probability("tires", 2.0)
    assert temperature.percent(low) == "0.2%" and f"{100 * low:.2f}%" == "0.16%"
    assert temperature.one_in(low) == 615 and temperature.one_in(high) == 13
    for lang, text in pages.items():
        for shown in (f"{100 * low:.2f}%", str(temperature.one_in(low)), str(temperature.one_in(high))):
            assert shown in text, (lang, shown)

"""The vanishing-gradient numbers in the rnn-lstm chapter come from
scripts/examples/rnn_lstm_vanishing.py; both language pages must show them."""
import pytest

from conftest import chapter_pages, load_example


@pytest.fixture(scope="module")
def vanishing():
    return load_example("rnn_lstm_vanishing")


@pytest.fixture(scope="module")
def pages():
    return chapter_pages("rnn-lstm")


def test_products(vanishing):
    assert vanishing.product(0.5, 20) == 1 / 1_048_576
    assert vanishing.fmt(vanishing.product(0.5, 20)) == "0.000000954"
    assert vanishing.fmt(vanishing.product(0.95, 20)) == "0.3585"
    assert vanishing.fmt(vanishing.product(1.5, 20)) == "3,325"
    assert vanishing.product(0.7, 0) == 1.0
    # the word 20 back against the word just before: 19 more factors of 0.5
    assert vanishing.weaker_than_previous(0.5, 20) == 2 ** 19 == 524_288


def test_table_rows_on_both_pages(pages, vanishing):
    for factor in vanishing.FACTORS:
        cells = vanishing.markdown_cells(factor)
        for lang, text in pages.items():
            assert cells in text, (lang, cells)


def test_numbers_quoted_in_prose(pages, vanishing):
    for lang, text in pages.items():
        for number in ("1,048,576", "0.000000954", "0.3585", "3,325"):
            assert text.count(number) >= 2, (lang, number)
        ratio = f"{round(vanishing.weaker_than_previous(0.5, 20)):,}"
        assert ratio == "524,288"
        assert f"1/{ratio}" in text, (lang, ratio)

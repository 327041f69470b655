"""The worked example of the interpretability chapter: script output matches both pages."""
import pytest

from conftest import chapter_pages, load_example


def test_pearson_known_values():
    m = load_example("interpretability_score")
    assert m.pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert m.pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    # Correlation ignores scale and offset: the 0-10 simulator scale does not matter.
    assert m.pearson([1, 5, 2], [10, 50, 20]) == pytest.approx(m.pearson([1, 5, 2], [1, 5, 2]))


def test_sequences_and_activations_line_up():
    m = load_example("interpretability_score")
    for tokens, *acts in [(m.SEQUENCE_1, m.REAL_1, m.MARVEL_1, m.NORSE_1),
                          (m.SEQUENCE_2, m.REAL_2, m.MARVEL_2, m.NORSE_2)]:
        assert all(len(a) == len(tokens) for a in acts)


def test_both_pages_show_the_scores():
    expected = load_example("interpretability_score").results()
    assert expected == {"marvel_seq1": "0.99", "norse_seq1": "0.99",
                        "marvel_both": "0.98", "norse_both": "0.60"}
    for lang, text in chapter_pages("interpretability").items():
        for name, value in expected.items():
            assert value in text, f"docs/{lang}/interpretability.md lacks {name} = {value}"
        for activation in (6.2, 5.4, 5.8, 4.9):
            assert str(activation) in text, f"docs/{lang}/interpretability.md lacks activation {activation}"

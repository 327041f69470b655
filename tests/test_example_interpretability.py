"""The worked example of the interpretability chapter: script output matches both pages."""
import importlib.util
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "examples" / "interpretability_score.py"
PAGES = [ROOT / "docs" / "ko" / "interpretability.md", ROOT / "docs" / "en" / "interpretability.md"]


def load():
    spec = importlib.util.spec_from_file_location("interpretability_score", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pearson_known_values():
    m = load()
    assert m.pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert m.pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    # Correlation ignores scale and offset: the 0-10 simulator scale does not matter.
    assert m.pearson([1, 5, 2], [10, 50, 20]) == pytest.approx(m.pearson([1, 5, 2], [1, 5, 2]))


def test_sequences_and_activations_line_up():
    m = load()
    for tokens, *acts in [(m.SEQUENCE_1, m.REAL_1, m.MARVEL_1, m.NORSE_1),
                          (m.SEQUENCE_2, m.REAL_2, m.MARVEL_2, m.NORSE_2)]:
        assert all(len(a) == len(tokens) for a in acts)


def test_both_pages_show_the_scores():
    expected = load().results()
    assert expected == {"marvel_seq1": "0.99", "norse_seq1": "0.99",
                        "marvel_both": "0.98", "norse_both": "0.60"}
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for name, value in expected.items():
            assert value in text, f"{page.name} lacks {name} = {value}"
        for activation in (6.2, 5.4, 5.8, 4.9):
            assert str(activation) in text, f"{page.name} lacks activation {activation}"

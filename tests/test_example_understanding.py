"""The data-efficiency worked example in the "understanding" chapter matches its script.

scripts/examples/understanding_data_efficiency.py compares a child's language input
(fewer than about 100 million words by age 13) with GPT-3's and Chinchilla's training tokens,
and gives the code lengths of the compression example; both language pages must
show the numbers it prints.
"""
from conftest import chapter_pages, load_example


def expected_numbers():
    _, out = load_example("understanding_data_efficiency").ratios()
    numbers = []
    for r in out.values():
        numbers.append(f"{r['ratio']:,.0f}")
        numbers.append(f"{round(r['years_at_child_rate'], -3):,.0f}")
    m = load_example("understanding_data_efficiency")
    numbers.append(f"{m.bits(0.1):.2f}")
    numbers.append(f"{m.bits(0.9):.2f}")
    return numbers


def test_script_values():
    per_year, out = load_example("understanding_data_efficiency").ratios()
    assert round(per_year) == 7_692_308
    assert round(out["GPT-3"]["ratio"]) == 3_000
    assert round(out["Chinchilla"]["ratio"]) == 14_000
    assert round(out["GPT-3"]["years_at_child_rate"], -3) == 39_000
    assert round(out["Chinchilla"]["years_at_child_rate"], -3) == 182_000
    m = load_example("understanding_data_efficiency")
    assert f"{m.bits(0.1):.2f}" == "3.32"
    assert f"{m.bits(0.9):.2f}" == "0.15"


def test_pages_show_the_numbers():
    for lang, text in chapter_pages("understanding").items():
        for number in expected_numbers():
            assert number in text, f"docs/{lang}/understanding.md does not show {number}"

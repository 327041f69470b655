"""The detector worked example in the "Limits and risks" chapter matches its script.

scripts/examples/limits_detector.py computes what OpenAI's classifier rates (26% true
positives, 9% false positives) mean for a class of 100 essays; both language pages
must show the numbers it prints.
"""
from conftest import chapter_pages, load_example


def expected_numbers():
    m = load_example("limits_detector")
    ten = m.outcome(100, 10)
    fifty = m.outcome(100, 50)
    return [
        f"{ten['tp']:.1f}",
        f"{ten['fn']:.1f}",
        f"{ten['fp']:.1f}",
        f"{ten['tn']:.1f}",
        f"{ten['flagged']:.1f}",
        f"{100 * ten['precision']:.1f}%",
        f"{100 * ten['flagged_human_share']:.1f}%",
        f"{100 * ten['accuracy']:.1f}%",
        f"{100 * fifty['precision']:.1f}%",
    ]


def test_script_values():
    m = load_example("limits_detector")
    r = m.outcome(100, 10)
    assert round(r["tp"], 1) == 2.6
    assert round(r["fp"], 1) == 8.1
    assert round(r["flagged"], 1) == 10.7
    assert round(100 * r["precision"], 1) == 24.3
    assert round(100 * r["accuracy"], 1) == 84.5
    assert round(100 * r["accuracy_flag_nothing"], 1) == 90.0
    assert round(100 * m.outcome(100, 50)["precision"], 1) == 74.3


def test_pages_show_the_numbers():
    for lang, text in chapter_pages("limits").items():
        for number in expected_numbers():
            assert number in text, f"docs/{lang}/limits.md does not show {number}"

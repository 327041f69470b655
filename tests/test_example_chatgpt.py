"""The context-window worked example in the ChatGPT chapter matches its script.

scripts/examples/chatgpt_context_budget.py computes how many turns of a toy conversation
fit in gpt-3.5-turbo's 4,096-token window and how many prompt tokens the resent history
costs; both language pages must show the numbers it prints.
"""
from conftest import chapter_pages, load_example


def test_script_values():
    m = load_example("chatgpt_context_budget")
    assert m.request_tokens(1)["total"] == 500
    assert m.request_tokens(9)["total"] == 3700
    assert m.request_tokens(10)["total"] == 4100
    assert m.turns_that_fit(4096) == 9
    r = m.results()
    assert r["prompt_tokens_sent"] == "16,650"
    assert r["typed_tokens"] == "1,350"
    assert r["resend_ratio"] == "12.3"


def test_pages_show_the_numbers():
    r = load_example("chatgpt_context_budget").results()
    keys = ("window", "first_total", "per_turn_growth", "last_fit_total", "next_total",
            "prompt_tokens_sent", "typed_tokens", "resend_ratio")
    for lang, text in chapter_pages("chatgpt").items():
        for key in keys:
            assert r[key] in text, f"docs/{lang}/chatgpt.md does not show {key} = {r[key]}"
        assert f"{r['turns_fit']}" in text

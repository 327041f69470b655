"""The cost worked example in the frontier chapter matches its script.

scripts/examples/frontier_cost.py applies C = 6ND and 2N FLOPs per token (Kaplan et al.,
2020) to Llama 2 70B's published size, tokens and GPU-hours; both language pages must show
the numbers it prints, including the toy-conversation turns for GPT-4's context windows.
"""
from conftest import chapter_pages, load_example


def test_script_values():
    r = load_example("frontier_cost").results()
    assert r["llama2_flops"] == "8.4 \\times 10^{23}"
    assert r["achieved_tflops"] == "136"
    assert r["utilisation"] == "43%"
    assert r["per_token_70b"] == "1.4 \\times 10^{11}"
    assert r["answer_flops"] == "7 \\times 10^{13}"
    assert r["training_in_tokens"] == "6"
    assert r["weights_gb"] == "140"
    assert r["gpus_for_weights"] == "2"
    assert (r["llama13b_tokens_per_param"], r["gpt3_over_llama13b"]) == ("77", "13.5")
    assert (r["turns_8k"], r["turns_32k"]) == ("20", "81")


def test_pages_show_the_numbers():
    r = load_example("frontier_cost").results()
    for lang, text in chapter_pages("frontier").items():
        for key, value in r.items():
            assert value in text, f"docs/{lang}/frontier.md does not show {key} = {value}"

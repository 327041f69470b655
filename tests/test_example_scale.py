"""The worked example of the scale chapter: script output matches both pages."""
from conftest import chapter_pages, load_example


def test_arithmetic():
    m = load_example("scale_chinchilla")
    assert m.optimal_tokens(10e9) == 200e9
    assert m.training_flops(10e9, 200e9) == 1.2e22
    # 6ND reproduces the GPT-3 paper's own figure (Table D.1: 3.14E+23 FLOPs).
    assert round(m.training_flops(174.6e9, 300e9) / 1e23, 2) == 3.14
    assert round(m.training_flops(70e9, 1.4e12) / 1e23, 2) == 5.88
    assert round(m.training_flops(280e9, 300e9) / 1e23, 2) == 5.04
    assert round(m.optimal_params_for_budget(3.1428e23) / 1e9) == 51
    assert round(m.exact_match(0.9), 3) == 0.349


def test_rule_of_thumb_is_close_to_chinchilla_table_3():
    m = load_example("scale_chinchilla")
    tokens = m.optimal_tokens(m.EXAMPLE_PARAMS)
    assert abs(tokens - m.TABLE3_TOKENS_10B) / m.TABLE3_TOKENS_10B < 0.03
    flops = m.training_flops(m.EXAMPLE_PARAMS, tokens)
    assert abs(flops - m.TABLE3_FLOPS_10B) / m.TABLE3_FLOPS_10B < 0.03


def test_both_pages_show_the_numbers():
    expected = load_example("scale_chinchilla").results()
    for lang, text in chapter_pages("scale").items():
        for name, value in expected.items():
            assert value in text, f"docs/{lang}/scale.md lacks {name} = {value}"

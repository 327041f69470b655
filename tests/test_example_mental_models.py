"""The worked example of the mental-models chapter: script output matches both pages."""
from conftest import chapter_pages, load_example


def test_arithmetic():
    m = load_example("mental_models_compression")
    assert m.parameter_file_gb() == 140
    assert round(m.compression_ratio(), 1) == 71.4
    assert m.gpu_hours() == 1_728_000
    assert round(m.cost_per_gpu_hour(), 2) == 1.16


def test_both_pages_show_the_numbers():
    expected = load_example("mental_models_compression").results()
    for lang, text in chapter_pages("mental-models").items():
        for name, value in expected.items():
            assert value in text, f"docs/{lang}/mental-models.md lacks {name} = {value}"

"""The worked example of the mental-models chapter: script output matches both pages."""
import importlib.util
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "examples" / "mental_models_compression.py"
PAGES = [ROOT / "docs" / "ko" / "mental-models.md", ROOT / "docs" / "en" / "mental-models.md"]


def load():
    spec = importlib.util.spec_from_file_location("mental_models_compression", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_arithmetic():
    m = load()
    assert m.parameter_file_gb() == 140
    assert round(m.compression_ratio(), 1) == 71.4
    assert m.gpu_hours() == 1_728_000
    assert round(m.cost_per_gpu_hour(), 2) == 1.16


def test_both_pages_show_the_numbers():
    expected = load().results()
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for name, value in expected.items():
            assert value in text, f"{page.name} lacks {name} = {value}"

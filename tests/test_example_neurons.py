"""The interpretability chapter's section on the tiny model (#our-model): every number it
quotes comes from scripts/examples/interpretability_tinylm.py, which reads what
scripts/neurons/pipeline.py committed; the figure matches the summary."""
import re

from conftest import ROOT, chapter_pages, load_example


def section(text):
    start = text.index("{#our-model}")
    return text[start:text.index("\n## ", start)]


def test_both_pages_quote_the_pipeline_numbers():
    facts = load_example("interpretability_tinylm").facts()
    for lang, text in chapter_pages("interpretability").items():
        part = section(text)
        for name, value in facts.items():
            if name.startswith("best_rules") or name.endswith("_unscorable"):
                continue
            assert re.search(rf"(?<![\d.,]){re.escape(value)}(?!\d|[.,]\d)", part), \
                f"docs/{lang}/interpretability.md #our-model lacks {name} = {value}"
        for name in ("neurons_unscorable", "features_unscorable"):
            assert facts[name] in part
        assert '<div data-lab="neurons"></div>' in part
        assert "figures/interpretability-tinylm-scores.svg" in part


def test_figures_show_the_summary():
    ex = load_example("interpretability_tinylm")
    summary, _ = ex.load()
    fig = load_example("interpretability_tinylm")   # noqa: F841
    import sys
    sys.path.insert(0, str(ROOT / "scripts" / "neurons"))
    import figure
    for lang in ("ko", "en"):
        committed = (ROOT / "docs" / lang / "figures" / figure.NAME).read_text(encoding="utf-8")
        assert committed == figure.svg(summary, lang), f"run python3 scripts/neurons/figure.py ({lang})"
        for count in summary["neurons"]["histogram"] + summary["features"]["histogram"]:
            assert f">{count}<" in committed

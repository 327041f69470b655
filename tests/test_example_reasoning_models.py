"""The worked example of the "After ChatGPT" chapter: script output matches both pages."""
import math

import pytest

from conftest import chapter_pages, load_example


def test_dpo_loss_is_the_reward_model_loss_on_a_log_ratio_margin():
    m = load_example("reasoning_models_votes")
    assert math.isclose(m.dpo_margin(), 1.5)
    # Same margin, same logistic loss: DPO's loss equals the rlhf chapter's example.
    assert math.isclose(m.dpo_loss(), m.reward_model_loss(*m.RLHF_SCORES))
    assert math.isclose(m.dpo_loss({k: 0.0 for k in m.LOGP}), math.log(2))
    # Preferring the rejected answer instead makes the loss larger.
    swapped = {"policy_w": m.LOGP["policy_l"], "ref_w": m.LOGP["ref_l"],
               "policy_l": m.LOGP["policy_w"], "ref_l": m.LOGP["ref_w"]}
    assert m.dpo_loss(swapped) > m.dpo_loss()


def test_majority_vote_amplifies_the_likelier_outcome():
    m = load_example("reasoning_models_votes")
    assert m.majority_accuracy(0.6, 1) == pytest.approx(0.6)
    # 5 samples at p = 0.6: P(X >= 3) by hand.
    assert m.majority_accuracy(0.6, 5) == pytest.approx(10 * .6**3 * .4**2 + 5 * .6**4 * .4 + .6**5)
    rising = [m.majority_accuracy(0.6, k) for k in m.KS]
    falling = [m.majority_accuracy(0.4, k) for k in m.KS]
    assert rising == sorted(rising) and falling == sorted(falling, reverse=True)
    for k in m.KS:  # symmetry: p and 1 - p
        assert m.majority_accuracy(0.6, k) + m.majority_accuracy(0.4, k) == pytest.approx(1)
    with pytest.raises(ValueError):
        m.majority_accuracy(0.6, 4)


def test_both_pages_show_the_numbers():
    expected = load_example("reasoning_models_votes").results()
    for lang, text in chapter_pages("reasoning-models").items():
        for name, value in expected.items():
            assert value in text, f"docs/{lang}/reasoning-models.md lacks {name} = {value}"


def test_figures_match_the_script():
    """The bar chart is generated from the same numbers."""
    expected = load_example("reasoning_models_votes").results()
    figures = load_example("reasoning_models_figures")
    for lang in ("ko", "en"):
        svg = figures.vote_chart(lang)
        for name, value in expected.items():
            if name.startswith("maj_"):
                assert value in svg, f"{lang} vote chart lacks {value}"


def test_committed_figures_are_the_generated_ones():
    figures = load_example("reasoning_models_figures")
    for lang in ("ko", "en"):
        folder = figures.ROOT / "docs" / lang / "figures"
        for name, make in (("timeline", figures.timeline), ("dpo", figures.dpo), ("votes", figures.vote_chart)):
            path = folder / f"reasoning-models-{name}.svg"
            assert path.read_text(encoding="utf-8") == make(lang), (
                f"{path} differs from scripts/examples/reasoning_models_figures.py: run it")

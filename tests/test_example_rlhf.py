"""The worked example of the RLHF chapter: script output matches both pages."""
import math

from conftest import chapter_pages, load_example


def test_arithmetic():
    m = load_example("rlhf_reward")
    assert m.pairs(4) == 6 and m.pairs(9) == 36
    assert sum(m.SFT_TRAIN.values()) == 12_725
    assert sum(m.RM_TRAIN.values()) == 33_207
    # Equal scores: the reward model cannot tell the answers apart, loss = ln 2.
    assert math.isclose(m.pair_loss(0.5, 0.5), math.log(2))
    assert m.pair_loss(1.2, -0.3) < m.pair_loss(-0.3, 1.2)
    # The KL penalty reverses the order of the two illustrative answers.
    assert m.HACKED["reward"] > m.HONEST["reward"]
    assert m.kl_penalised_reward(m.HONEST) > m.kl_penalised_reward(m.HACKED)


def test_both_pages_show_the_numbers():
    expected = load_example("rlhf_reward").results()
    for lang, text in chapter_pages("rlhf").items():
        for name, value in expected.items():
            assert value in text, f"docs/{lang}/rlhf.md lacks {name} = {value}"

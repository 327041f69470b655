"""Worked example for the RLHF chapter: from a ranking to a reward-model loss, and the KL leash.

Published inputs (Ouyang et al., 2022, arXiv:2203.02155):

* Table 6: training prompts per dataset. SFT: 11,295 written by labelers + 1,430 from
  API customers. RM: 6,623 + 26,584. PPO: 31,144 from customers only.
* Section 3.5: a labeler ranks K = 4 to 9 answers to one prompt, which gives K(K-1)/2
  pairwise comparisons. The reward-model loss for one pair is -log(sigmoid(r_w - r_l)).
* Appendix C.4: the KL reward coefficient beta = 0.02 (Equation 2).
* Section 5.1: training the 175B SFT model took 4.9 petaflop/s-days and the 175B PPO-ptx
  model 60, against 3,640 for GPT-3 itself.

The reward scores and log-probabilities below are made-up numbers for illustration; only
the formulas and beta come from the paper.

Run: python3 scripts/examples/rlhf_reward.py
"""
from math import comb, exp, log

SFT_TRAIN = {"labeler": 11_295, "customer": 1_430}
RM_TRAIN = {"labeler": 6_623, "customer": 26_584}
PPO_TRAIN = {"customer": 31_144}

K_MIN, K_MAX = 4, 9
BETA = 0.02
SFT_175B_PF_DAYS, PPO_PTX_175B_PF_DAYS, GPT3_PF_DAYS = 4.9, 60, 3_640

# Illustration: the reward model scores two answers to the same prompt.
R_PREFERRED, R_REJECTED = 1.2, -0.3

# Illustration: two answers the policy might write, with their reward-model score and
# the log-probability of the whole answer under the policy and under the SFT model.
HONEST = {"reward": 1.5, "logp_policy": -20.0, "logp_sft": -25.0}
HACKED = {"reward": 3.0, "logp_policy": -15.0, "logp_sft": -115.0}


def pairs(k: int) -> int:
    """Pairwise comparisons in one ranking of k answers."""
    return comb(k, 2)


def sigmoid(x: float) -> float:
    return 1 / (1 + exp(-x))


def preference_probability(r_w: float, r_l: float) -> float:
    """The reward model's probability that the labeler prefers answer w over answer l."""
    return sigmoid(r_w - r_l)


def pair_loss(r_w: float, r_l: float) -> float:
    """Reward-model loss for one comparison: -log sigmoid(r_w - r_l)."""
    return -log(preference_probability(r_w, r_l))


def kl_penalised_reward(answer: dict, beta: float = BETA) -> float:
    """Reward used in PPO: r - beta * log(pi_RL(y|x) / pi_SFT(y|x))."""
    return answer["reward"] - beta * (answer["logp_policy"] - answer["logp_sft"])


def alignment_cost_percent() -> float:
    """Compute for the 175B SFT and PPO-ptx runs as a share of GPT-3's pretraining."""
    return (SFT_175B_PF_DAYS + PPO_PTX_175B_PF_DAYS) / GPT3_PF_DAYS * 100


def results() -> dict[str, str]:
    """The numbers as they are written in both language pages."""
    rm_prompts = sum(RM_TRAIN.values())
    return {
        "sft_prompts": f"{sum(SFT_TRAIN.values()):,}",
        "rm_prompts": f"{rm_prompts:,}",
        "ppo_prompts": f"{sum(PPO_TRAIN.values()):,}",
        "pairs_k4": str(pairs(K_MIN)),
        "pairs_k9": str(pairs(K_MAX)),
        "rm_pairs_low": f"{rm_prompts * pairs(K_MIN):,}",
        "rm_pairs_high": f"{rm_prompts * pairs(K_MAX):,}",
        "p_right": f"{preference_probability(R_PREFERRED, R_REJECTED):.3f}",
        "loss_right": f"{pair_loss(R_PREFERRED, R_REJECTED):.3f}",
        "loss_wrong": f"{pair_loss(R_REJECTED, R_PREFERRED):.3f}",
        "honest_total": f"{kl_penalised_reward(HONEST):.2f}",
        "hacked_total": f"{kl_penalised_reward(HACKED):.2f}",
        "alignment_cost": f"{alignment_cost_percent():.1f}%",
    }


def main() -> None:
    r = results()
    print(f"SFT training prompts: 11,295 + 1,430 = {r['sft_prompts']}")
    print(f"RM training prompts: 6,623 + 26,584 = {r['rm_prompts']}")
    print(f"PPO training prompts: {r['ppo_prompts']}")
    print(f"one ranking of 4 answers -> {r['pairs_k4']} pairs; of 9 answers -> {r['pairs_k9']} pairs")
    print(f"if every RM prompt had 4 answers: {r['rm_pairs_low']} pairs; "
          f"if 9: {r['rm_pairs_high']} pairs")
    print(f"RM scores 1.2 vs -0.3: P(preferred) = sigmoid(1.5) = {r['p_right']}, "
          f"loss = {r['loss_right']}")
    print(f"same pair scored the wrong way round: loss = {r['loss_wrong']}")
    print(f"honest answer: 1.5 - 0.02 x (-20 - (-25)) = {r['honest_total']}")
    print(f"reward-hacking answer: 3.0 - 0.02 x (-15 - (-115)) = {r['hacked_total']}")
    print(f"alignment compute: (4.9 + 60) / 3,640 petaflop/s-days = {r['alignment_cost']} of GPT-3's")


if __name__ == "__main__":
    main()

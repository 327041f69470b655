"""Worked example for the chapter "After ChatGPT: from preference optimisation to reasoning models".

Part 1, DPO: the loss of direct preference optimisation (Rafailov et al., 2023) for one
preference pair, computed from log-probabilities under the policy and a frozen
reference model with a chosen beta, and compared with the reward-model loss of the
RLHF chapter's worked example (scores 1.2 and -0.3, margin 1.5, loss 0.201).

Part 2, voting: if every sampled answer is right with probability p, independently, and
all wrong answers agree with each other (the worst case for voting), then a majority
vote over k samples (k odd) is right with probability P(X > k/2), X ~ Binomial(k, p).

The log-probabilities and p are made up for teaching; beta = 0.1 is this example's
choice. Run: python3 scripts/examples/reasoning_models_votes.py
"""
import math

BETA = 0.1
# Log-probabilities of the whole answer: preferred (w) and rejected (l) answers,
# under the policy being trained and under the frozen reference (SFT) model.
LOGP = {"policy_w": -18.0, "ref_w": -25.0, "policy_l": -30.0, "ref_l": -22.0}
RLHF_SCORES = (1.2, -0.3)  # the rlhf chapter's reward-model example


def sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))


def dpo_margin(lp=LOGP, beta=BETA):
    """beta * (log-ratio of the preferred answer - log-ratio of the rejected answer)."""
    ratio_w = lp["policy_w"] - lp["ref_w"]
    ratio_l = lp["policy_l"] - lp["ref_l"]
    return beta * (ratio_w - ratio_l)


def dpo_loss(lp=LOGP, beta=BETA):
    return -math.log(sigmoid(dpo_margin(lp, beta)))


def reward_model_loss(r_w, r_l):
    return -math.log(sigmoid(r_w - r_l))


def majority_accuracy(p, k):
    """Probability that more than half of k independent samples are right."""
    if k % 2 == 0:
        raise ValueError("use an odd k so that a vote cannot tie")
    return sum(math.comb(k, i) * p**i * (1 - p) ** (k - i) for i in range(k // 2 + 1, k + 1))


KS = (1, 5, 15, 41)
PS = (0.6, 0.4)


def results():
    """The numbers exactly as the chapter prints them."""
    out = {
        "ratio_w": f"{LOGP['policy_w'] - LOGP['ref_w']:+.0f}",
        "ratio_l": f"{LOGP['policy_l'] - LOGP['ref_l']:+.0f}",
        "dpo_margin": f"{dpo_margin():.1f}",
        "dpo_loss": f"{dpo_loss():.3f}",
        "rm_loss": f"{reward_model_loss(*RLHF_SCORES):.3f}",
        "dpo_loss_start": f"{dpo_loss({k: 0.0 for k in LOGP}):.3f}",
    }
    for p in PS:
        for k in KS:
            out[f"maj_p{p}_k{k}"] = f"{100 * majority_accuracy(p, k):.1f}%"
    return out


def main():
    r = results()
    print(f"DPO, beta = {BETA}")
    print(f"  log-ratio of the preferred answer: {r['ratio_w']}")
    print(f"  log-ratio of the rejected answer:  {r['ratio_l']}")
    print(f"  margin beta * (difference):        {r['dpo_margin']}")
    print(f"  DPO loss -ln sigma(margin):        {r['dpo_loss']}")
    print(f"  at the start (policy = reference): {r['dpo_loss_start']}  (ln 2)")
    print(f"  RLHF reward-model loss, scores {RLHF_SCORES}: {r['rm_loss']}")
    print()
    for p in PS:
        print(f"Majority vote, each sample right with p = {p}")
        for k in KS:
            print(f"  k = {k:2d}: {r[f'maj_p{p}_k{k}']}")


if __name__ == "__main__":
    main()

"""Worked example for the scale chapter: training compute and compute-optimal data.

Two rules of thumb do all the work:

* Training compute is about 6 floating-point operations per parameter per training token,
  C = 6 * N * D (Kaplan et al., 2020, arXiv:2001.08361, section 2.1; the GPT-3 paper,
  Brown et al., 2020, arXiv:2005.14165, Appendix D, uses the same count).
* A compute-optimal model sees about 20 training tokens per parameter (Hoffmann et al.,
  2022, arXiv:2203.15556: Chinchilla, 70B parameters on 1.4T tokens; Table 3 gives
  20.2B tokens for 1B parameters and 205.1B tokens for 10B parameters).

The inputs below are the published sizes; the program only does the arithmetic.
It also computes the toy "mirage" numbers of the emergence section: if a model gets each
token of an answer right with probability p, it gets a 10-token answer exactly right with
probability p**10 (the argument of Schaeffer, Miranda & Koyejo, 2023, arXiv:2304.15004).

Run: python3 scripts/examples/scale_chinchilla.py
"""
from math import sqrt

TOKENS_PER_PARAMETER = 20          # Chinchilla rule of thumb
FLOPS_PER_PARAMETER_PER_TOKEN = 6  # 2 for the forward pass, 4 for the backward pass

EXAMPLE_PARAMS = 10e9              # a 10B-parameter model, our worked example
TABLE3_TOKENS_10B = 205.1e9        # Chinchilla paper, Table 3, 10 Billion parameters
TABLE3_FLOPS_10B = 1.23e22

GPT3_PARAMS = 174.6e9              # GPT-3 175B, exact count from Table D.1 of the GPT-3 paper
GPT3_TOKENS = 300e9
GPT3_REPORTED_FLOPS = 3.14e23      # Table D.1

CHINCHILLA_PARAMS, CHINCHILLA_TOKENS = 70e9, 1.4e12
GOPHER_PARAMS, GOPHER_TOKENS = 280e9, 300e9

CHILD_WORDS_BY_13 = 100e6          # children hear fewer than about 100M words by age 13
                                   # (BabyLM call for papers, Warstadt et al., 2023, arXiv:2301.11796)

ANSWER_LENGTH = 10                 # tokens in the toy exact-match task
PER_TOKEN_ACCURACIES = (0.5, 0.8, 0.9, 0.95, 0.99)


def optimal_tokens(params: float) -> float:
    """Compute-optimal number of training tokens for a model size (about 20 per parameter)."""
    return TOKENS_PER_PARAMETER * params


def training_flops(params: float, tokens: float) -> float:
    """Approximate training compute C = 6 N D, in floating-point operations."""
    return FLOPS_PER_PARAMETER_PER_TOKEN * params * tokens


def optimal_params_for_budget(flops: float) -> float:
    """Model size that spends a compute budget Chinchilla-style: C = 6 N (20 N) = 120 N^2."""
    return sqrt(flops / (FLOPS_PER_PARAMETER_PER_TOKEN * TOKENS_PER_PARAMETER))


def exact_match(per_token: float, length: int = ANSWER_LENGTH) -> float:
    """Chance that every one of `length` independent tokens is right."""
    return per_token ** length


def sci(x: float) -> str:
    """Scientific notation as written in the pages' LaTeX: 1.2 \\times 10^{22}."""
    mantissa, exponent = f"{x:.2e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


def results() -> dict[str, str]:
    """The numbers as they are written in both language pages."""
    gpt3_optimal_n = optimal_params_for_budget(training_flops(GPT3_PARAMS, GPT3_TOKENS))
    out = {
        "example_tokens": f"{optimal_tokens(EXAMPLE_PARAMS) / 1e9:.0f}B",
        "example_flops": sci(training_flops(EXAMPLE_PARAMS, optimal_tokens(EXAMPLE_PARAMS))),
        "gpt3_flops": sci(training_flops(GPT3_PARAMS, GPT3_TOKENS)),
        "gpt3_tokens_per_param": f"{GPT3_TOKENS / GPT3_PARAMS:.1f}",
        "gpt3_optimal_tokens": f"{optimal_tokens(175e9) / 1e12:.1f}T",
        "chinchilla_flops": sci(training_flops(CHINCHILLA_PARAMS, CHINCHILLA_TOKENS)),
        "gopher_flops": sci(training_flops(GOPHER_PARAMS, GOPHER_TOKENS)),
        "chinchilla_tokens_per_param": f"{CHINCHILLA_TOKENS / CHINCHILLA_PARAMS:.0f}",
        "gopher_tokens_per_param": f"{GOPHER_TOKENS / GOPHER_PARAMS:.2f}",
        "gpt3_budget_optimal_params": f"{gpt3_optimal_n / 1e9:.0f}B",
        "gpt3_budget_optimal_tokens": f"{optimal_tokens(gpt3_optimal_n) / 1e12:.1f}T",
        "child_ratio": f"{CHINCHILLA_TOKENS / CHILD_WORDS_BY_13:,.0f}",
    }
    for p in PER_TOKEN_ACCURACIES:
        out[f"exact_match_{p}"] = f"{exact_match(p) * 100:.1f}%"
    return out


def main() -> None:
    r = results()
    print("Rule of thumb: about 20 tokens per parameter; compute C = 6 N D FLOPs")
    print(f"10B model: {r['example_tokens']} tokens, C = {r['example_flops']} FLOPs "
          f"(Chinchilla Table 3: 205.1B tokens, 1.23e22 FLOPs)")
    print(f"GPT-3: 6 x 174.6e9 x 300e9 = {r['gpt3_flops']} FLOPs (paper: 3.14e23); "
          f"{r['gpt3_tokens_per_param']} tokens per parameter; "
          f"20 x 175B = {r['gpt3_optimal_tokens']} tokens would be compute-optimal")
    print(f"Chinchilla 70B x 1.4T: {r['chinchilla_flops']} FLOPs, "
          f"{r['chinchilla_tokens_per_param']} tokens per parameter")
    print(f"Gopher 280B x 300B: {r['gopher_flops']} FLOPs, "
          f"{r['gopher_tokens_per_param']} tokens per parameter")
    print(f"GPT-3's budget spent Chinchilla-style: N = sqrt(C / 120) = "
          f"{r['gpt3_budget_optimal_params']} parameters on {r['gpt3_budget_optimal_tokens']} tokens")
    print(f"Chinchilla's 1.4T tokens / a child's 100M words = {r['child_ratio']}x")
    for p in PER_TOKEN_ACCURACIES:
        print(f"per-token accuracy {p:.2f} -> exact match of {ANSWER_LENGTH} tokens "
              f"{r[f'exact_match_{p}']}")


if __name__ == "__main__":
    main()

"""Worked example for the frontier chapter: the cost of training and of serving a model.

Rules of thumb (Kaplan et al., 2020, arXiv:2001.08361, section 2.1):

* a forward pass costs about 2 N floating-point operations per token, N = parameters;
* training (forward plus backward) costs about 6 N per token, so C = 6 N D for D tokens.

Published inputs:

* Llama 2 70B: 70B parameters, pretrained on 2 trillion tokens, 1,720,320 GPU-hours on
  A100-80GB GPUs (Touvron et al., 2023, arXiv:2307.09288, Table 2 and the model card).
* A100 peak dense BF16 tensor throughput: 312 TFLOP/s (NVIDIA A100 datasheet).
* A100 memory: 80 GB for the A100-80GB.
* LLaMA-13B: 13B parameters trained on 1.0 trillion tokens, against GPT-3's 175B
  (Touvron et al., 2023, arXiv:2302.13971); Chinchilla's compute-optimal ratio is about
  20 tokens per parameter (Hoffmann et al., 2022, arXiv:2203.15556).
* Context windows: 8,192 tokens for gpt-4 and 32,768 for gpt-4-32k (OpenAI, "GPT-4",
  14 March 2023), used with the same toy conversation as the ChatGPT chapter
  (100-token instructions, turns of 150 + 250 tokens).

Run: python3 scripts/examples/frontier_cost.py
"""

LLAMA2_70B_PARAMS = 70e9
LLAMA2_TOKENS = 2e12
LLAMA2_70B_GPU_HOURS = 1_720_320
A100_PEAK_BF16 = 312e12          # FLOP/s, dense
A100_MEMORY_GB = 80
BYTES_PER_PARAM_16BIT = 2
SMALL_MODEL_PARAMS = 7e9
ANSWER_TOKENS = 500
LLAMA_13B_PARAMS, LLAMA_13B_TOKENS, GPT3_PARAMS = 13e9, 1.0e12, 175e9

GPT4_WINDOWS = (8192, 32768)
DEVELOPER_TOKENS, QUESTION_TOKENS, REPLY_TOKENS = 100, 150, 250


def training_flops(params: float, tokens: float) -> float:
    """C = 6 N D."""
    return 6 * params * tokens


def flops_per_token(params: float) -> float:
    """About 2 N operations to produce one token."""
    return 2 * params


def turns_that_fit(window: int) -> int:
    """Same toy conversation as scripts/examples/chatgpt_context_budget.py."""
    per_turn = QUESTION_TOKENS + REPLY_TOKENS
    return (window - DEVELOPER_TOKENS) // per_turn


def sci(x: float) -> str:
    """Scientific notation as the pages' LaTeX writes it: 8.4 \\times 10^{23}."""
    mantissa, exponent = f"{x:.2e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


def results() -> dict[str, str]:
    """The numbers as both language pages print them."""
    c = training_flops(LLAMA2_70B_PARAMS, LLAMA2_TOKENS)
    seconds = LLAMA2_70B_GPU_HOURS * 3600
    achieved = c / seconds
    per_token = flops_per_token(LLAMA2_70B_PARAMS)
    weights_gb = LLAMA2_70B_PARAMS * BYTES_PER_PARAM_16BIT / 1e9
    gpus_for_weights = -(-weights_gb // A100_MEMORY_GB)
    return {
        "llama2_flops": sci(c),
        "gpu_seconds": sci(seconds),
        "achieved_tflops": f"{achieved / 1e12:.0f}",
        "utilisation": f"{achieved / A100_PEAK_BF16 * 100:.0f}%",
        "per_token_70b": sci(per_token),
        "answer_flops": sci(per_token * ANSWER_TOKENS),
        "training_in_tokens": f"{c / per_token / 1e12:.0f}",
        "per_token_7b": sci(flops_per_token(SMALL_MODEL_PARAMS)),
        "weights_7b_gb": f"{SMALL_MODEL_PARAMS * BYTES_PER_PARAM_16BIT / 1e9:.0f}",
        "weights_gb": f"{weights_gb:.0f}",
        "gpus_for_weights": f"{gpus_for_weights:.0f}",
        "llama13b_tokens_per_param": f"{LLAMA_13B_TOKENS / LLAMA_13B_PARAMS:.0f}",
        "gpt3_over_llama13b": f"{GPT3_PARAMS / LLAMA_13B_PARAMS:.1f}",
        "turns_8k": str(turns_that_fit(GPT4_WINDOWS[0])),
        "turns_32k": str(turns_that_fit(GPT4_WINDOWS[1])),
    }


def main() -> None:
    r = results()
    print(f"Llama 2 70B training: 6 x 70e9 x 2e12 = {r['llama2_flops']} FLOPs")
    print(f"  1,720,320 GPU-hours = {r['gpu_seconds']} GPU-seconds -> "
          f"{r['achieved_tflops']} TFLOP/s per GPU = {r['utilisation']} of the 312 TFLOP/s peak")
    print(f"Serving: 2 x 70e9 = {r['per_token_70b']} FLOPs per token; "
          f"a {ANSWER_TOKENS}-token answer = {r['answer_flops']} FLOPs")
    print(f"  training compute = generating {r['training_in_tokens']} trillion tokens")
    print(f"  a 7B model: {r['per_token_7b']} FLOPs per token, {r['weights_7b_gb']} GB of 16-bit weights")
    print(f"  weights in 16-bit: {r['weights_gb']} GB -> at least "
          f"{r['gpus_for_weights']} A100-80GB GPUs just to hold them")
    print(f"LLaMA-13B: {r['llama13b_tokens_per_param']} tokens per parameter (Chinchilla: about 20); "
          f"GPT-3 is {r['gpt3_over_llama13b']} times larger")
    print(f"Toy conversation: {r['turns_8k']} turns fit in 8,192 tokens, "
          f"{r['turns_32k']} in 32,768")


if __name__ == "__main__":
    main()

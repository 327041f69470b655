"""Worked example for the ChatGPT chapter: how fast a conversation fills a context window.

A chat model keeps no state between calls. To continue a conversation, the caller sends the
whole history again, and the instructions, the history, the new question and the answer
must all fit in the model's context window. gpt-3.5-turbo, the model behind ChatGPT in
March 2023, had a window of 4,096 tokens (OpenAI model documentation, 2023; OpenAI,
"Introducing ChatGPT and Whisper APIs", 1 March 2023, says gpt-3.5-turbo is the model used
in the ChatGPT product).

The message sizes below are assumptions chosen for the example, not measurements:
a 100-token developer message, then turns of a 150-token question and a 250-token answer.

Run: python3 scripts/examples/chatgpt_context_budget.py
"""

WINDOW_GPT35_TURBO = 4096   # tokens, prompt plus output

DEVELOPER_TOKENS = 100      # the instructions sent at the top of every request
QUESTION_TOKENS = 150       # each user message
ANSWER_TOKENS = 250         # each assistant reply


def request_tokens(turn: int) -> dict[str, int]:
    """Tokens in the request that produces answer number `turn` (1-based).

    The input holds the developer message, every earlier question and answer, and the new
    question; the output is the new answer. Both count against the window.
    """
    history = (turn - 1) * (QUESTION_TOKENS + ANSWER_TOKENS)
    prompt = DEVELOPER_TOKENS + history + QUESTION_TOKENS
    return {"prompt": prompt, "output": ANSWER_TOKENS, "total": prompt + ANSWER_TOKENS}


def turns_that_fit(window: int) -> int:
    """The largest number of turns whose last request still fits in the window."""
    turn = 0
    while request_tokens(turn + 1)["total"] <= window:
        turn += 1
    return turn


def conversation_totals(turns: int) -> dict[str, int]:
    """Tokens sent (prompt) and received (output) over the first `turns` requests."""
    prompt = sum(request_tokens(t)["prompt"] for t in range(1, turns + 1))
    output = sum(request_tokens(t)["output"] for t in range(1, turns + 1))
    typed = turns * QUESTION_TOKENS
    return {"prompt": prompt, "output": output, "typed": typed}


def results() -> dict[str, str]:
    """The numbers as both language pages print them."""
    fit = turns_that_fit(WINDOW_GPT35_TURBO)
    totals = conversation_totals(fit)
    return {
        "window": f"{WINDOW_GPT35_TURBO:,}",
        "first_total": f"{request_tokens(1)['total']:,}",
        "per_turn_growth": f"{QUESTION_TOKENS + ANSWER_TOKENS:,}",
        "turns_fit": str(fit),
        "last_fit_total": f"{request_tokens(fit)['total']:,}",
        "next_total": f"{request_tokens(fit + 1)['total']:,}",
        "prompt_tokens_sent": f"{totals['prompt']:,}",
        "typed_tokens": f"{totals['typed']:,}",
        "resend_ratio": f"{totals['prompt'] / totals['typed']:.1f}",
    }


def main() -> None:
    r = results()
    print(f"context window (gpt-3.5-turbo): {r['window']} tokens")
    for t in range(1, turns_that_fit(WINDOW_GPT35_TURBO) + 2):
        req = request_tokens(t)
        flag = "fits" if req["total"] <= WINDOW_GPT35_TURBO else "does NOT fit"
        print(f"turn {t:2d}: prompt {req['prompt']:5,} + answer {req['output']} "
              f"= {req['total']:5,} tokens -> {flag}")
    print(f"turns that fit: {r['turns_fit']} (each turn adds {r['per_turn_growth']} tokens)")
    print(f"prompt tokens sent over those turns: {r['prompt_tokens_sent']}, "
          f"of which the user typed {r['typed_tokens']} "
          f"-> {r['resend_ratio']}x the text actually typed")


if __name__ == "__main__":
    main()

"""The explanation language, the simulator and the score (numpy-free, MkDocs-free).

The lab (docs/assets/labs/neurons/rules.js) implements exactly the same functions; the
tests check the two against each other in Chromium.

An explanation is read as rules, one per clause; clauses are separated by ``;`` or by
line breaks. Inside a clause:

* every quoted text ('…', "…", ‘…’ or “…”) is a pattern; ␣ stands for a space and ↵ for
  a line break;
* ``'X' after 'Y'`` (English) or ``'Y' 뒤의 'X'`` (Korean: the word 뒤) means X only when
  Y comes right before it; it is the pattern YX;
* the last number outside the quotes, 0 to 10, is the rule's activation (10 if there is
  none); every other word is ignored, so "fires on 'ing': 7" is the rule 'ing' = 7.

A pattern fires on the character where it ends (the model reads left to right, so it can
only know it has seen 'ing' at the 'g'). The simulated activation of a character is the
largest activation of the rules that fire on it, 0 if none does. The score is the Pearson
correlation between the simulated and the real activations (integers 0-10) of every
character of the scoring excerpts taken together ("all at once", Bills et al. 2023); a
simulation (or a real activation) that is the same everywhere has no variance, so it has
no correlation: it is reported as unscorable (None) and counted as 0.
"""
from __future__ import annotations

import math
import re
import unicodedata

QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"|‘([^’]*)’|“([^”]*)”")
NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
AFTER = re.compile(r"(?<![A-Za-z])after(?![A-Za-z])", re.I)
SEPARATOR = re.compile(r"[;\n]")
VISIBLE = {"␣": " ", "↵": "\n"}


def _pattern(text: str) -> str:
    return "".join(VISIBLE.get(ch, ch) for ch in text)


def parse(explanation: str) -> list[tuple[str, float]]:
    """[(pattern, activation)] of an explanation, in the order written."""
    rules = []
    for clause in SEPARATOR.split(unicodedata.normalize("NFC", explanation)):
        quoted = [next(g for g in m.groups() if g is not None) for m in QUOTED.finditer(clause)]
        quoted = [_pattern(q) for q in quoted]
        rest = QUOTED.sub(" ", clause)
        numbers = NUMBER.findall(rest)
        weight = min(10.0, float(numbers[-1])) if numbers else 10.0
        if AFTER.search(rest) and len(quoted) >= 2:
            patterns = [quoted[1] + quoted[0]]
        elif "뒤" in rest and len(quoted) >= 2:
            patterns = [quoted[0] + quoted[1]]
        else:
            patterns = quoted
        rules += [(p, weight) for p in patterns if p]
    return rules


def simulate(rules, text: str) -> list[float]:
    """The simulated activation (0-10) of every character of text."""
    out = [0.0] * len(text)
    for pattern, weight in rules:
        n = len(pattern)
        start = text.find(pattern)
        while start >= 0:
            end = start + n - 1
            if weight > out[end]:
                out[end] = weight
            start = text.find(pattern, start + 1)
    return out


def pearson(xs, ys):
    """Pearson correlation of two equally long lists; None when either is constant.

    Written as plain sums in a fixed order so that the browser gets the same number."""
    n = len(xs)
    if n != len(ys) or n < 2:
        raise ValueError("need two lists of the same length, at least 2")
    sx = sy = 0.0
    for x, y in zip(xs, ys):
        sx += x
        sy += y
    mx = sx / n
    my = sy / n
    sxy = sxx = syy = 0.0
    for x, y in zip(xs, ys):
        sxy += (x - mx) * (y - my)
        sxx += (x - mx) * (x - mx)
        syy += (y - my) * (y - my)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def score(explanation_or_rules, excerpts) -> float | None:
    """Score of an explanation on excerpts [(text, [real activation per character])]."""
    rules = parse(explanation_or_rules) if isinstance(explanation_or_rules, str) else explanation_or_rules
    sim, real = [], []
    for text, acts in excerpts:
        sim += simulate(rules, text)
        real += [float(a) for a in acts]
    return pearson(sim, real)


def quote(text: str) -> str:
    text = "".join({" ": "␣", "\n": "↵"}.get(ch, ch) for ch in text)
    return f'"{text}"' if "'" in text else f"'{text}'"


def render(rules, lang: str) -> str:
    """Rules [(context, target, activation)] as words a reader can read and the parser
    reads back to the same rules: "on 'g' after 'in': 7; on 'x': 4" or, in Korean,
    "'in' 뒤의 'g': 7; 'x': 4"."""
    parts = []
    for context, target, weight in rules:
        w = f"{weight:g}"
        if lang == "ko":
            parts.append(f"{quote(context)} 뒤의 {quote(target)}: {w}" if context else f"{quote(target)}: {w}")
        else:
            parts.append(f"on {quote(target)} after {quote(context)}: {w}" if context else f"on {quote(target)}: {w}")
    return "; ".join(parts)

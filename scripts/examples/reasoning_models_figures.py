"""Writes the three figures of the chapter "After ChatGPT" (reasoning-models), both languages.

docs/{ko,en}/figures/reasoning-models-timeline.svg  events on a real month axis
docs/{ko,en}/figures/reasoning-models-dpo.svg       RLHF and DPO side by side
docs/{ko,en}/figures/reasoning-models-votes.svg     majority-vote accuracy (numbers from
                                                    reasoning_models_votes.py)
House rules: viewBox 360 units wide, text >= 13 units, colours only through the theme's
CSS variables. Run: python3 scripts/examples/reasoning_models_figures.py
"""
import importlib.util
import pathlib
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("votes", ROOT / "scripts/examples/reasoning_models_votes.py")
votes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(votes)

INK = "fill:var(--fig-ink, currentColor)"
MUTED = "fill:var(--fig-muted, currentColor)"


def acc(n):
    return f"var(--fig-accent-{n}, currentColor)"


def fill(n):
    return f"var(--fig-fill-{n}, none)"


def text(x, y, s, size=13, anchor="start", style=INK, bold=False):
    b = ";font-weight:bold" if bold else ""
    return (f'<text x="{x:g}" y="{y:g}" font-size="{size}" text-anchor="{anchor}" '
            f'style="{style}{b}">{escape(s)}</text>')


def lines(x, y, parts, size=13, anchor="middle", style=INK, bold=False, dy=16):
    out = []
    for i, s in enumerate(parts):
        out.append(text(x, y + i * dy, s, size, anchor, style, bold))
    return "\n  ".join(out)


def svg(height, body):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 {height:g}" font-size="14">\n  '
            + "\n  ".join(body) + "\n</svg>\n")


# ---------------------------------------------------------------- timeline
# Months counted from December 2022 (= 0); an event sits in the middle of its month.
EVENTS = [  # (month index, colour, {lang: (date label, name)})
    (0, 1, {"en": ("Dec 2022", "Constitutional AI"), "ko": ("2022.12", "헌법적 AI")}),
    (5, 1, {"en": ("May 2023", "DPO"), "ko": ("2023.5", "DPO")}),
    (13, 2, {"en": ("Jan 2024", "Mixtral 8x7B (MoE)"), "ko": ("2024.1", "Mixtral 8x7B(MoE)")}),
    (14, 3, {"en": ("Feb 2024", "KMMLU"), "ko": ("2024.2", "KMMLU")}),
    (15, 2, {"en": ("Mar 2024", "Gemini 1.5"), "ko": ("2024.3", "Gemini 1.5")}),
    (16, 3, {"en": ("Apr 2024", "HyperCLOVA X"), "ko": ("2024.4", "HyperCLOVA X")}),
    (20, 3, {"en": ("Aug 2024", "EXAONE 3.0"), "ko": ("2024.8", "EXAONE 3.0")}),
    (21.4, 4, {"en": ("12 Sep 2024", "OpenAI o1"), "ko": ("2024.9.12", "OpenAI o1")}),
    (25, 4, {"en": ("Jan 2025", "DeepSeek-R1"), "ko": ("2025.1", "DeepSeek-R1")}),
]
TICKS = [(1, {"en": "Jan 2023", "ko": "2023.1"}), (7, {"en": "Jul 2023", "ko": "2023.7"}),
         (13, {"en": "Jan 2024", "ko": "2024.1"}), (19, {"en": "Jul 2024", "ko": "2024.7"}),
         (25, {"en": "Jan 2025", "ko": "2025.1"}), (31, {"en": "Jul 2025", "ko": "2025.7"})]
END = (30.5, {"en": "account ends, mid-2025", "ko": "서술 끝: 2025년 중반"})
AX, TOP, PER_MONTH = 84, 24, 13.5


def month_y(m):
    return TOP + (m + 0.5) * PER_MONTH


def timeline(lang):
    body = []
    bottom = month_y(31)
    body.append(f'<path d="M{AX} {TOP} L{AX} {bottom:.1f}" style="fill:none;stroke:{acc(1).replace(acc(1), "var(--fig-muted, currentColor)")};stroke-width:2"/>')
    for m, label in TICKS:
        y = TOP + m * PER_MONTH  # tick at the start of the month
        body.append(f'<path d="M{AX - 5} {y:.1f} L{AX} {y:.1f}" style="fill:none;stroke:var(--fig-muted, currentColor);stroke-width:1.5"/>')
        body.append(text(AX - 9, y + 4.5, label[lang], anchor="end", style=MUTED))
    label_y = -1e9
    for m, colour, names in EVENTS:
        y = month_y(m)
        ly = max(y, label_y + 24)
        label_y = ly
        body.append(f'<path d="M{AX} {y:.1f} L{AX + 16} {y:.1f} L{AX + 28} {ly:.1f} L{AX + 32} {ly:.1f}" '
                    f'style="fill:none;stroke:{acc(colour)};stroke-width:1.2"/>')
        body.append(f'<circle cx="{AX}" cy="{y:.1f}" r="4.5" style="fill:{fill(colour)};stroke:{acc(colour)};stroke-width:2"/>')
        date, name = names[lang]
        body.append(f'<text x="{AX + 36}" y="{ly + 4.5:.1f}" font-size="13"><tspan style="{MUTED}">{escape(date)}</tspan> '
                    f'<tspan style="fill:{acc(colour)};font-weight:bold">{escape(name)}</tspan></text>')
    y = month_y(END[0])
    body.append(f'<path d="M{AX - 6} {y:.1f} L{AX + 6} {y:.1f}" style="fill:none;stroke:var(--fig-ink, currentColor);stroke-width:2"/>')
    body.append(text(AX + 36, y + 4.5, END[1][lang], style=INK, bold=True))
    return svg(bottom + 12, body)


# ---------------------------------------------------------------- RLHF vs DPO
DPO_TEXT = {
    "en": {
        "rlhf": "RLHF", "dpo": "DPO",
        "rows": [
            (["Preference pairs", "(chosen, rejected)"], ["The same", "preference pairs"]),
            (["Train a separate", "reward model"], ["No reward model"]),
            (["PPO: sample answers,", "score them,", "KL penalty"], ["One classification", "loss on log-ratios", "to a frozen reference"]),
            (["Tuned policy"], ["Tuned policy"]),
        ],
    },
    "ko": {
        "rlhf": "RLHF", "dpo": "DPO",
        "rows": [
            (["선호 쌍", "(고른 답, 버린 답)"], ["같은 선호 쌍"]),
            (["별도의", "보상 모델 학습"], ["보상 모델 없음"]),
            (["PPO: 답을 샘플링해", "점수 매기기,", "KL 페널티"], ["고정된 기준 모델과의", "로그 비율로 계산하는", "분류 손실 하나"]),
            (["조정된 정책"], ["조정된 정책"]),
        ],
    },
}


def dpo(lang):
    t = DPO_TEXT[lang]
    body = []
    cols = [(8, 168, 1, t["rlhf"]), (184, 168, 2, t["dpo"])]
    for x, w, c, title in cols:
        body.append(text(x + w / 2, 20, title, size=15, anchor="middle", style=f"fill:{acc(c)}", bold=True))
    y = 32
    heights = [52, 52, 70, 34]
    for (left, right), h in zip(t["rows"], heights):
        for (x, w, c, _), parts in zip(cols, (left, right)):
            absent = parts == DPO_TEXT[lang]["rows"][1][1]
            dash = ";stroke-dasharray:5 4" if absent else ""
            fillc = "none" if absent else fill(c)
            body.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" '
                        f'style="fill:{fillc};stroke:{acc(c)};stroke-width:1.5{dash}"/>')
            n = len(parts)
            first = y + h / 2 - (n - 1) * 8 + 4.5
            body.append(lines(x + w / 2, first, parts, style=MUTED if absent else INK))
        y += h
        if h != heights[-1]:
            for x, w, c, _ in cols:
                cx = x + w / 2
                body.append(f'<path d="M{cx} {y + 2} L{cx} {y + 14}" style="fill:none;stroke:{acc(c)};stroke-width:1.5"/>')
                body.append(f'<path d="M{cx - 5} {y + 10} L{cx} {y + 16} L{cx + 5} {y + 10} Z" style="fill:{acc(c)};stroke:none"/>')
            y += 16
    return svg(y + 8, body)


# ---------------------------------------------------------------- majority vote
VOTE_TEXT = {
    "en": {0.6: "Each sample right 60% of the time", 0.4: "Each sample right 40% of the time", "k": "k = {k}"},
    "ko": {0.6: "샘플 하나가 맞을 확률 60%", 0.4: "샘플 하나가 맞을 확률 40%", "k": "k = {k}"},
}


def vote_chart(lang):
    t = VOTE_TEXT[lang]
    body = []
    x0, width = 64, 230  # bar starts at x0; 100% = width
    y = 20
    for p, colour in ((0.6, 1), (0.4, 4)):
        body.append(text(8, y, t[p], style=INK, bold=True))
        y += 10
        for k in votes.KS:
            a = votes.majority_accuracy(p, k)
            w = width * a
            body.append(text(x0 - 8, y + 15, t["k"].format(k=k), anchor="end", style=MUTED))
            body.append(f'<rect x="{x0}" y="{y}" width="{w:.1f}" height="20" '
                        f'style="fill:{fill(colour)};stroke:{acc(colour)};stroke-width:1.5"/>')
            body.append(text(x0 + w + 6, y + 15, f"{100 * a:.1f}%", style=f"fill:{acc(colour)}", bold=True))
            y += 26
        y += 20
    return svg(y - 10, body)


def main():
    for lang in ("ko", "en"):
        out = ROOT / "docs" / lang / "figures"
        (out / "reasoning-models-timeline.svg").write_text(timeline(lang), encoding="utf-8")
        (out / "reasoning-models-dpo.svg").write_text(dpo(lang), encoding="utf-8")
        (out / "reasoning-models-votes.svg").write_text(vote_chart(lang), encoding="utf-8")
        print("wrote", out / "reasoning-models-*.svg")


if __name__ == "__main__":
    main()

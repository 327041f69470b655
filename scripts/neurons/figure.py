"""The interpretability chapter's figure of the score distribution on the tiny model, in
both languages, from docs/assets/labs/neurons/summary.json (MkDocs-free).

    python3 scripts/neurons/figure.py      # writes docs/{ko,en}/figures/interpretability-tinylm-scores.svg
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUMMARY = ROOT / "docs" / "assets" / "labs" / "neurons" / "summary.json"
NAME = "interpretability-tinylm-scores.svg"
TEXT = {
    "en": {"title": "Scores of the automatic explanations", "neurons": "{n} neurons, layer 2",
           "features": "{n} autoencoder features", "axis": "score (correlation)", "good": "≥ 0.8: {k}",
           "desc": "Two histograms of explanation scores, ten bins from below 0.1 to 0.9 and above."},
    "ko": {"title": "자동 설명의 점수 분포", "neurons": "뉴런 {n}개(2층)", "features": "오토인코더 특징 {n}개",
           "axis": "점수(상관계수)", "good": "0.8 이상: {k}개",
           "desc": "설명 점수의 히스토그램 두 개. 0.1 미만부터 0.9 이상까지 열 구간."},
}


def panel(y0, hist, colour, fill, title, good):
    """One histogram, 150 units tall, starting at y0."""
    left, width, height = 30, 310, 90
    top = max(hist) or 1
    bw = width / len(hist)
    out = [f'<text x="{left}" y="{y0 + 16}" font-size="14" font-weight="700" style="fill:var(--fig-ink)">{title}</text>',
           f'<text x="{left + width}" y="{y0 + 16}" font-size="14" font-weight="700" text-anchor="end" style="fill:var(--fig-accent-1)">{good}</text>']
    base = y0 + 30 + height
    for i, v in enumerate(hist):
        h = height * v / top
        x = left + i * bw
        out.append(f'<rect x="{x + 2:.1f}" y="{base - h:.1f}" width="{bw - 4:.1f}" height="{h:.1f}" '
                   f'style="fill:var({fill});stroke:var({colour})"/>')
        out.append(f'<text x="{x + bw / 2:.1f}" y="{max(base - h - 3, y0 + 32):.1f}" font-size="13" style="fill:var(--fig-ink)" text-anchor="middle">{v}</text>')
    out.append(f'<line x1="{left}" y1="{base}" x2="{left + width}" y2="{base}" style="stroke:var(--fig-muted)"/>')
    for t in (0, 5, 10):
        out.append(f'<text x="{left + t * bw:.1f}" y="{base + 16}" font-size="13" style="fill:var(--fig-ink)" text-anchor="middle">{t / 10:.1f}</text>')
    return out


def svg(summary, lang):
    t = TEXT[lang]
    n, f = summary["neurons"], summary["features"]
    body = [f'<text x="180" y="18" font-size="14" font-weight="700" style="fill:var(--fig-ink)" text-anchor="middle">{t["title"]}</text>']
    body += panel(30, n["histogram"], "--fig-accent-2", "--fig-fill-2", t["neurons"].format(n=n["units"]),
                  t["good"].format(k=n["at_least_0_8"]))
    body += panel(190, f["histogram"], "--fig-accent-3", "--fig-fill-3", t["features"].format(n=f["units"]),
                  t["good"].format(k=f["at_least_0_8"]))
    body.append(f'<text x="180" y="362" font-size="13" style="fill:var(--fig-ink)" text-anchor="middle">{t["axis"]}</text>')
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 370" role="img" '
            f'aria-labelledby="interpretability-tinylm-scores-desc">'
            f'<desc id="interpretability-tinylm-scores-desc">{t["desc"]}</desc>'
            + "".join(body) + "</svg>\n")


def main():
    summary = json.loads(SUMMARY.read_text(encoding="utf-8"))
    for lang in TEXT:
        (ROOT / "docs" / lang / "figures" / NAME).write_text(svg(summary, lang), encoding="utf-8")


if __name__ == "__main__":
    main()

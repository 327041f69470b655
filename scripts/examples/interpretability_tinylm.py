"""Worked example for the interpretability chapter: explain, simulate, score on the book's
own tiny model. Reads what scripts/neurons/pipeline.py committed
(docs/assets/labs/neurons/summary.json and units.json) and prints the numbers the chapter
quotes: how many neurons and features reach 0.8, their mean scores, the autoencoder's
reconstruction, and the example units.

Run: python3 scripts/examples/interpretability_tinylm.py
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "assets" / "labs" / "neurons"
sys.path.insert(0, str(ROOT / "scripts" / "neurons"))
import rules  # noqa: E402


def load():
    summary = json.loads((OUT / "summary.json").read_text(encoding="utf-8"))
    data = json.loads((OUT / "units.json").read_text(encoding="utf-8"))
    return summary, data


def unit(data, uid):
    kind = "neurons" if uid[0] == "n" else "features"
    return next(u for u in data[kind] if u["id"] == uid)


# The polysemantic neuron the chapter shows (0-based id; the chapter counts from 1). It was
# chosen by reading the data; every number about it comes from the data.
POLY = "n136"


def facts():
    summary, data = load()
    n, f = summary["neurons"], summary["features"]
    best = max(data["neurons"], key=lambda u: (u["auto"] or -1))
    out = {
        "neurons": str(n["units"]), "neurons_08": str(n["at_least_0_8"]), "neurons_mean": f"{n['mean']:.2f}",
        "neurons_unscorable": str(n["unscorable"]),
        "features": f"{f['units']:,}", "features_08": str(f["at_least_0_8"]), "features_mean": f"{f['mean']:.2f}",
        "features_unscorable": str(f["unscorable"]),
        "ev": f"{100 * summary['sae']['explained_variance']:.0f}%", "l0": f"{summary['sae']['l0']:.0f}",
        "chars": f"{summary['held_out_chars']:,}",
        "best": str(int(best["id"][1:]) + 1), "best_score": f"{best['auto']:.2f}",
        "best_rules_en": rules.render(best["rules"], "en"), "best_rules_ko": rules.render(best["rules"], "ko"),
    }
    poly = unit(data, POLY)
    out["poly"] = str(int(POLY[1:]) + 1)
    out["poly_score"] = f"{poly['auto']:.2f}"
    for k, (fid, _weight) in enumerate(data["neuron_features"][POLY[1:]]):
        feat = unit(data, f"f{fid}")
        out[f"poly_f{k}"] = str(fid + 1)
        out[f"poly_f{k}_score"] = f"{feat['auto']:.2f}"
    return out


if __name__ == "__main__":
    summary, data = load()
    for k, v in facts().items():
        print(f"{k}: {v}")

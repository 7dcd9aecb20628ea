"""Reading what a profile is about by meaning: sectors from the encoder, cue words as evidence.

The encoder (multilingual-e5) places a text and its faithful translation close together, so a
classifier trained on a few hundred labelled examples reads a Japanese, Chinese or English profile
alike, including ones that use none of the cue words. The examples (`seed/sectors.jsonl`) were
written for this purpose in the three languages with deliberately varied vocabulary; the matching
benchmark's texts are not among them (and `bench/reader.py` measures on a separate validation split).

How a text is read:

1. Encode it as an e5 "query:" (the symmetric role e5 uses for classification).
2. Subtract the mean vector of its language and renormalise. The raw space carries a language
   offset (a Japanese text sits nearer to other Japanese texts than to its own English translation);
   taking it out is what keeps the reading of a text and of its translation the same.
3. Two classifiers over the same vectors, averaged: a multinomial logistic model (L2, fitted here
   with plain gradient descent, deterministic) and the cosine to each label's centroid (a softmax
   with a fixed temperature). The centroid keeps small labels from being swamped; the logistic
   model separates neighbouring ones.
4. Cue words (`lexicon.SECTOR_CUES`) are multiplied in as evidence, exp(CUE_WEIGHT × cue score): a
   specific term ("wafer", "衛星") confirms what the meaning says, it does not decide alone.
5. The label "none" stands for companies outside the taxonomy (a sales CRM, a travel agency): when
   it wins, the profile gets no sector rather than the least-bad one.

The result per text is a probability per label; `pick_sectors` turns it into the facet's
{sector: confidence} (best first).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .encoders import Encoder
from .text import detect_language, normalise

SEED_DIR = Path(__file__).resolve().parent / "seed"
NONE = "none"
LANGUAGES = ("en", "zh-Hant", "ja")
CUE_WEIGHT = 1.0
CENTROID_TEMPERATURE = 0.05
L2 = 0.1  # 1 / C of the logistic model, per example
STEPS, STEP_SIZE = 1500, 2.0


@dataclass(frozen=True)
class SeedRow:
    label: str
    lang: str
    text: str


def load_seed(name: str) -> list[SeedRow]:
    path = SEED_DIR / f"{name}.jsonl"
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            data = json.loads(line)
            if data.get("lang") not in LANGUAGES:
                raise ValueError(f"{path}:{number}: lang must be one of {', '.join(LANGUAGES)}")
            rows.append(SeedRow(data["label"], data["lang"], data["text"]))
    return rows


def seed_digest(rows: Sequence[SeedRow], encoder_name: str) -> str:
    payload = json.dumps([encoder_name, [(r.label, r.lang, r.text) for r in rows]], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def encode_queries(encoder: Encoder, texts: Sequence[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, encoder.dim), dtype=np.float32)
    return np.asarray(encoder.queries([normalise(text) for text in texts]), dtype=np.float32)


def seed_vectors(encoder: Encoder, name: str, rows: Sequence[SeedRow]) -> np.ndarray:
    """The seed texts' query vectors: from the file shipped beside the seed when it was made with
    this encoder from these very rows, otherwise encoded now."""
    encoder_name = getattr(encoder, "name", type(encoder).__name__)
    shipped = SEED_DIR / f"{name}.{seed_digest(rows, encoder_name)}.npy"
    if shipped.exists():
        vectors = np.load(shipped).astype(np.float32)
        if vectors.shape == (len(rows), encoder.dim):
            return vectors
    return encode_queries(encoder, [row.text for row in rows])


def write_seed_vectors(encoder: Encoder, name: str) -> Path:
    """Encode the seed and ship the vectors (run after editing a seed file; see docs/matching.md)."""
    rows = load_seed(name)
    encoder_name = getattr(encoder, "name", type(encoder).__name__)
    for old in SEED_DIR.glob(f"{name}.*.npy"):
        old.unlink()
    path = SEED_DIR / f"{name}.{seed_digest(rows, encoder_name)}.npy"
    np.save(path, encode_queries(encoder, [row.text for row in rows]).astype(np.float16))
    return path


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)


class MeaningClassifier:
    """Labels of texts from their query vectors (see the module's docstring for the method)."""

    def __init__(self, vectors: np.ndarray, labels: Sequence[str], languages: Sequence[str]):
        self.labels = sorted(set(labels))
        index = {label: i for i, label in enumerate(self.labels)}
        y = np.array([index[label] for label in labels])
        languages = list(languages)
        self.language_means = {lang: vectors[[i for i, other in enumerate(languages) if other == lang]].mean(axis=0)
                               for lang in LANGUAGES if lang in languages}
        x = self.centre(vectors, languages)
        self.centroids = _unit(np.stack([x[y == k].mean(axis=0) for k in range(len(self.labels))]))
        self.weights, self.bias = self._fit(x, y)

    def centre(self, vectors: np.ndarray, languages: Sequence[str]) -> np.ndarray:
        overall: np.ndarray = np.mean(np.stack(list(self.language_means.values())), axis=0)
        known: dict[str, np.ndarray] = self.language_means
        means = np.stack([known.get(lang, overall) for lang in languages]) if len(languages) else 0
        return _unit(vectors - means)

    def _fit(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        n, k = len(y), len(self.labels)
        targets = np.eye(k)[y]
        weights, bias = np.zeros((x.shape[1], k)), np.zeros(k)
        for _ in range(STEPS):
            error = _softmax(x @ weights + bias) - targets
            weights -= STEP_SIZE * (x.T @ error / n + L2 * weights / n)
            bias -= STEP_SIZE * error.mean(axis=0)
        return weights, bias

    def probabilities(self, vectors: np.ndarray, languages: Sequence[str]) -> np.ndarray:
        if len(vectors) == 0:
            return np.zeros((0, len(self.labels)))
        x = self.centre(vectors, languages)
        logistic = _softmax(x @ self.weights + self.bias)
        nearest = _softmax((x @ self.centroids.T) / CENTROID_TEMPERATURE)
        return (logistic + nearest) / 2


class SectorReader:
    """Sectors of profile texts by meaning, with cue words as evidence."""

    def __init__(self, encoder: Encoder):
        self.encoder = encoder
        rows = load_seed("sectors")
        self.classifier = MeaningClassifier(seed_vectors(encoder, "sectors", rows), [r.label for r in rows],
                                            [r.lang for r in rows])
        self.labels = self.classifier.labels

    def probabilities(self, texts: Sequence[str], vectors: np.ndarray | None = None,
                      cue_scores: Sequence[dict[str, float]] | None = None) -> np.ndarray:
        """Per text, a probability per label (`self.labels`); `vectors` are the texts' query vectors
        when the caller has them already; `cue_scores` the lexicon's sector scores (0..1)."""
        if vectors is None:
            vectors = encode_queries(self.encoder, texts)
        languages = [detect_language(normalise(text)) for text in texts]
        p = self.classifier.probabilities(vectors, languages)
        if cue_scores is not None:
            index = {label: i for i, label in enumerate(self.labels)}
            evidence = np.zeros_like(p)
            for row, scores in enumerate(cue_scores):
                for sector, score in scores.items():
                    if sector in index:
                        evidence[row, index[sector]] = score
            p = p * np.exp(CUE_WEIGHT * evidence)
            p = p / p.sum(axis=1, keepdims=True)
        return p


def pick_sectors(labels: Sequence[str], row: np.ndarray, *, many: bool = False) -> dict[str, float]:
    """{sector: confidence} of one text, best first; empty when "none" wins. A start-up or a talent
    has one main sector (a second only when nearly as likely); an investor or a corporate names
    several (`many`)."""
    order = np.argsort(-row)
    best = labels[order[0]]
    if best == NONE:
        return {}
    floor = 0.15 if many else max(0.15, 0.6 * float(row[order[0]]))
    picked = {labels[i]: round(float(row[i]), 3) for i in order[: 5 if many else 2]
              if labels[i] != NONE and row[i] >= floor}
    return picked or {best: round(float(row[order[0]]), 3)}


class IntentReader:
    """What a profile's sentences ask for or offer (funding, a PoC site, a distributor, a factory, a
    hire, joint research; a corporate's PoCs, sales network, production lines), and the role a talent
    or a hiring start-up names: the same method as sectors, one sentence at a time."""

    def __init__(self, encoder: Encoder):
        self.encoder = encoder
        intents, roles = load_seed("intents"), load_seed("roles")
        self.intents = MeaningClassifier(seed_vectors(encoder, "intents", intents), [r.label for r in intents],
                                         [r.lang for r in intents])
        self.roles = MeaningClassifier(seed_vectors(encoder, "roles", roles), [r.label for r in roles],
                                       [r.lang for r in roles])

    def sentence_intents(self, sentences: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        return self.intents.probabilities(vectors, [detect_language(normalise(s)) for s in sentences])

    def role_probabilities(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        return self.roles.probabilities(vectors, [detect_language(normalise(t)) for t in texts])

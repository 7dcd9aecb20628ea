"""Copies of one story merged; a follow-up on the same event linked, not merged.

Pure Python (no Django). Outlets rewrite the same press release: a few words differ, a headline is
shortened, full-width digits become half-width, Simplified becomes Traditional. Texts are folded as
the linker folds them (so those differences vanish), cut into character shingles, and compared by
MinHash (datasketch): two items whose estimated Jaccard similarity reaches `COPY_THRESHOLD` are
copies. Candidates come from locality-sensitive hashing, so adding an item costs about the same
with 100 or 100,000 stories in the window.

A translation of a story (the Japanese and the English release of one deal) shares no shingles; it is
found by meaning instead: among stories naming the same organisations within `TRANSLATION_DAYS` in
another language, one whose text vector (the matching engine's multilingual encoder) lies within
`TRANSLATION_THRESHOLD` is the same story (`translation_of`).

A follow-up (the deal closes a month after it was announced) shares organisations and the event type
but not the words; `is_follow_up` says so, and the caller links it to the earlier story.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .fold import folded_text

NUM_PERM = 64
SCHEME = "affine32"  # stored signatures name the hashing they came from (datasketch 2)
SHINGLE = 4
COPY_THRESHOLD = 0.5
FOLLOW_UP_DAYS = 45
# Cosine of multilingual-e5-small query vectors (the bundled encoder; another encoder needs its own
# value): the 59 zh-Hant/en translation pairs of the shared signals dev set score 0.84–0.95 (median
# 0.89), their 3,422 mismatched pairs at most 0.854. At 0.87, 80 % of translations merge and no mismatch.
TRANSLATION_THRESHOLD = 0.87
TRANSLATION_DAYS = 3


def shingles(text: str) -> set[bytes]:
    """Overlapping character shingles of the folded text (spaces and punctuation folded away)."""
    folded = folded_text(text)
    if len(folded) <= SHINGLE:
        return {folded.encode()} if folded else set()
    return {folded[start:start + SHINGLE].encode() for start in range(len(folded) - SHINGLE + 1)}


def signature(text: str) -> bytes:
    """The MinHash of `text` as bytes, to be stored with the item and compared later."""
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return struct.pack(f"<{NUM_PERM}Q", *(int(value) for value in minhash.hashvalues))


def _values(packed: bytes) -> np.ndarray:
    return np.frombuffer(packed, dtype="<u8")


def _lean(packed: bytes) -> LeanMinHash:
    # A LeanMinHash holds the stored values without drawing the permutations a MinHash needs to hash
    # new text: rebuilding 12,000 full MinHashes per ingestion run cost a second per 10 items.
    return LeanMinHash(seed=1, hashvalues=_values(packed), scheme=SCHEME)


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity of two signatures' texts (the share of equal MinHash values)."""
    return float(np.count_nonzero(_values(first) == _values(second))) / NUM_PERM


class StoryIndex:
    """Stories seen so far (their signatures); answers which one a new text copies."""

    def __init__(self, stories: Iterable[tuple[str, bytes]] = ()):
        self._lsh = MinHashLSH(threshold=COPY_THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[str, bytes] = {}
        for key, packed in stories:
            self.add(key, packed)

    def add(self, key: str, packed: bytes) -> None:
        if key not in self._signatures:
            self._signatures[key] = packed
            self._lsh.insert(key, _lean(packed))

    def copy_of(self, packed: bytes, compatible: Callable[[str], bool] = lambda key: True) -> str | None:
        """The most similar stored story at or above the copy threshold that `compatible` accepts, else None.

        Press releases share their boilerplate: two funding stories from one template can be as similar
        as two copies of one. The caller passes what must also agree (the organisations named)."""
        best, best_similarity = None, COPY_THRESHOLD
        for key in self._lsh.query(_lean(packed)):
            found = similarity(packed, self._signatures[key])
            if found >= best_similarity and (best is None or found > best_similarity or key < best) and compatible(key):
                best, best_similarity = key, found
        return best


def same_subject(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two stories can be copies by the organisations they name: the same ones (or none in both).

    Allowing one to name only a part of the other's (a shortened rewrite that drops a name) merged the same
    sentence about another company as often as it found such rewrites (bench/signals_linking.py: precision
    0.85 against 0.95, recall 0.99 against 0.95), so a copy must name the same organisations."""
    return first == second


def translation_of(vector: np.ndarray, candidates: Sequence[tuple[str, np.ndarray]]) -> str | None:
    """The candidate whose vector is nearest `vector`, if within TRANSLATION_THRESHOLD (cosine)."""
    best, best_score = None, TRANSLATION_THRESHOLD
    unit = vector / max(float(np.linalg.norm(vector)), 1e-12)
    for key, other in candidates:
        score = float(unit @ (other / max(float(np.linalg.norm(other)), 1e-12)))
        if score >= best_score:
            best, best_score = key, score
    return best


@dataclass(frozen=True)
class StoryFacts:
    """What makes two stories about one event: the organisations, the event type, the day."""

    organisations: frozenset[str]
    event_type: str
    day: int  # days since any fixed origin


def is_follow_up(later: StoryFacts, earlier: StoryFacts) -> bool:
    """Whether `later` reports more of `earlier`'s event (shared organisation, same type, within weeks)."""
    return (bool(later.event_type) and later.event_type == earlier.event_type
            and bool(later.organisations & earlier.organisations)
            and 0 <= later.day - earlier.day <= FOLLOW_UP_DAYS)

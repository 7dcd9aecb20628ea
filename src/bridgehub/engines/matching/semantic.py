"""What the encoder adds to the cue words: sectors for profiles whose words no cue list knows,
and the sentence pair that best explains a match.

Sector prototypes are the sector's own cue words (in all three languages at once) encoded as
e5 "query:" texts; a profile (a "passage:") is read as the sector whose prototype it is closest
to. The encoder is used only where cues found nothing, because across languages the raw
similarity prefers the reader's own language (see ../shared/eval/matching/README.md).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .encoders import Encoder, profile_vectors
from .lexicon import SECTOR_CUES
from .text import normalise, sentences


class SectorPrototypes:
    def __init__(self, encoder: Encoder):
        self.codes = list(SECTOR_CUES)
        texts = [" ".join(sorted(SECTOR_CUES[code], key=lambda cue: -SECTOR_CUES[code][cue])[:24])
                 for code in self.codes]
        self.vectors = encoder.queries(texts)

    def closest(self, vectors: np.ndarray, top: int = 1) -> list[dict[str, float]]:
        """Per profile vector: its `top` closest sectors with a confidence in (0, 0.5]."""
        similarity = vectors @ self.vectors.T
        out = []
        for row in similarity:
            order = np.argsort(-row)[:top]
            out.append({self.codes[i]: round(float(0.5 * row[i] / max(row[order[0]], 1e-9)), 3) for i in order})
        return out


def fill_missing_sectors(encoder: Encoder, texts: list[str], readings: list[dict[str, float]]) -> None:
    """Give every profile without a sector cue its closest sector prototype (in place)."""
    missing = [i for i, reading in enumerate(readings) if not reading]
    if not missing:
        return
    prototypes = SectorPrototypes(encoder)
    closest = prototypes.closest(profile_vectors(encoder, [texts[i] for i in missing]))
    for i, guess in zip(missing, closest, strict=True):
        readings[i].update(guess)


@dataclass(frozen=True)
class SentencePair:
    mine: str
    theirs: str
    similarity: float


def best_sentence_pair(encoder: Encoder, mine: str, theirs: str) -> SentencePair | None:
    """The sentence of each profile that fit each other best (shown as the "why" of a match)."""
    a, b = sentences(mine), sentences(theirs)
    if not a or not b:
        return None
    va = encoder.passages([normalise(s) for s in a])
    vb = encoder.passages([normalise(s) for s in b])
    similarity = va @ vb.T
    i, j = np.unravel_index(int(np.argmax(similarity)), similarity.shape)
    return SentencePair(a[i], b[j], round(float(similarity[i, j]), 4))

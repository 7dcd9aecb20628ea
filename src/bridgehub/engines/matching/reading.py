"""Reading many profiles at once: one encoder pass over the texts and one over their sentences,
the meaning readers, then every facet.

This is what the product's background refresh, `bridgehub rank-benchmark` and `bridgehub
read-profiles` all call, so an operator's preview of an import reads texts exactly as matching will.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .encoders import Encoder
from .facets import Facets, Meaning, read_facets, sector_cue_scores
from .reader import IntentReader, SectorReader, encode_queries, pick_sectors
from .text import detect_language, normalise, sentences

MANY_SECTORS = ("investor", "corporate")
MANY_CUE_FLOOR = 0.34
FRAGMENT_FLOOR = 0.8  # an item of a list is taken only when the reader is this sure (a word alone misleads)
# Where a list of fields is cut into its items: commas and enumeration marks, "and", と/や/及/與/和.
FRAGMENT_SPLIT = re.compile(r"[、，,;；/・]|\band\b|および|及び|及|與|和|や|と")


@dataclass(frozen=True)
class ProfileText:
    text: str
    kind: str  # startup / investor / corporate / talent
    country: str = ""


@dataclass(frozen=True)
class Encoded:
    """A profile's query vectors: the whole text, and each of its (normalised) sentences."""

    text: np.ndarray
    sentences: list[str]
    sentence_vectors: np.ndarray


class ProfileReader:
    """The meaning readers of one encoder (built once per process: the seed is read and fitted)."""

    def __init__(self, encoder: Encoder):
        self.encoder = encoder
        self.sectors = SectorReader(encoder)
        self.intents = IntentReader(encoder)

    def encode(self, texts: Sequence[str]) -> list[Encoded]:
        """One batch for the texts, one for all their sentences (the explanations quote sentences too)."""
        whole = encode_queries(self.encoder, texts)
        parts = [sentences(normalise(text)) for text in texts]
        flat = [sentence for group in parts for sentence in group]
        vectors = encode_queries(self.encoder, flat)
        out, start = [], 0
        for i, group in enumerate(parts):
            out.append(Encoded(whole[i], group, vectors[start:start + len(group)]))
            start += len(group)
        return out

    def _listed_sectors(self, parts: Sequence[str]) -> dict[str, float]:
        """Sectors named item by item in a profile's lists ("chips, packaging and AI hardware")."""
        pieces = _fragments(parts)
        if not pieces:
            return {}
        rows = self.sectors.probabilities(pieces, encode_queries(self.encoder, pieces),
                                          [sector_cue_scores(piece) for piece in pieces])
        found: dict[str, float] = {}
        for row in rows:
            best = int(np.argmax(row))
            label = self.sectors.labels[best]
            if label != "none" and row[best] >= FRAGMENT_FLOOR:
                found[label] = max(found.get(label, 0.0), round(float(row[best]), 3))
        return found

    def centred(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """Text vectors with their language's offset taken out: the cosine of two of these says how
        alike two profiles are whatever languages they are written in (a tie-breaker for ranking)."""
        return self.sectors.classifier.centre(vectors, [detect_language(normalise(t)) for t in texts])

    def read(self, profiles: Sequence[ProfileText], encoded: Sequence[Encoded] | None = None) -> list[Facets]:
        """Facets of each profile (`encoded`: the profiles' vectors when already at hand)."""
        texts = [p.text for p in profiles]
        encoded = list(encoded) if encoded is not None else self.encode(texts)
        cues = [sector_cue_scores(text) for text in texts]
        probabilities = self.sectors.probabilities(texts, np.stack([e.text for e in encoded]) if encoded
                                                   else None, cues)
        roles: np.ndarray = (self.intents.role_probabilities(texts, np.stack([e.text for e in encoded]))
                             if encoded else np.zeros((0, 0)))
        # (roles of whole texts serve talents; a hiring start-up's role is read from its hiring sentence)
        role_labels = self.intents.roles.labels
        out = []
        for i, profile in enumerate(profiles):
            sectors = pick_sectors(self.sectors.labels, probabilities[i], many=profile.kind in MANY_SECTORS)
            if profile.kind in MANY_SECTORS and sectors:
                # An investor's thesis or a corporate's fields name several sectors in one breath; the
                # text as a whole leans to one of them, so each item of such a list is read by itself,
                # and the specific terms it names count as well.
                for sector, probability in self._listed_sectors(encoded[i].sentences).items():
                    sectors.setdefault(sector, probability)
                for sector, score in cues[i].items():
                    if score >= MANY_CUE_FLOOR and sector not in sectors:
                        sectors[sector] = round(float(probabilities[i][self.sectors.labels.index(sector)]), 3)
            intents = self.intents.sentence_intents(encoded[i].sentences, encoded[i].sentence_vectors)
            labels = self.intents.intents.labels
            role, sentence_roles = ("", 0.0), []
            if profile.kind == "talent":
                best = int(np.argmax(roles[i]))
                role = (role_labels[best], float(roles[i][best]))
            elif profile.kind == "startup" and len(encoded[i].sentences):
                per_sentence = self.intents.role_probabilities(encoded[i].sentences, encoded[i].sentence_vectors)
                sentence_roles = [(role_labels[int(np.argmax(r))], float(r.max())) for r in per_sentence]
            meaning = Meaning(sectors=sectors, role=role, sentence_roles=sentence_roles,
                              intents=[{labels[k]: float(row[k]) for k in range(len(labels))} for row in intents])
            out.append(read_facets(profile.text, profile.kind, profile.country, meaning=meaning))
        return out


def _fragments(parts: Sequence[str]) -> list[str]:
    return [piece.strip() for part in parts for piece in FRAGMENT_SPLIT.split(part) if len(piece.strip()) >= 2]


def read_profiles(reader: ProfileReader, profiles: Sequence[ProfileText]) -> list[Facets]:
    return reader.read(profiles)

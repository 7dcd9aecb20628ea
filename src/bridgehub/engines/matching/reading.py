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
from .facets import Facets, Meaning, read_facets, sector_cue_scores, specific_sector_terms
from .reader import IntentReader, SectorReader, encode_queries, pick_sectors
from .text import detect_language, normalise, sentences

MANY_SECTORS = ("investor", "corporate")
MANY_CUE_FLOOR = 0.34
FRAGMENT_FLOOR = 0.8
IDENTITY_FLOOR = 0.5  # an item of a list is taken only when the reader is this sure (a word alone misleads)
# Where a list of fields is cut into its items: commas and enumeration marks, "and", と/や/及/與/和.
FRAGMENT_SPLIT = re.compile(r"[、，,;；/・]|\band\b|および|及び|及|與|和|や|と")


@dataclass(frozen=True)
class ProfileText:
    text: str
    kind: str  # startup / investor / corporate / talent
    country: str = ""


# Part of every reading's fingerprint: a change of method re-reads every stored profile.
READING_VERSION = "meaning-1"


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

    def encode(self, texts: Sequence[str], parts: Sequence[Sequence[str]] | None = None) -> list[Encoded]:
        """The texts and their sentences in one encoder batch. `parts` names each text's sentences
        when the caller split them (the product quotes its own sentences in explanations); by
        default each text is cut into sentences here."""
        groups = [[normalise(s) for s in group] for group in parts] if parts is not None else [
            sentences(normalise(text)) for text in texts]
        # Each distinct string is encoded once (a one-sentence text is its own sentence).
        distinct = list(dict.fromkeys([*(normalise(t) for t in texts), *(s for g in groups for s in g)]))
        vectors = dict(zip(distinct, encode_queries(self.encoder, distinct), strict=True))
        dim = self.encoder.dim
        return [Encoded(vectors[normalise(text)], group,
                        np.stack([vectors[s] for s in group]) if group else np.zeros((0, dim), dtype=np.float32))
                for text, group in zip(texts, groups, strict=True)]

    def _listed_sectors(self, groups: Sequence[Sequence[str]],
                        known: dict[str, np.ndarray]) -> list[dict[str, float]]:
        """Per profile, the sectors named item by item in its lists ("chips, packaging and AI hardware");
        one encoder batch for the items not encoded already (a sentence with no list is its own item)."""
        pieces = [_fragments(group) for group in groups]
        flat = [piece for group in pieces for piece in group]
        if not flat:
            return [{} for _group in groups]
        missing = sorted({piece for piece in flat if piece not in known})
        vectors = dict(known)
        vectors.update(zip(missing, encode_queries(self.encoder, missing), strict=True))
        rows = self.sectors.probabilities(flat, np.stack([vectors[piece] for piece in flat]),
                                          [sector_cue_scores(piece) for piece in flat])
        out, start = [], 0
        for group in pieces:
            found: dict[str, float] = {}
            for row in rows[start:start + len(group)]:
                best = int(np.argmax(row))
                label = self.sectors.labels[best]
                if label != "none" and row[best] >= FRAGMENT_FLOOR:
                    found[label] = max(found.get(label, 0.0), round(float(row[best]), 3))
            out.append(found)
            start += len(group)
        return out

    def centred(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """Text vectors with their language's offset taken out: the cosine of two of these says how
        alike two profiles are whatever languages they are written in (a tie-breaker for ranking)."""
        return self.sectors.classifier.centre(vectors, [detect_language(normalise(t)) for t in texts])

    def read(self, profiles: Sequence[ProfileText], encoded: Sequence[Encoded] | None = None) -> list[Facets]:
        """Facets of each profile (`encoded`: the profiles' vectors when already at hand). Every
        classifier runs once over the whole batch (texts, then all sentences), not per profile."""
        texts = [p.text for p in profiles]
        if encoded is None:
            # A talent's facets come from the whole biography: its sentences need no vectors here
            # (the product encodes them anyway, for explanations, and passes them in).
            encoded = self.encode(texts, [[] if p.kind == "talent" else sentences(normalise(p.text))
                                          for p in profiles])
        encoded = list(encoded)
        if not encoded:
            return []
        cues = [sector_cue_scores(text) for text in texts]
        whole = np.stack([e.text for e in encoded])
        probabilities = self.sectors.probabilities(texts, whole, cues)
        roles = self.intents.role_probabilities(texts, whole)  # a talent's role is read from the whole bio
        all_sentences = [sentence for e in encoded for sentence in e.sentences]
        spans, start = [], 0
        for e in encoded:
            spans.append((start, start + len(e.sentences)))
            start += len(e.sentences)
        dim = whole.shape[1]
        sentence_vectors = (np.concatenate([e.sentence_vectors for e in encoded]) if all_sentences
                            else np.zeros((0, dim), dtype=np.float32))
        intents = self.intents.sentence_intents(all_sentences, sentence_vectors)
        sentence_sectors = self.sectors.probabilities(all_sentences, sentence_vectors)
        sentence_roles = self.intents.role_probabilities(all_sentences, sentence_vectors)
        # Who an investor is ("the venture arm of an insurance group") is not what it invests in: such
        # sentences are left out of the item-by-item reading.
        identity = intents[:, self.intents.intents.labels.index("identity")] >= IDENTITY_FLOOR
        thesis = [[s for k, s in enumerate(e.sentences) if not identity[spans[i][0] + k]]
                  if p.kind in MANY_SECTORS else [] for i, (p, e) in enumerate(zip(profiles, encoded, strict=True))]
        listed = self._listed_sectors(thesis, dict(zip(all_sentences, sentence_vectors, strict=True)))
        intent_labels, role_labels = self.intents.intents.labels, self.intents.roles.labels
        out = []
        for i, profile in enumerate(profiles):
            sectors = pick_sectors(self.sectors.labels, probabilities[i], many=profile.kind in MANY_SECTORS)
            if profile.kind in MANY_SECTORS and sectors:
                # An investor's thesis or a corporate's fields name several sectors in one breath; the
                # text as a whole leans to one of them, so each item of such a list is read by itself,
                # and the specific terms it names count as well.
                for sector, probability in listed[i].items():
                    sectors.setdefault(sector, probability)
                named = {s for s, score in cues[i].items() if score >= MANY_CUE_FLOOR} | specific_sector_terms(
                    profile.text)
                for sector in sorted(named - set(sectors)):
                    sectors[sector] = round(float(probabilities[i][self.sectors.labels.index(sector)]), 3)
            a, b = spans[i]
            role = ("", 0.0)
            if profile.kind == "talent":
                best = int(np.argmax(roles[i]))
                role = (role_labels[best], float(roles[i][best]))
            by_role = [(role_labels[int(np.argmax(r))], float(r.max())) for r in sentence_roles[a:b]] \
                if profile.kind == "startup" else []
            sector_sentences = {sector: int(np.argmax(sentence_sectors[a:b, self.sectors.labels.index(sector)]))
                                for sector in sectors} if b > a else {}
            meaning = Meaning(sectors=sectors, role=role, sentence_roles=by_role, sector_sentences=sector_sentences,
                              sentences=encoded[i].sentences,
                              intents=[dict(zip(intent_labels, map(float, row), strict=True)) for row in intents[a:b]])
            out.append(read_facets(profile.text, profile.kind, profile.country, meaning=meaning))
        return out


def _fragments(parts: Sequence[str]) -> list[str]:
    return [piece.strip() for part in parts for piece in FRAGMENT_SPLIT.split(part) if len(piece.strip()) >= 2]


def read_profiles(reader: ProfileReader, profiles: Sequence[ProfileText]) -> list[Facets]:
    return reader.read(profiles)

"""Facets read from a profile's free text: sectors, stage(s), needs, offers, geographies, talent role.

Every facet comes with a confidence and the words it was read from, so the product can offer it
to the owner as a one-click tag ("we read this as advanced packaging — confirm?") and use it for
scoring while the owner has not filled the structured fields. Reading is the same in every language:
the cue lists hold Taiwanese Chinese, Japanese and English words, and texts are normalised first.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .lexicon import (
    CHANNEL_CUES,
    COUNTRY_CUES,
    FUNDING,
    HIRING_CUES,
    NEED_CUES,
    NO_POC,
    NOT_RAISING,
    OFFER_CUES,
    ROLE_CUES,
    SECTOR_CUES,
    SOUTHEAST_ASIA,
    STAGE_CUES,
    STAGE_ORDER,
)
from .text import normalise, sentences


@dataclass
class Facets:
    kind: str
    country: str
    sectors: dict[str, float] = field(default_factory=dict)  # sector → confidence (0..1), best first
    stages: list[str] = field(default_factory=list)  # a start-up's round; an investor's contiguous range
    needs: set[str] = field(default_factory=set)
    offers: set[str] = field(default_factory=set)
    geographies: set[str] = field(default_factory=set)
    role: str = ""
    evidence: dict[str, list[str]] = field(default_factory=dict)  # facet value → cue words found
    # facet value → index of the sentence that says it best (by meaning), for explanations
    evidence_sentences: dict[str, int] = field(default_factory=dict)

    @property
    def sector(self) -> str:
        return next(iter(self.sectors), "")


@dataclass
class Meaning:
    """What the encoder read (reader.py), handed to `read_facets` beside the cue words.

    `sectors`: {sector: confidence}, best first. `intents`: per sentence of `sentences`, {intent
    label: probability}. `role`: the talent role read by meaning, with
    its probability.
    """

    sectors: dict[str, float]
    sentences: list[str] = field(default_factory=list)  # normalised, in the order of `intents`
    intents: list[dict[str, float]] = field(default_factory=list)
    role: tuple[str, float] = ("", 0.0)  # of the whole text (a talent's biography)
    sentence_roles: list[tuple[str, float]] = field(default_factory=list)  # per sentence (a hiring start-up)
    sector_sentences: dict[str, int] = field(default_factory=dict)  # sector → the sentence most about it


INTENT_OF = {"poc": "offer_poc", "manufacturing": "offer_manufacturing",
             "distribution_japan": "distribution", "distribution_taiwan": "distribution"}
INTENT_FLOOR = 0.5  # a sentence says an intent when the reader is at least this sure
ROLE_FLOOR = 0.45
MEANING = "meaning"  # evidence marker: read by meaning, no cue word (the explanation quotes a sentence)


@functools.cache
def _pattern(cue: str) -> re.Pattern[str]:
    """Latin cues match at a word start, short ones as whole words ("ev" is not in "every", but
    "robotic" is in "robotics"); CJK cues match anywhere."""
    escaped = re.escape(cue)
    if cue.isascii():
        tail = r"(?![a-z0-9])" if len(cue) <= 3 else ""
        return re.compile(rf"(?<![a-z0-9]){escaped}{tail}")
    return re.compile(escaped)


def found(text: str, cues) -> list[str]:
    return [cue for cue in cues if _pattern(cue).search(text)]


def _sector_scores(text: str) -> dict[str, float]:
    raw: dict[str, float] = {}
    for sector, cues in SECTOR_CUES.items():
        hits = found(text, cues)
        if hits:
            raw[sector] = sum(cues[c] for c in hits)
    top = max(raw.values(), default=0.0)
    return {s: round(v / top, 3) for s, v in sorted(raw.items(), key=lambda kv: -kv[1])} if top else {}


def _stages(text: str) -> list[str]:
    return [stage for stage in STAGE_ORDER if found(text, STAGE_CUES[stage])]


def _countries(text: str) -> set[str]:
    countries = {country for country, cues in COUNTRY_CUES.items() if found(text, cues)}
    if found(text, SOUTHEAST_ASIA):
        countries |= {"SG", "TH", "VN"}
    return countries


def _distribution(text: str, home: str = "") -> set[str]:
    """Distribution needs/offers: a sales-channel word and a market (not one's home) in one sentence."""
    markets = set()
    for sentence in sentences(text):
        if found(sentence, CHANNEL_CUES):
            countries = _countries(sentence) - {home}
            markets |= {f"distribution_{name}" for code, name in (("JP", "japan"), ("TW", "taiwan"))
                        if code in countries}
    return markets


def _role(text: str, *, home: str, seeker: bool = False) -> str:
    """The talent role named in a text. Business development is for the other market: a Taiwanese
    start-up hires BD for Japan; a Japanese talent in BD offers it for Taiwan."""
    roles = {role: len(found(text, cues)) for role, cues in ROLE_CUES.items()}
    if roles.pop("bd"):
        foreign = "bd_taiwan" if home == "JP" else "bd_japan"
        if seeker:  # a talent describes their own market: a Japanese BD person knows Japan
            foreign = "bd_japan" if home == "JP" else "bd_taiwan"
        roles[foreign] += 2
    best = max(roles, key=lambda r: roles[r])
    return best if roles[best] else ""


def specific_sector_terms(text: str, weight: float = 3.0) -> set[str]:
    """Sectors named by at least one specific term (a cue of this weight or more: "packaging",
    "衛星"), however often other sectors are named beside them."""
    norm = normalise(text)
    return {sector for sector, cues in SECTOR_CUES.items()
            if any(cues[cue] >= weight for cue in found(norm, cues))}


def sector_cue_scores(text: str) -> dict[str, float]:
    """The lexicon's sector scores of a text (0..1, the strongest 1): evidence for the meaning reader."""
    return _sector_scores(normalise(text))


def _said(meaning: Meaning | None, label: str) -> list[int]:
    """Indexes of the sentences the meaning reader read as saying `label`."""
    if meaning is None:
        return []
    return [i for i, intents in enumerate(meaning.intents) if intents.get(label, 0.0) >= INTENT_FLOOR]


def _markets(sentence: str, home: str, *, default_foreign: bool) -> set[str]:
    """Distribution markets a sentence names (not one's home); else the market across the strait."""
    countries = _countries(sentence) - {home}
    markets = {f"distribution_{name}" for code, name in (("JP", "japan"), ("TW", "taiwan")) if code in countries}
    if not markets and not countries:
        if default_foreign:
            markets = {"distribution_taiwan" if home == "JP" else "distribution_japan"}
        else:
            markets = {"distribution_japan" if home == "JP" else "distribution_taiwan"}
    return markets


def read_facets(text: str, kind: str, country: str, *, meaning: Meaning | None = None) -> Facets:
    """All facets of one profile (`kind` and `country` are the directory's structured fields).

    With `meaning` (the encoder's reading, see reader.py and reading.py) the sectors are read by
    meaning and the sentences' intents add needs, offers and roles that no cue word names; cue words
    stay as high-precision evidence. Without it (no encoder at hand) cue words alone are read.
    """
    norm = normalise(text)
    facets = Facets(kind=kind, country=country,
                    sectors=_sector_scores(norm) if meaning is None else dict(meaning.sectors))
    parts = meaning.sentences if meaning is not None else []
    stages = _stages(norm)
    if kind == "startup":
        # The round being raised is usually named once; with several, the first mentioned wins.
        positions = sorted((m.start(), s) for s in stages for cue in STAGE_CUES[s] for m in [_pattern(cue).search(norm)]
                           if m)
        facets.stages = [positions[0][1]] if positions else []
        asks = bool(found(norm, FUNDING) or stages or _said(meaning, "funding"))
        declines = bool(found(norm, NOT_RAISING) or _said(meaning, "not_raising"))
        if asks and not declines:
            facets.needs.add("funding")
        for need, cues in NEED_CUES.items():
            hits = found(norm, cues) or [MEANING] * bool(_said(meaning, need))
            if hits:
                facets.needs.add(need)
                facets.evidence[need] = hits
        facets.needs |= _distribution(norm, home=country)
        for i in _said(meaning, "distribution"):
            facets.needs |= _markets(parts[i], country, default_foreign=True)
        hiring = found(norm, HIRING_CUES) or [MEANING] * bool(_said(meaning, "talent"))
        role = _role(norm, home=country) or _hiring_role(meaning, country)
        if hiring and role:
            facets.needs.add("talent")
            facets.role = role
            facets.evidence["talent"] = hiring
    elif kind == "investor":
        if stages:
            low, high = STAGE_ORDER.index(stages[0]), STAGE_ORDER.index(stages[-1])
            facets.stages = STAGE_ORDER[low:high + 1]
        facets.geographies = _countries(norm) or {country}
    elif kind == "corporate":
        for offer, cues in OFFER_CUES.items():
            hits = found(norm, cues) or [MEANING] * bool(_said(meaning, f"offer_{offer}"))
            if hits:
                facets.offers.add(offer)
                facets.evidence[offer] = hits
        if found(norm, NO_POC) or _said(meaning, "no_poc"):
            facets.offers.discard("poc")
        facets.offers |= _distribution(norm)
        for i in _said(meaning, "offer_distribution"):
            facets.offers |= _markets(parts[i], "", default_foreign=False) if _countries(parts[i]) else {
                "distribution_japan" if country == "JP" else "distribution_taiwan"}
    elif kind == "talent":
        facets.role = _role(norm, home=country, seeker=True) or _meaning_role(
            meaning.role if meaning else ("", 0.0), country, seeker=True)
    for sector in facets.sectors:
        facets.evidence[sector] = found(norm, SECTOR_CUES.get(sector, {})) or [MEANING]
    if meaning is not None:
        facets.evidence_sentences = {sector: index for sector, index in meaning.sector_sentences.items()
                                     if sector in facets.sectors}
        for need in facets.needs | facets.offers:
            said = _said(meaning, INTENT_OF.get(need, need))
            if said:
                facets.evidence_sentences[need] = said[0]
    return facets


def _hiring_role(meaning: Meaning | None, home: str) -> str:
    """The role named in the sentences the meaning reader read as hiring (not in the whole text: a
    start-up's product description is not a job)."""
    if meaning is None or not meaning.sentence_roles:
        return ""
    hiring = _said(meaning, "talent")
    if not hiring:
        return ""
    best = max((meaning.sentence_roles[i] for i in hiring), key=lambda pair: pair[1])
    return _meaning_role(best, home)


def _meaning_role(read: tuple[str, float], home: str, *, seeker: bool = False) -> str:
    """A role read by meaning (if sure enough), business development resolved to a market as `_role` does."""
    role, probability = read
    if probability < ROLE_FLOOR or not role:
        return ""
    if role != "bd":
        return role
    if seeker:
        return "bd_japan" if home == "JP" else "bd_taiwan"
    return "bd_taiwan" if home == "JP" else "bd_japan"

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

    @property
    def sector(self) -> str:
        return next(iter(self.sectors), "")


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


def read_facets(text: str, kind: str, country: str) -> Facets:
    """All facets of one profile (`kind` and `country` are the directory's structured fields)."""
    norm = normalise(text)
    facets = Facets(kind=kind, country=country, sectors=_sector_scores(norm))
    stages = _stages(norm)
    if kind == "startup":
        # The round being raised is usually named once; with several, the first mentioned wins.
        positions = sorted((m.start(), s) for s in stages for cue in STAGE_CUES[s] for m in [_pattern(cue).search(norm)]
                           if m)
        facets.stages = [positions[0][1]] if positions else []
        raising = bool(found(norm, FUNDING) or stages) and not found(norm, NOT_RAISING)
        if raising:
            facets.needs.add("funding")
        for need, cues in NEED_CUES.items():
            hits = found(norm, cues)
            if hits:
                facets.needs.add(need)
                facets.evidence[need] = hits
        facets.needs |= _distribution(norm, home=country)
        hiring = found(norm, HIRING_CUES)
        role = _role(norm, home=country)
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
            hits = found(norm, cues)
            if hits:
                facets.offers.add(offer)
                facets.evidence[offer] = hits
        if found(norm, NO_POC):
            facets.offers.discard("poc")
        facets.offers |= _distribution(norm)
    elif kind == "talent":
        facets.role = _role(norm, home=country, seeker=True)
    for sector in facets.sectors:
        facets.evidence[sector] = found(norm, SECTOR_CUES[sector])
    return facets

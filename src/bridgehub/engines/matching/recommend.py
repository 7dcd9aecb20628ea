"""A hub's recommendation lists from stored facets: candidate pairs, two-sided scores, fair lists.

The pair score is the engine's two-sided fit (scoring.fit: both sides must want it) plus what the
directory's structured fields add — ticket size across currencies, and whether the two write in a
shared language — plus a small global prior from past outcomes. A pair with no fit is never listed,
however popular the target. Lists are then allocated under the targets' stated capacities
(exposure.allocate), so a fund that can take 10 introductions a month is not in 200 lists.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from .exposure import Candidate, allocate, exposure, gini
from .facets import Facets
from .scoring import OFFER_MEETS_NEED, fit

COUNTERPARTS = ("investor", "corporate", "talent")
TICKET_FITS, TICKET_MISSES = 0.5, -0.7
DEFAULT_CAPACITY = 25  # lists a counterpart appears in when it stated no capacity
MIN_LISTED = 0.2  # below this a pair shares only a tie-breaker (a weak sector overlap): not a recommendation
# How alike the two texts are (cosine of language-centred vectors, mostly 0..0.6) and how sure the
# reader was of the shared sector separate pairs whose facets fit equally well.
SIMILARITY_WEIGHT, CONFIDENCE_WEIGHT = 0.3, 0.2


@dataclass
class Subject:
    id: str
    facets: Facets
    ticket_usd: tuple[float, float] | None = None  # funding asked (start-up) or offered (investor), in USD
    languages: frozenset[str] = frozenset()
    capacity: int | None = None
    prior: float = 0.0  # feedback.target_prior of past outcomes
    neighbours: tuple[str, ...] = ()  # nearest profiles by vector (extra candidates beyond sectors)
    vector: np.ndarray | None = None  # the text's vector, its language's offset taken out


@dataclass
class HubLists:
    lists: dict[str, list[Candidate]]
    mutual: dict[tuple[str, str], float]
    pairs_scored: int
    gini: dict[str, float] = field(default_factory=dict)
    exposure: dict[str, int] = field(default_factory=dict)


def facets_to_json(facets: Facets) -> dict:
    return {"kind": facets.kind, "country": facets.country, "sectors": facets.sectors, "stages": facets.stages,
            "needs": sorted(facets.needs), "offers": sorted(facets.offers), "geographies": sorted(facets.geographies),
            "role": facets.role, "evidence": facets.evidence, "evidence_sentences": facets.evidence_sentences}


def facets_from_json(data: Mapping) -> Facets:
    return Facets(kind=data.get("kind", ""), country=data.get("country", ""), sectors=dict(data.get("sectors", {})),
                  stages=list(data.get("stages", [])), needs=set(data.get("needs", [])),
                  offers=set(data.get("offers", [])), geographies=set(data.get("geographies", [])),
                  role=data.get("role", ""), evidence=dict(data.get("evidence", {})),
                  evidence_sentences=dict(data.get("evidence_sentences", {})))


def ticket_fit(asked: tuple[float, float] | None, offered: tuple[float, float] | None) -> float:
    """Overlap of a start-up's round and an investor's ticket range (both in USD): a bonus when they
    overlap, a penalty when they are far apart, nothing when either side did not say."""
    if asked is None or offered is None:
        return 0.0
    low, high = max(asked[0], offered[0]), min(asked[1], offered[1])
    return TICKET_FITS if low <= high else TICKET_MISSES


def pair_score(startup: Subject, other: Subject) -> tuple[float, float, tuple[str, ...]]:
    """(score, two-sided fit, reason codes) of a start-up and a counterpart."""
    result = fit(startup.facets, other.facets)
    if result.score <= 0:
        return 0.0, 0.0, ()
    reasons = list(result.reasons)
    score = result.score + _separation(startup, other, result.reasons)
    if other.facets.kind == "investor":
        ticket = ticket_fit(startup.ticket_usd, other.ticket_usd)
        score += ticket if result.score >= 1 else 0.0
        if ticket > 0:
            reasons.append("ticket:fits")
        elif ticket < 0:
            reasons.append("ticket:apart")
    if startup.languages and other.languages and not startup.languages & other.languages:
        reasons.append("language:interpreter")
    return round(max(score, 0.0), 6), result.score, tuple(reasons)


def _separation(startup: Subject, other: Subject, reasons: Sequence[str]) -> float:
    """A small continuous term that orders pairs of equal fit: the sector confidence both readings
    agree on, and how alike the two texts are in meaning."""
    shared = [code.partition(":")[2] for code in reasons if code.startswith("sector:")]
    confidence = min(startup.facets.sectors.get(shared[0], 0.0), other.facets.sectors.get(shared[0], 0.0)) \
        if shared else 0.0
    similarity = float(startup.vector @ other.vector) if startup.vector is not None and other.vector is not None \
        else 0.0
    return CONFIDENCE_WEIGHT * min(confidence, 1.0) + SIMILARITY_WEIGHT * max(similarity, 0.0)


def candidate_pairs(startups: Sequence[Subject], others: Sequence[Subject]) -> set[tuple[str, str]]:
    """Pairs worth scoring: sharing a read sector, near by vector (a sector the reader missed), or
    fitting on a structured fact whatever their sectors: the role a start-up hires for and the role a
    talent seeks, a need and the offer that meets it."""
    by_sector: dict[str, list[str]] = {}
    by_role: dict[str, list[str]] = {}
    by_offer: dict[str, list[str]] = {}
    for other in others:
        for sector in other.facets.sectors:
            by_sector.setdefault(sector, []).append(other.id)
        if other.facets.kind == "talent" and other.facets.role:
            by_role.setdefault(other.facets.role, []).append(other.id)
        for offer in other.facets.offers:
            by_offer.setdefault(OFFER_MEETS_NEED.get(offer, offer), []).append(other.id)
    other_ids = {o.id for o in others}
    pairs = set()
    for startup in startups:
        for sector in startup.facets.sectors:
            pairs |= {(startup.id, o) for o in by_sector.get(sector, ())}
        if "talent" in startup.facets.needs and startup.facets.role:
            pairs |= {(startup.id, o) for o in by_role.get(startup.facets.role, ())}
        for need in startup.facets.needs:
            pairs |= {(startup.id, o) for o in by_offer.get(need, ())}
        pairs |= {(startup.id, o) for o in startup.neighbours if o in other_ids}
    for other in others:
        pairs |= {(s, other.id) for s in other.neighbours}
    startup_ids = {s.id for s in startups}
    return {(s, o) for s, o in pairs if s in startup_ids and o in other_ids}


def build_lists(subjects: Sequence[Subject], *, k: int = 12, shortlist: int = 60) -> HubLists:
    """Every subject's list: start-ups get counterparts of each kind, counterparts get start-ups."""
    by_id = {s.id: s for s in subjects}
    startups = [s for s in subjects if s.facets.kind == "startup"]
    others = [s for s in subjects if s.facets.kind in COUNTERPARTS]
    options: dict[str, list[Candidate]] = {}
    mutual: dict[tuple[str, str], float] = {}
    pairs = candidate_pairs(startups, others)
    for startup_id, other_id in pairs:
        score, two_sided, reasons = pair_score(by_id[startup_id], by_id[other_id])
        if two_sided < MIN_LISTED:  # the fit itself decides; the separation term only orders
            continue
        mutual[(startup_id, other_id)] = two_sided
        other = by_id[other_id]
        # Reader keys carry the target kind so each kind is allocated separately.
        options.setdefault(f"{startup_id}>{other.facets.kind}", []).append(
            Candidate(other_id, round(score * (1 + other.prior), 6), reasons))
        options.setdefault(f"{other_id}>startup", []).append(
            Candidate(startup_id, round(score * (1 + by_id[startup_id].prior), 6), reasons))
    for key in options:
        options[key] = sorted(options[key], key=lambda c: (-c.score, c.id))[:shortlist]
    lists: dict[str, list[Candidate]] = {}
    result = HubLists(lists, mutual, len(pairs))
    for target_kind in ("startup", *COUNTERPARTS):
        group = {key: value for key, value in options.items() if key.endswith(f">{target_kind}")}
        capacity = {s.id: s.capacity if s.capacity is not None else DEFAULT_CAPACITY
                    for s in subjects if s.facets.kind == target_kind}
        lists.update(allocate(group, k=k, capacity=capacity))
        everyone = [s.id for s in subjects if s.facets.kind == target_kind]
        counts = exposure({key: lists[key] for key in group}, everyone)
        result.gini[target_kind] = gini(counts)
        result.exposure.update(dict(zip(everyone, counts, strict=True)))
    return result

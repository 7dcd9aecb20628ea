"""Two-sided fit of a start-up and a counterpart, from their facets, with the reasons.

The score is symmetric by construction: it asks whether *both* sides get what they want (the
start-up's needs met by the counterpart's offer or thesis, and the counterpart's thesis met by the
start-up's sector, stage and home), so the same number ranks an investor for a start-up and the
start-up for that investor, and a one-sided match (right sector, not raising) ranks low.
"""

from __future__ import annotations

from dataclasses import dataclass

from .facets import Facets

OFFER_MEETS_NEED = {"poc": "poc_partner", "distribution_japan": "distribution_japan",
                    "distribution_taiwan": "distribution_taiwan", "manufacturing": "manufacturing_partner"}


@dataclass(frozen=True)
class Fit:
    score: float
    reasons: tuple[str, ...]  # facet codes that matched, e.g. ("sector:robotics", "stage:seed")


def _overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """Weighted overlap of two sector readings (0..1): a tie-breaker that knows no language."""
    shared = set(a) & set(b)
    if not shared:
        return 0.0
    return sum(min(a[s], b[s]) for s in shared) / max(sum(a.values()), 1e-9)


def fit(startup: Facets, other: Facets) -> Fit:
    """How well `startup` and `other` (investor, corporate or talent) fit each other."""
    sector = startup.sector
    overlap = _overlap(startup.sectors, other.sectors)
    reasons: list[str] = []
    if other.kind == "investor":
        in_thesis = bool(sector) and sector in other.sectors
        raising = "funding" in startup.needs
        stage_fits = bool(startup.stages) and startup.stages[0] in other.stages
        home_fits = startup.country in other.geographies
        reasons += [f"sector:{sector}"] * in_thesis + ["need:funding"] * raising
        reasons += [f"stage:{startup.stages[0]}" for _ in range(stage_fits)]
        reasons += [f"geography:{startup.country}"] * home_fits
        score = raising * in_thesis * (1 + stage_fits + home_fits) + 0.3 * in_thesis + 0.1 * overlap
    elif other.kind == "corporate":
        in_field = bool(sector) and sector in other.sectors
        met = sorted(offer for offer in other.offers if OFFER_MEETS_NEED[offer] in startup.needs)
        reasons += [f"sector:{sector}"] * in_field + [f"offer:{offer}" for offer in met]
        score = in_field * (1 + bool(met)) + 0.2 * bool(met) + 0.1 * overlap
    else:  # talent
        hiring = "talent" in startup.needs
        role = hiring and bool(startup.role) and startup.role == other.role
        same_sector = bool(sector) and sector == other.sector
        reasons += [f"role:{other.role}"] * role + [f"sector:{sector}"] * same_sector
        score = hiring * (role * (1 + same_sector) + 0.2 * same_sector) + 0.05 * overlap
    return Fit(round(float(score), 6), tuple(reasons))

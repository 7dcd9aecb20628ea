"""Learning from what readers do with recommendations (the method is in docs/matching.md).

Each target is described by a few *features* (its kind, sector, stage, home country, offers). A
reader's feedback on one target is evidence about all targets that share its features: "not relevant —
wrong sector" on a robotics fund says the reader does not want robotics funds, not that the reader
dislikes funds. Per reader, a feature's weight is the mean signal of the feedback that touched it,
shrunk towards zero by a prior of `PRIOR` pseudo-events, so one click moves little and ten clicks move a
lot. A list applies the bonuses centred on its mean (`centred_bonuses`), so feedback reorders a list
rather than lifting or sinking all of it. Globally, a target's acceptance of introductions and the
usefulness of its meetings give it a small prior (Beta(1, 1) smoothed), so counterparts that answer
and deliver rise for everyone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

PRIOR = 2.0  # pseudo-events of "no opinion" per feature
SIGNAL_VALUE = {"saved": 1.0, "intro_requested": 1.0, "intro_accepted": 1.0, "met_useful": 2.0,
                "not_relevant": -1.0, "intro_declined": -0.5, "met_not_useful": -1.0}
# A "not relevant" reason points at the features it is about; without one, all features share it.
REASON_FEATURES = {"sector": ("sector",), "stage": ("stage", "ticket"), "geography": ("country",),
                   "kind": ("kind", "offer")}


@dataclass(frozen=True)
class FeedbackEvent:
    features: tuple[str, ...]  # e.g. ("kind:investor", "sector:robotics", "country:JP")
    signal: str
    reason: str = ""


def target_features(facets: Mapping, ticket_band: str = "") -> tuple[str, ...]:
    """The features of a target's stored facets (see the module docstring)."""
    out = [f"kind:{facets.get('kind', '')}", f"country:{facets.get('country', '')}"]
    sectors = list(facets.get("sectors", {}))
    out += [f"sector:{s}" for s in sectors[:2]]
    out += [f"stage:{s}" for s in facets.get("stages", [])[:3]]
    out += [f"offer:{o}" for o in sorted(facets.get("offers", []))]
    if ticket_band:
        out.append(f"ticket:{ticket_band}")
    return tuple(out)


def _touched(event: FeedbackEvent) -> tuple[str, ...]:
    prefixes = REASON_FEATURES.get(event.reason) if event.signal == "not_relevant" else None
    if not prefixes:
        return event.features
    return tuple(f for f in event.features if f.split(":", 1)[0] in prefixes)


def learn_preferences(events: Iterable[FeedbackEvent]) -> dict[str, float]:
    """Per-feature weight in (-2, 2): mean signal of the events touching it, shrunk by PRIOR."""
    total: dict[str, float] = {}
    count: dict[str, float] = {}
    for event in events:
        value = SIGNAL_VALUE.get(event.signal, 0.0)
        for feature in _touched(event):
            total[feature] = total.get(feature, 0.0) + value
            count[feature] = count.get(feature, 0.0) + 1
    return {f: round(total[f] / (count[f] + PRIOR), 4) for f in total}


def preference_bonus(weights: Mapping[str, float], features: Iterable[str]) -> float:
    """The reader's learned liking of a target with these features (sum of the touched weights)."""
    return round(sum(weights.get(f, 0.0) for f in features), 4)


def centred_bonuses(weights: Mapping[str, float], features: Sequence[Iterable[str]]) -> list[float]:
    """Each list entry's learned liking minus the list's mean. Features every entry shares (the kind
    of a list of investors, a country all of them are in) then move nothing, and the feedback only
    reorders: what the reader turned down goes down, what they kept goes up."""
    raw = [preference_bonus(weights, f) for f in features]
    mean = sum(raw) / len(raw) if raw else 0.0
    return [round(value - mean, 4) for value in raw]


def target_prior(positive: int, negative: int) -> float:
    """A target's global standing in (-0.5, 0.5): Beta(1, 1)-smoothed share of good outcomes − ½."""
    return round((positive + 1) / (positive + negative + 2) - 0.5, 4)

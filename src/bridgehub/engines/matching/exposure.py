"""Fair exposure: nobody is recommended to more readers than they said they can take.

Scores alone send every start-up to the same few popular investors. `allocate` builds each reader's
top-k so that a counterpart appears in at most its `capacity` lists: readers take turns (one list
position per turn, best remaining fit first), so no reader loses all of their best matches to
readers served earlier. Within a list, a candidate whose reasons repeat those already picked is
pushed down a little (`diversity`), so a list is not ten copies of one kind of match. `gini`
measures how unequally recommendations are spread (0: everyone shown equally often).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    id: str
    score: float
    reasons: tuple[str, ...] = ()


def gini(counts: Sequence[int]) -> float:
    """Gini coefficient of exposure counts (0 = equal, towards 1 = concentrated)."""
    values = sorted(counts)
    n, total = len(values), sum(values)
    if n == 0 or total == 0:
        return 0.0
    weighted = sum((i + 1) * v for i, v in enumerate(values))
    return round((2 * weighted) / (n * total) - (n + 1) / n, 4)


def allocate(candidates: Mapping[str, Sequence[Candidate]], *, k: int, capacity: Mapping[str, int],
             default_capacity: int | None = None, diversity: float = 0.1) -> dict[str, list[Candidate]]:
    """Each reader's top-k under the counterparts' capacities (see the module docstring)."""
    remaining = {reader: sorted(options, key=lambda c: (-c.score, c.id)) for reader, options in candidates.items()}
    shown: dict[str, int] = {}
    lists: dict[str, list[Candidate]] = {reader: [] for reader in candidates}
    for _position in range(k):
        for reader in sorted(candidates):
            picked = lists[reader]
            seen = {reason for c in picked for reason in c.reasons}
            best: Candidate | None = None
            best_value = float("-inf")
            for option in remaining[reader]:
                limit = capacity.get(option.id, default_capacity)
                if limit is not None and shown.get(option.id, 0) >= limit:
                    continue
                repeated = len(set(option.reasons) & seen) / max(len(option.reasons), 1)
                value = option.score - diversity * repeated * abs(option.score)
                if value > best_value:
                    best, best_value = option, value
            if best is not None:
                picked.append(best)
                remaining[reader].remove(best)
                shown[best.id] = shown.get(best.id, 0) + 1
    return lists


def exposure(lists: Mapping[str, Sequence[Candidate]], everyone: Sequence[str]) -> list[int]:
    """How many lists each of `everyone` appears in (zeros included, for the Gini)."""
    counts = {person: 0 for person in everyone}
    for picked in lists.values():
        for candidate in picked:
            counts[candidate.id] = counts.get(candidate.id, 0) + 1
    return list(counts.values())

"""Independent check of a schedule against every hard rule, and its score.

Written from the README's rules, not from the solver's data structures, so a solver bug cannot hide
behind a shared helper. The solver calls it on every schedule it returns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .instance import Instance, Meeting


@dataclass(frozen=True)
class ScheduleReport:
    violations: list[str]
    meetings: int
    covered: int
    objective: float
    breaks: int
    breaks_spread: int

    @property
    def feasible(self) -> bool:
        return not self.violations


def breaks_in(slots: Collection[int]) -> int:
    """Idle stretches between two meetings held in `slots` (one per stretch, however long)."""
    if not slots:
        return 0
    return sum(1 for s in range(min(slots), max(slots)) if s not in slots and s + 1 in slots)


def idle_breaks(meetings: Sequence[Meeting]) -> dict[str, int]:
    """Per participant: idle stretches between two of their meetings."""
    used: dict[str, set[int]] = {}
    for m in meetings:
        for p in (m.a, m.b):
            used.setdefault(p, set()).add(m.slot)
    return {p: breaks_in(slots) for p, slots in used.items()}


def score(instance: Instance, meetings: Sequence[Meeting]) -> tuple[float, int]:
    """Objective (weights held + coverage bonus) and participants covered; assumes each pair once."""
    weights = {r.pair: r.weight for r in instance.requests}
    covered = len({p for m in meetings for p in (m.a, m.b)})
    return sum(weights.get(m.pair, 0.0) for m in meetings) + instance.coverage_bonus * covered, covered


def check_schedule(instance: Instance, meetings: Sequence[Meeting]) -> ScheduleReport:
    people, interpreters = instance.participants, instance.interpreters
    requests = {r.pair: r for r in instance.requests}
    bad: list[str] = []
    busy: Counter[tuple[str, int]] = Counter()
    tables: Counter[tuple[int, int]] = Counter()
    interpreting: Counter[tuple[str, int]] = Counter()
    held: Counter[frozenset[str]] = Counter()
    count: Counter[str] = Counter()
    for m in meetings:
        request = requests.get(m.pair)
        if request is None:
            bad.append(f"not requested: {m.a}-{m.b}")
            continue
        held[m.pair] += 1
        if not 0 <= m.slot < instance.slots:
            bad.append(f"{m.a}-{m.b}: no such slot {m.slot}")
        if request.slots is not None and m.slot not in request.slots:
            bad.append(f"{m.a}-{m.b}: held in slot {m.slot}, outside its allowed slots")
        if request.pinned_slot is not None and m.slot != request.pinned_slot:
            bad.append(f"{m.a}-{m.b}: pinned to slot {request.pinned_slot} but held in slot {m.slot}")
        if not 0 <= m.table < instance.tables:
            bad.append(f"{m.a}-{m.b}: no such table {m.table}")
        for p in (m.a, m.b):
            if m.slot not in people[p].available:
                bad.append(f"{p} is not available in slot {m.slot}")
            busy[p, m.slot] += 1
            count[p] += 1
        tables[m.table, m.slot] += 1
        a, b = people[m.a], people[m.b]
        if not (a.languages & b.languages):
            interpreter = interpreters.get(m.interpreter) if m.interpreter else None
            if interpreter is None:
                bad.append(f"{m.a}-{m.b}: share no language and have no interpreter")
            else:
                if m.slot not in interpreter.available:
                    bad.append(f"interpreter {interpreter.id} is not available in slot {m.slot}")
                if not interpreter.covers(a, b):
                    bad.append(f"interpreter {interpreter.id} cannot interpret {m.a}-{m.b}")
                if request.pinned_interpreter is not None and interpreter.id != request.pinned_interpreter:
                    bad.append(f"{m.a}-{m.b}: keeps interpreter {request.pinned_interpreter} but got {interpreter.id}")
                interpreting[interpreter.id, m.slot] += 1
    bad += [f"{p} is double-booked in slot {s}" for (p, s), n in busy.items() if n > 1]
    bad += [f"table {t} is double-booked in slot {s}" for (t, s), n in tables.items() if n > 1]
    bad += [f"interpreter {i} is double-booked in slot {s}" for (i, s), n in interpreting.items() if n > 1]
    bad += [f"request {'-'.join(sorted(k))} is held {n} times" for k, n in held.items() if n > 1]
    bad += [
        f"{p} has {count[p]} meetings, over their maximum {person.max_meetings}"
        for p, person in people.items()
        if person.max_meetings is not None and count[p] > person.max_meetings
    ]
    bad += [
        f"pinned request {r.a}-{r.b} is not held"
        for r in instance.requests
        if r.pinned_slot is not None and r.pair not in held
    ]
    objective, covered = score(instance, meetings)
    breaks = idle_breaks(meetings)
    return ScheduleReport(
        violations=bad,
        meetings=sum(held.values()),
        covered=covered,
        objective=objective,
        breaks=sum(breaks.values()),
        breaks_spread=(max(breaks.values()) - min(breaks.values())) if breaks else 0,
    )

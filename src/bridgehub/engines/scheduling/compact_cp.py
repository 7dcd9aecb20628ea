"""Second goal with CP-SAT: the same meetings, re-slotted so that people wait as little as possible.

Once the set of meetings is chosen (the main phases maximise what is held), every held meeting
must stay held; only its slot may change. A person's idle stretches ("breaks", as the shared
checker and Bofill et al. count them) are their blocks of consecutive meetings minus one, so the
model minimises blocks:

- x[k, s]: meeting k in slot s (its allowed slots only; a pinned meeting has one); exactly one;
- u[p, s] = the sum of p's x in slot s (at most one); a block of p starts at s exactly when
  u[p, s] and not u[p, s-1], which three inequalities make exact;
- tables per slot, and the interpreters' Hall condition per slot and set of interpreter types,
  as in the main model (which interpreter sits where is decided afterwards, slot by slot);
- implied: a person's first and last meeting are at least (meetings + breaks - 1) slots apart.

Fairness (max − min breaks per person ≤ D, the rule of the published results) is soft, with a
weight above any possible saving in breaks, so the current schedule is always a valid start.

Search: one model over every meeting is hard to improve within seconds at 300 meetings × 22
slots, while small neighbourhoods solve in milliseconds. So the whole model runs first for a share
of the time (it proves optimality on small events), then a large-neighbourhood search frees the
meetings of a few slots at a time (they may trade places among those slots; everything else
stays) and keeps every answer that lowers the objective. Each step only accepts improvements, so
the result is never worse than the schedule it started from.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from .check import breaks_in
from .model import cover_of, interpreter_supply
from .state import ScheduleState

# Above this many (meeting, slot) pairs the gap search is left to the MIP pass and single moves:
# building the whole model in Python takes seconds there (large-3k), and time limits must hold.
MAX_VARIABLES = 20_000
STEP_SECONDS = 0.1  # per neighbourhood: many small steps beat few large ones
WHOLE_MODEL_SHARE = 0.2  # of the time left: the whole model first, then neighbourhoods


@dataclass(frozen=True)
class Compaction:
    breaks_before: int
    breaks_after: int
    spread_before: int
    spread_after: int
    proven_optimal: bool
    steps: int  # neighbourhoods solved
    improvements: int  # of which improved the schedule


def breaks_by_person(state: ScheduleState) -> dict[int, int]:
    """Idle stretches between two meetings, per person with at least one meeting."""
    found: dict[int, int] = {}
    for person, row in enumerate(state.busy):
        used = {s for s, k in enumerate(row) if k >= 0}
        if used:
            found[person] = breaks_in(used)
    return found


def _spread(breaks: dict[int, int]) -> int:
    return max(breaks.values()) - min(breaks.values()) if breaks else 0


def score(breaks: dict[int, int], fairness: int | None) -> int:
    """The objective: total breaks, plus a weight above any total for each unit of excess spread."""
    excess = max(0, _spread(breaks) - fairness) if fairness is not None else 0
    return sum(breaks.values()) + fairness_weight(breaks) * excess


def fairness_weight(breaks: dict[int, int]) -> int:
    return 32 * (len(breaks) + 1)  # more than any total of breaks (at most slots/2 per person)


class _Builder:
    """A CP-SAT model in which each meeting k in `free` may move among the slots `free[k]`; others stay put."""

    def __init__(self, state: ScheduleState, free: dict[int, tuple[int, ...]], fairness: int | None,
                 supply_data: tuple):
        self.state = state
        instance = state.instance
        types, unions, supply = supply_data
        people = list(instance.participants.values())
        model = cp_model.CpModel()
        self.model = model
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        in_slot: dict[int, list] = {}
        terms: dict[tuple[int, int], list] = {}  # (person, slot) -> variables or the constant 1
        hall: dict[tuple[int, frozenset[int]], list] = {}
        touched: set[int] = set()
        for k in state.held_requests():
            ask = state.asks[k]
            cover = cover_of(types, people[ask.a].languages, people[ask.b].languages)
            options = free.get(k, (state.held[k],))
            placed = []
            for s in options:
                term: Any
                if cover is not None and not supply.get((s, cover)):
                    continue
                if k in free:
                    var = model.new_bool_var(f"x{k}_{s}")
                    self.x[k, s] = var
                    model.add_hint(var, s == state.held[k])
                    placed.append(var)
                    term = var
                else:
                    term = 1
                in_slot.setdefault(s, []).append(term)
                for p in (ask.a, ask.b):
                    terms.setdefault((p, s), []).append(term)
                if cover is not None:
                    for u in unions:
                        if cover <= u:
                            hall.setdefault((s, u), []).append(term)
            if k in free:
                model.add_exactly_one(placed)
                touched.update((ask.a, ask.b))
        for items in in_slot.values():
            if any(not isinstance(t, int) for t in items) and len(items) > instance.tables:
                model.add(sum(items) <= instance.tables)
        for (s, u), items in hall.items():
            if any(not isinstance(t, int) for t in items) and len(items) > supply.get((s, u), 0):
                model.add(sum(items) <= supply.get((s, u), 0))

        before = breaks_by_person(state)
        self.breaks: dict[int, cp_model.IntVar | int] = {p: n for p, n in before.items() if p not in touched}
        for p in sorted(touched):
            self.breaks[p] = self._person(p, terms, instance.slots)
        total = sum(self.breaks.values())
        if fairness is None:
            model.minimize(total)
            return
        variables = [b for b in self.breaks.values() if not isinstance(b, int)]
        constants = [b for b in self.breaks.values() if isinstance(b, int)]
        low = model.new_int_var(0, instance.slots, "fewest")
        high = model.new_int_var(0, instance.slots, "most")
        model.add_min_equality(low, variables + ([min(constants)] if constants else []))
        model.add_max_equality(high, variables + ([max(constants)] if constants else []))
        excess = model.new_int_var(0, instance.slots, "excess")
        model.add(excess >= high - low - fairness)
        model.minimize(total + fairness_weight(before) * excess)

    def _person(self, p: int, terms: dict, n_slots: int) -> cp_model.IntVar:
        model, state = self.model, self.state
        used: dict[int, Any] = {}  # slot -> 0/1 constant, Boolean or a sum of at-most-one Booleans
        for s in range(n_slots):
            items = terms.get((p, s), [])
            variables = [t for t in items if not isinstance(t, int)]
            if len(items) > 1 and variables:
                model.add(sum(items) <= 1)
            if items:
                used[s] = sum(items) if len(items) > 1 else items[0]
        starts: list = []
        for s, here in used.items():
            previous = used.get(s - 1, 0)
            if isinstance(here, int) and isinstance(previous, int):
                starts.append(int(here == 1 and previous == 0))
                continue
            start = model.new_bool_var(f"start{p}_{s}")
            model.add(start <= here)
            model.add(start >= here - previous)
            model.add(start + previous <= 1)
            model.add_hint(start, state.busy[p][s] >= 0 and (s == 0 or state.busy[p][s - 1] < 0))
            starts.append(start)
        count = model.new_int_var(0, n_slots, f"breaks{p}")
        model.add(count == sum(starts) - 1)
        # Implied: the first and last meeting are at least (meetings + breaks - 1) slots apart.
        slots_used = [s for s in used]
        first = model.new_int_var(min(slots_used), max(slots_used), f"first{p}")
        last = model.new_int_var(min(slots_used), max(slots_used), f"last{p}")
        for s, here in used.items():
            if isinstance(here, int):
                model.add(first <= s)
                model.add(last >= s)
            else:
                model.add(first <= s).only_enforce_if(_as_literal(model, here))
                model.add(last >= s).only_enforce_if(_as_literal(model, here))
        meetings = sum(1 for k in state.held_requests() if p in (state.asks[k].a, state.asks[k].b))
        model.add(last - first >= meetings - 1 + count)
        return count

    def solve(self, seconds: float, seed: int, workers: int) -> tuple[int, dict[int, int], bool] | None:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.05, seconds)
        solver.parameters.num_workers = workers
        solver.parameters.random_seed = seed
        status = solver.solve(self.model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        chosen = {k: s for (k, s), var in self.x.items() if solver.boolean_value(var)}
        return round(solver.objective_value), chosen, status == cp_model.OPTIMAL


def _as_literal(model: cp_model.CpModel, expression) -> cp_model.IntVar:
    """A Boolean equal to a 0/1 linear expression (a sum over an at-most-one set)."""
    if isinstance(expression, cp_model.IntVar):
        return expression
    literal = model.new_bool_var("")
    model.add(literal == expression)
    return literal


def compact_with_cpsat(state: ScheduleState, deadline: float, *, fairness: int | None = 2, seed: int = 0,
                       workers: int = 2) -> Compaction | None:
    """Re-slot the held meetings to close idle gaps (see the module docstring); None when not tried."""
    held = state.held_requests()
    start = breaks_by_person(state)
    if not held or time.monotonic() > deadline - 0.3:
        return None
    supply_data = interpreter_supply(state.instance)
    everything = {k: state.asks[k].slots for k in held if state.asks[k].pinned_slot is None}
    if sum(len(v) for v in everything.values()) > MAX_VARIABLES:
        return None
    current = score(start, fairness)
    whole = _Builder(state, everything, fairness, supply_data)
    if time.monotonic() > deadline - 0.3:
        return None
    answer = whole.solve(WHOLE_MODEL_SHARE * (deadline - time.monotonic()), seed, workers)
    if answer is not None and answer[0] < current and state.replace(_with_the_rest(state, answer[1])):
        current = answer[0]
    # Proved optimal (whether or not it moved anything): no neighbourhood can do better.
    proven = answer is not None and answer[2] and answer[0] <= current
    steps = improvements = 0
    rng = random.Random(seed)
    n_slots = state.instance.slots
    while not proven and current > 0 and time.monotonic() < deadline - 0.1:
        if rng.random() < 0.5:
            chosen_slots = _neighbourhood(rng, n_slots)
            free = {k: tuple(s for s in state.asks[k].slots if s in chosen_slots)
                    for s in chosen_slots for k in state.in_slot[s] if state.asks[k].pinned_slot is None}
        else:
            free = _people_neighbourhood(rng, state)
        if not free:
            continue
        step = _Builder(state, free, fairness, supply_data)
        answer = step.solve(min(STEP_SECONDS, deadline - time.monotonic() - 0.05), seed + steps, 1)
        steps += 1
        if answer is not None and answer[0] < current and state.replace(_with_the_rest(state, answer[1])):
            current = answer[0]
            improvements += 1
    end = breaks_by_person(state)
    return Compaction(sum(start.values()), sum(end.values()), _spread(start), _spread(end), proven, steps,
                      improvements)


def _with_the_rest(state: ScheduleState, moved: dict[int, int]) -> dict[int, int]:
    """Every held meeting's slot: the moved ones where they moved, the others (pins too) where they are."""
    placements = {k: state.held[k] for k in state.held_requests()}
    placements.update(moved)
    return placements


def _people_neighbourhood(rng: random.Random, state: ScheduleState) -> dict[int, tuple[int, ...]]:
    """Every meeting of a few people (one with gaps and some of their counterparts), free to move to
    any of its slots: a person's whole day can be rearranged around the others' fixed meetings."""
    breaks = breaks_by_person(state)
    waiting = [p for p, n in breaks.items() if n > 0] or list(breaks)
    person = rng.choice(waiting)
    partners = sorted({other for k in state.held_requests() for a, other in
                       ((state.asks[k].a, state.asks[k].b), (state.asks[k].b, state.asks[k].a)) if a == person})
    chosen = {person, *rng.sample(partners, min(len(partners), rng.choice((1, 2, 3))))}
    return {k: state.asks[k].slots for k in state.held_requests()
            if state.asks[k].pinned_slot is None and (state.asks[k].a in chosen or state.asks[k].b in chosen)}


def _neighbourhood(rng: random.Random, n_slots: int) -> set[int]:
    """A few slots whose meetings may trade places: a window, or a window and another slot."""
    size = min(n_slots, rng.choice((2, 3, 4)))
    first = rng.randrange(n_slots - size + 1)
    chosen = set(range(first, first + size))
    if n_slots > size and rng.random() < 0.5:
        chosen.discard(rng.choice(sorted(chosen)))
        chosen.add(rng.choice([s for s in range(n_slots) if s not in chosen]))
    return chosen

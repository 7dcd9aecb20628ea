"""Closing idle gaps by annealing over Kempe chains: the same meetings, other slots.

With the set of meetings fixed, the schedule is an edge colouring of the request graph (a person
meets at most once per slot), and a gap-free day is an *interval* colouring. The classic move for
colourings is the Kempe chain: take meeting k from slot s to slot t; whoever of its two people is
busy in t must then move that meeting to s, and so on along the alternating path or cycle. The
result is again a valid colouring, every person on the chain simply trades their s and t slots, so
the change in gaps is read off two bits of each person's day (a bitmask), and a move costs
microseconds. Simulated annealing over these moves walks the plateaus on which exact neighbourhood
searches stall (a day with one gap can often only be closed through several equal-cost moves).

Fixed: pinned meetings and meetings that need an interpreter (who interprets in which slot is a
matching the chain does not track); a chain that reaches one of them is refused. Tables are counted
per slot; each meeting keeps to its own allowed slots (availability, morning/afternoon).

The objective is the gap search's: total gaps, plus a penalty for each unit of gap spread above the
fairness rule; the best schedule seen (by `compact_cp.score`, where fairness comes first) is kept.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from .compact_cp import breaks_by_person, fairness_weight, score  # the gap search's own measure
from .state import ScheduleState

SPREAD_PENALTY = 4  # per unit of spread above the rule, while annealing (the final choice is lexicographic)
START_TEMPERATURE = 0.4
END_TEMPERATURE = 0.1
BATCH = 256  # moves between clock readings (and between copies of the best day)
WAITING_SHARE = 0.7  # of moves that start from a person who waits
NEXT_TO_SHARE = 0.5  # of those, sent to a free slot beside one of their meetings


@dataclass(frozen=True)
class Annealing:
    breaks_before: int
    breaks_after: int
    moves_tried: int
    moves_accepted: int


def _breaks(mask: int) -> int:
    """Idle stretches in a day given as a bitmask of busy slots: its blocks minus one."""
    return (mask & ~(mask << 1)).bit_count() - 1 if mask else 0


def _swap_bits(mask: int, s: int, t: int) -> int:
    if ((mask >> s) ^ (mask >> t)) & 1:
        return mask ^ ((1 << s) | (1 << t))
    return mask


class _Day:
    """Everyone's day as bitmasks, who meets whom in which slot, and the gap counts.

    Per-meeting facts are lists indexed by request (not dicts) and a meeting's allowed slots a
    bitmask: the chain and the gap change are the inner loop, tried 100,000s of times a second.
    """

    def __init__(self, state: ScheduleState, fairness: int | None):
        self.state = state
        self.fairness = fairness
        self.tables = state.instance.tables
        self.n_slots = state.instance.slots
        asks = state.asks
        self.held = state.held_requests()
        self.slot = list(state.held)  # per request; -1: not held (never reached along a chain)
        self.movable = [k for k in self.held if asks[k].pinned_slot is None and asks[k].interpreters is None]
        # Allowed slots as a bitmask; 0 for a meeting that may not move, which refuses every chain through it.
        self.allowed = [0] * len(asks)
        self.options: list[tuple[int, ...]] = [()] * len(asks)
        for k in self.movable:
            self.allowed[k] = sum(1 << s for s in asks[k].slots)
            self.options[k] = tuple(asks[k].slots)
        self.busy = [list(row) for row in state.busy]
        self.count = list(state.tables_used)
        self.a = [ask.a for ask in asks]
        self.b = [ask.b for ask in asks]
        self.mask = [sum(1 << s for s, k in enumerate(row) if k >= 0) for row in state.busy]
        self.breaks = [_breaks(m) for m in self.mask]
        self.people = [p for p, m in enumerate(self.mask) if m]
        self.histogram = [0] * (self.n_slots + 1)
        for p in self.people:
            self.histogram[self.breaks[p]] += 1
        self.total = sum(self.breaks)
        self.excess = self._excess()

    def _excess(self) -> int:
        """Spread of gap counts above the fairness rule (0 without a rule)."""
        if self.fairness is None or not self.people:
            return 0
        histogram = self.histogram
        low, high = 0, len(histogram) - 1
        while not histogram[low]:
            low += 1
        while not histogram[high]:
            high -= 1
        return max(0, high - low - self.fairness)

    def chain(self, k: int, target: int) -> tuple[list[int], list[int], set[int]] | None:
        """The meetings that move s→t and t→s when k moves to `target`, and the people on them; None
        when the chain is blocked (a meeting that may not move or not go there, or too few tables)."""
        source = self.slot[k]
        allowed, busy, slot, a, b = self.allowed, self.busy, self.slot, self.a, self.b
        to_target, to_source = 1 << target, 1 << source
        forward: list[int] = []
        backward: list[int] = []
        people: set[int] = set()
        seen = {k}
        stack = [k]
        while stack:
            m = stack.pop()
            if slot[m] == source:
                if not allowed[m] & to_target:
                    return None
                forward.append(m)
                there = target
            else:
                if not allowed[m] & to_source:
                    return None
                backward.append(m)
                there = source
            for p in (a[m], b[m]):
                people.add(p)
                other = busy[p][there]
                if other >= 0 and other not in seen:
                    seen.add(other)
                    stack.append(other)
        grow = len(forward) - len(backward)
        if self.count[target] + grow > self.tables or self.count[source] - grow > self.tables:
            return None
        return forward, backward, people

    def delta(self, people: set[int], source: int, target: int) -> tuple[int, list[tuple[int, int]]]:
        """Change in cost if everyone in `people` traded slots source and target, and their new gap
        counts (nothing is applied: `apply` does that when the move is accepted)."""
        mask, breaks = self.mask, self.breaks
        flip = (1 << source) | (1 << target)
        changes = []
        change = 0
        for p in people:
            day = mask[p]
            if ((day >> source) ^ (day >> target)) & 1:  # busy in exactly one of the two: the day changes
                day ^= flip
                value = (day & ~(day << 1)).bit_count() - 1  # blocks - 1; the day is never empty here
                if value != breaks[p]:
                    changes.append((p, value))
                    change += value - breaks[p]
        if self.fairness is None or not changes:
            return change, changes
        histogram = self.histogram
        for p, value in changes:
            histogram[breaks[p]] -= 1
            histogram[value] += 1
        excess = self._excess()
        for p, value in changes:
            histogram[value] -= 1
            histogram[breaks[p]] += 1
        return change + SPREAD_PENALTY * (excess - self.excess), changes

    def apply(self, forward: list[int], backward: list[int], source: int, target: int, people: set[int],
              changes: list[tuple[int, int]]) -> None:
        busy, a, b = self.busy, self.a, self.b
        for p in people:
            busy[p][source] = busy[p][target] = -1
            self.mask[p] = _swap_bits(self.mask[p], source, target)
        for m in forward:
            self.slot[m] = target
            busy[a[m]][target] = busy[b[m]][target] = m
        for m in backward:
            self.slot[m] = source
            busy[a[m]][source] = busy[b[m]][source] = m
        grow = len(forward) - len(backward)
        self.count[target] += grow
        self.count[source] -= grow
        for p, value in changes:
            old = self.breaks[p]
            self.histogram[old] -= 1
            self.histogram[value] += 1
            self.total += value - old
            self.breaks[p] = value
        self.excess = self._excess()

    def key(self, weight: int) -> int:
        """`compact_cp.score` of the current day: gaps, and fairness above everything."""
        return self.total + weight * self.excess

    def placements(self) -> dict[int, int]:
        return {k: self.slot[k] for k in self.held}


def anneal_breaks(state: ScheduleState, deadline: float, *, fairness: int | None = 2,
                  seed: int = 0, floor: int = 0) -> Annealing | None:
    """Lower the schedule's gaps in place until `deadline`, or until `floor` (a proved lower bound on
    the gaps, gap_bound.py) is reached with the fairness rule held; None when nothing can move."""
    day = _Day(state, fairness)
    if not day.movable or time.monotonic() > deadline - 0.05:
        return None
    start = breaks_by_person(state)
    before = sum(start.values())
    weight = fairness_weight(start)
    best_key = day.key(weight)
    best = day.placements()
    rng = random.Random(seed)
    by_person: dict[int, list[int]] = {}
    for k in day.movable:
        by_person.setdefault(state.asks[k].a, []).append(k)
        by_person.setdefault(state.asks[k].b, []).append(k)
    started = time.monotonic()
    span = max(1e-3, deadline - started)
    tried = accepted = 0
    uniform = rng.random
    while best_key > floor and (now := time.monotonic()) < deadline:  # at the floor: optimal
        temperature = START_TEMPERATURE * (END_TEMPERATURE / START_TEMPERATURE) ** ((now - started) / span)
        for _ in range(BATCH):
            tried += 1
            k, target = _pick(uniform, day, by_person)
            source = day.slot[k]
            if target == source:
                continue
            found = day.chain(k, target)
            if found is None:
                continue
            forward, backward, people = found
            change, changes = day.delta(people, source, target)
            if change <= 0 or uniform() < math.exp(-change / temperature):
                day.apply(forward, backward, source, target, people, changes)
                accepted += 1
        # The best day is copied once per batch, not per move: copying is linear in the meetings.
        if (key := day.key(weight)) < best_key:
            best_key, best = key, day.placements()
    if best_key < score(start, fairness) and not state.replace(best):
        raise AssertionError("annealing produced a schedule the state refuses")  # a bug in this module
    return Annealing(before, sum(breaks_by_person(state).values()), tried, accepted)


def _pick(uniform: Callable[[], float], day: _Day, by_person: dict[int, list[int]]) -> tuple[int, int]:
    """A meeting and a slot to move it to: mostly a meeting of a person who waits, sent next to one
    of their other meetings (where it can close the gap); sometimes any meeting anywhere.
    (Indexing by `uniform()` rather than `random.choice`: half the cost, the same distribution.)"""
    if uniform() < WAITING_SHARE:
        people = day.people
        for _ in range(4):
            person = people[int(uniform() * len(people))]
            if day.breaks[person] and person in by_person:
                mine = by_person[person]
                k = mine[int(uniform() * len(mine))]
                options = day.options[k]
                if uniform() < NEXT_TO_SHARE:
                    mask = day.mask[person]
                    beside = [s for s in options if (mask >> s) & 1 == 0 and ((mask >> (s + 1)) & 1
                                                                             or (s and (mask >> (s - 1)) & 1))]
                    if beside:
                        return k, beside[int(uniform() * len(beside))]
                return k, options[int(uniform() * len(options))]
    movable = day.movable
    k = movable[int(uniform() * len(movable))]
    options = day.options[k]
    return k, options[int(uniform() * len(options))]

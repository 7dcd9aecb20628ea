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

The loop itself is compiled (kempe_kernel.py says why); this module turns the schedule into the
arrays it works on, keeps the clock and the cooling, and writes the best day back.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import numpy as np

from . import kempe_kernel as kernel
from .compact_cp import breaks_by_person, fairness_weight, score  # the gap search's own measure
from .state import ScheduleState

SPREAD_PENALTY = 4  # per unit of spread above the rule, while annealing (the final choice is lexicographic)
START_TEMPERATURE = 0.4
END_TEMPERATURE = 0.1
BATCH_SECONDS = 0.01  # of compiled moves between clock readings (the cooling steps this often)
WAITING_SHARE = 0.7  # of moves that start from a person who waits
NEXT_TO_SHARE = 0.5  # of those, sent to a free slot beside one of their meetings
# Walks side by side, one per core of the 2-core machine (8 hard real events, two seeds each, 5 s:
# 307 gaps with two walks against 317 with one; the temperatures kept after the compiled loop made
# 8x more moves: 0.6/0.1, 0.4/0.05 and 0.3/0.15 gave 312, 310 and 308, within run-to-run noise).
CHAINS = 2


@dataclass(frozen=True)
class Annealing:
    breaks_before: int
    breaks_after: int
    moves_tried: int
    moves_accepted: int


def _index(lists: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Lists of lists as one flat array and where each list starts (its end is the next one's start)."""
    starts = np.zeros(len(lists) + 1, dtype=np.int64)
    starts[1:] = np.cumsum([len(items) for items in lists])
    flat = np.fromiter((item for items in lists for item in items), dtype=np.int64, count=int(starts[-1]))
    return starts, flat


class _Day:
    """Everyone's day as arrays for the compiled loop: bitmasks of busy slots, who meets whom in
    which slot, the gap counts; meetings that may not move (pinned, interpreted) have no allowed slot,
    which refuses every chain through them."""

    def __init__(self, state: ScheduleState, fairness: int | None):
        asks, n_slots = state.asks, state.instance.slots
        self.held = state.held_requests()
        self.slot = np.array(state.held, dtype=np.int64)  # per request; -1: not held (never on a chain)
        movable = [k for k in self.held if asks[k].pinned_slot is None and asks[k].interpreters is None]
        self.movable = np.array(movable, dtype=np.int64)
        self.allowed = np.zeros(len(asks), dtype=np.int64)
        options: list[list[int]] = [[] for _ in asks]
        for k in movable:
            self.allowed[k] = sum(1 << s for s in asks[k].slots)
            options[k] = list(asks[k].slots)
        self.option_start, self.options = _index(options)
        self.a = np.array([ask.a for ask in asks], dtype=np.int64)
        self.b = np.array([ask.b for ask in asks], dtype=np.int64)
        self.busy = np.array(state.busy, dtype=np.int64).reshape(len(state.busy), n_slots)
        self.count = np.array(state.tables_used, dtype=np.int64)
        self.mask = np.array([sum(1 << s for s, k in enumerate(row) if k >= 0) for row in state.busy], dtype=np.int64)
        self.breaks = np.array([kernel.breaks_of(day) for day in self.mask], dtype=np.int64)
        self.people = np.flatnonzero(self.mask).astype(np.int64)
        self.histogram = np.bincount(self.breaks[self.people], minlength=n_slots + 1).astype(np.int64)
        mine: list[list[int]] = [[] for _ in state.busy]
        for k in movable:
            mine[asks[k].a].append(k)
            mine[asks[k].b].append(k)
        self.by_person_start, self.by_person = _index(mine)
        self.fairness = -1 if fairness is None else fairness
        self.scalars = np.zeros(6, dtype=np.int64)
        self.scalars[kernel.TOTAL] = int(self.breaks.sum())
        self.scalars[kernel.EXCESS] = kernel.excess_of(self.histogram, self.fairness) if len(self.people) else 0
        n_asks, n_people = len(asks), len(state.busy)
        self.work = (  # scratch space of the chain walk, allocated once
            np.zeros(n_asks, dtype=np.int64), np.zeros(n_people, dtype=np.int64), np.zeros(n_asks, dtype=np.int64),
            np.zeros(n_asks, dtype=np.int64), np.zeros(n_asks, dtype=np.int64), np.zeros(n_people, dtype=np.int64),
            np.zeros(n_people, dtype=np.int64), np.zeros(n_people, dtype=np.int64))

    def run(self, moves: int, temperature: float, weight: int, floor: int, tables: int, best: np.ndarray) -> None:
        kernel.run_batch(moves, temperature, weight, floor, self.fairness, SPREAD_PENALTY, tables,
                         WAITING_SHARE, NEXT_TO_SHARE, self.slot, self.allowed, self.a, self.b, self.busy,
                         self.count, self.mask, self.breaks, self.histogram, self.people,
                         self.by_person_start, self.by_person, self.movable, self.option_start, self.options,
                         self.scalars, best, *self.work)


def anneal_breaks(state: ScheduleState, deadline: float, *, fairness: int | None = 2,
                  seed: int = 0, floor: int = 0, chains: int = CHAINS) -> Annealing | None:
    """Lower the schedule's gaps in place until `deadline`, or until `floor` (a proved lower bound on
    the gaps, gap_bound.py) is reached with the fairness rule held; None when nothing can move or
    the round has more slots than a day's bitmask holds (CP-SAT then works alone).

    `chains` independent walks from the same schedule run side by side (the compiled loop releases
    the GIL, so each takes a core), seeded apart; the best day any of them saw is kept."""
    if state.instance.slots > kernel.MAX_SLOTS:
        return None
    days = [_Day(state, fairness) for _ in range(max(1, chains))]
    if not len(days[0].movable) or time.monotonic() > deadline - 0.05:
        return None
    start = breaks_by_person(state)
    before = sum(start.values())
    weight = fairness_weight(start)
    for day in days:
        day.scalars[kernel.BEST_KEY] = day.scalars[kernel.TOTAL] + weight * day.scalars[kernel.EXCESS]
    bests = [day.slot.copy() for day in days]
    walk = _Walk(time.monotonic(), deadline, weight, floor, state.instance.tables)
    if len(days) == 1:
        walk.run(days[0], seed, bests[0])
    else:
        threads = [threading.Thread(target=walk.run, args=(day, seed + 7919 * i, best), daemon=True)
                   for i, (day, best) in enumerate(zip(days, bests, strict=True))]
        for thread in threads:
            thread.start()
        for thread in threads:  # every walk ends by the deadline: none outlives the solve
            thread.join()
        if walk.failure is not None:
            raise walk.failure
    chosen = min(range(len(days)), key=lambda i: days[i].scalars[kernel.BEST_KEY])
    day, best = days[chosen], bests[chosen]
    improved = day.scalars[kernel.BEST_KEY] < score(start, fairness)
    if improved and not state.replace({k: int(best[k]) for k in day.held}):
        raise AssertionError("annealing produced a schedule the state refuses")  # a bug in this module
    tried = sum(int(d.scalars[kernel.TRIED]) for d in days)
    accepted = sum(int(d.scalars[kernel.ACCEPTED]) for d in days)
    return Annealing(before, sum(breaks_by_person(state).values()), tried, accepted)


class _Walk:
    """One cooling schedule shared by the walks (the clock, the temperature, the stop at the proved
    floor); each walk sizes its own batches."""

    def __init__(self, started: float, deadline: float, weight: int, floor: int, tables: int):
        self.started, self.deadline = started, deadline
        self.span = max(1e-3, deadline - started)
        self.weight, self.floor, self.tables = weight, floor, tables
        self.at_floor = False  # one chain proved it optimal: the others stop too
        self.failure: BaseException | None = None

    def run(self, day: _Day, seed: int, best: np.ndarray) -> None:
        try:
            kernel.seed_generator(seed)  # Numba's generator is per thread: seeded in the thread that uses it
            moves = 1_000
            while not self.at_floor and (now := time.monotonic()) < self.deadline:
                temperature = START_TEMPERATURE * (END_TEMPERATURE / START_TEMPERATURE) ** (
                    (now - self.started) / self.span)
                day.run(moves, temperature, self.weight, self.floor, self.tables, best)
                if day.scalars[kernel.BEST_KEY] <= self.floor:
                    self.at_floor = True
                took = time.monotonic() - now
                # Aim each batch at BATCH_SECONDS (the machine's speed varies), never past the deadline.
                rate = moves / max(took, 1e-6)
                moves = max(100, int(rate * min(BATCH_SECONDS, max(0.0, self.deadline - time.monotonic()))))
        except BaseException as error:  # handed to the caller, which raises it after the join
            self.failure = error


def compile_kernel() -> None:
    """Compile the annealing loop into Numba's cache, or load it from there, by annealing a toy round
    (two meetings that can close one gap): `make install` runs this, so that no solve pays the
    compilation (seconds) inside its time limit. Later processes load the cached code (< 1 s)."""
    from .instance import parse_instance
    from .state import prepare

    person = {"languages": ["en"], "available": [0, 1, 2]}
    instance = parse_instance({"slots": 3, "tables": 2, "participants": [{"id": p, **person} for p in "xyz"],
                               "requests": [{"a": "x", "b": "y", "weight": 1}, {"a": "x", "b": "z", "weight": 1}]})
    people, _, asks = prepare(instance)
    state = ScheduleState(instance, people, asks)
    if not (state.try_add(0, 0) and state.try_add(1, 2)):
        raise AssertionError("the toy round does not take its two meetings")
    anneal_breaks(state, time.monotonic() + 60, fairness=2)
    if sum(breaks_by_person(state).values()):
        raise AssertionError("the compiled annealing did not close the toy round's gap")


if __name__ == "__main__":
    compile_kernel()

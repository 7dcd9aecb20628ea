"""Constructive placement and local search on a `ScheduleState`.

`greedy` is also the pair of reference baselines (first come first served; by weight). The solver
places requests in the order of the LP relaxation's values, then improves with moves that never
lower the objective: relocating the meetings that block a request into another slot, or swapping
them out when the request is worth more. Every move is undone exactly when it does not pay.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable, Sequence

from .check import breaks_in
from .state import ScheduleState


def greedy(state: ScheduleState, order: Iterable[int]) -> None:
    """Hold each request, in `order`, in its earliest slot that still fits."""
    for k in order:
        if state.held[k] >= 0:
            continue
        for slot in state.asks[k].slots:
            if state.try_add(k, slot):
                break


def fcfs_order(state: ScheduleState) -> list[int]:
    return list(range(len(state.asks)))


def weight_order(state: ScheduleState) -> list[int]:
    return sorted(range(len(state.asks)), key=lambda k: -state.asks[k].weight)


def place_pinned(state: ScheduleState) -> list[tuple[int, int]]:
    """Hold every pinned request in its slot; returns (request, slot) of the pins that could not be honoured."""
    failed = []
    for ask in state.asks:
        if ask.pinned_slot is not None and not state.try_add(ask.index, ask.pinned_slot):
            failed.append((ask.index, ask.pinned_slot))
    return failed


def place_by_values(state: ScheduleState, columns: Sequence[tuple[float, int, int]]) -> None:
    """Hold (value, request, slot) columns best first, skipping those that no longer fit."""
    for _, k, slot in sorted(columns, key=lambda c: (-c[0], -state.asks[c[1]].weight, c[1], c[2])):
        if state.held[k] < 0:
            state.try_add(k, slot)


class _Journal:
    """Undo log for a tentative move."""

    def __init__(self, state: ScheduleState):
        self.state = state
        self.removed: list[tuple[int, int]] = []
        self.added: list[int] = []

    def remove(self, k: int) -> None:
        self.removed.append((k, self.state.held[k]))
        self.state.remove(k)

    def add(self, k: int, slot: int) -> bool:
        if self.state.try_add(k, slot):
            self.added.append(k)
            return True
        return False

    def undo(self) -> None:
        for k in reversed(self.added):
            self.state.remove(k)
        for k, slot in reversed(self.removed):
            self.state.add(k, slot)


def _relocate(journal: _Journal, k: int, avoid: int) -> bool:
    """Move held request k to another slot that fits (not `avoid`)."""
    state = journal.state
    journal.remove(k)
    return any(slot != avoid and journal.add(k, slot) for slot in state.asks[k].slots)


def _free_a_table(journal: _Journal, slot: int, rng: random.Random, tries: int = 6) -> bool:
    state = journal.state
    members = sorted(state.in_slot[slot])
    rng.shuffle(members)
    for m in members[:tries]:
        mark = (len(journal.removed), len(journal.added))
        if _relocate(journal, m, slot):
            return True
        _rewind(journal, mark)
    return False


def _rewind(journal: _Journal, mark: tuple[int, int]) -> None:
    """Undo the journal back to `mark` (its lengths at that point)."""
    state = journal.state
    while len(journal.added) > mark[1]:
        state.remove(journal.added.pop())
    while len(journal.removed) > mark[0]:
        k, slot = journal.removed.pop()
        state.add(k, slot)


def _try_insert(state: ScheduleState, k: int, slot: int, rng: random.Random) -> bool:
    """Hold request k in `slot` by moving or, when it pays, dropping what is in the way."""
    ask = state.asks[k]
    before = state.value
    journal = _Journal(state)
    blockers = {state.busy[ask.a][slot], state.busy[ask.b][slot]} - {-1}
    if any(state.asks[m].pinned_slot is not None for m in blockers):
        return False
    for m in sorted(blockers):
        # A blocker that cannot move stays out for now: dropping it may still pay if k is worth more.
        _relocate(journal, m, slot)
    if state.tables_used[slot] >= state.instance.tables and not _free_a_table(journal, slot, rng):
        journal.undo()
        return False
    if journal.add(k, slot):
        # Blockers we could not relocate are out; try them anywhere once more.
        for m, _ in list(journal.removed):
            if state.held[m] < 0:
                for other in state.asks[m].slots:
                    if journal.add(m, other):
                        break
        if state.value > before + 1e-9:
            return True
    journal.undo()
    return False


def improve(state: ScheduleState, deadline: float, rng: random.Random) -> int:
    """Insert left-out requests by local moves until no move pays or the deadline; returns moves made."""
    moves = 0
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        waiting = [k for k, slot in enumerate(state.held) if slot < 0 and state.asks[k].slots]
        waiting.sort(key=lambda k: -state.gain(k))
        for k in waiting:
            if time.monotonic() >= deadline:
                break
            if state.held[k] >= 0:
                continue
            ask = state.asks[k]
            if state.count[ask.a] >= state.cap[ask.a] or state.count[ask.b] >= state.cap[ask.b]:
                continue
            for slot in ask.slots:
                if _try_insert(state, k, slot, rng):
                    moves += 1
                    improved = True
                    break
    return moves


def reduce_breaks(state: ScheduleState, deadline: float) -> int:
    """Move meetings between slots, keeping the same set, when that closes idle stretches."""
    moved = 0
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        for k in state.held_requests():
            ask = state.asks[k]
            if ask.pinned_slot is not None or len(ask.slots) < 2:
                continue
            current = state.held[k]
            here = _breaks(state, ask.a) + _breaks(state, ask.b)
            state.remove(k)
            best, best_slot = here, current
            for slot in ask.slots:
                if slot != current and state.fits(k, slot):
                    state.add(k, slot)
                    there = _breaks(state, ask.a) + _breaks(state, ask.b)
                    state.remove(k)
                    if there < best:
                        best, best_slot = there, slot
            state.add(k, best_slot)
            if best_slot != current:
                moved += 1
                improved = True
            if time.monotonic() >= deadline:
                break
    return moved


def _breaks(state: ScheduleState, person: int) -> int:
    return breaks_in({s for s, k in enumerate(state.busy[person]) if k >= 0})

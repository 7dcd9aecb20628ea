"""Second goal: the same meetings with fewer idle gaps (a small MIP over slots only).

With the set of meetings fixed, a person's idle stretches are their blocks of consecutive meetings
minus one, so minimising the number of blocks minimises gaps. Variables: x[m, s] (meeting m in slot
s) and b[p, s] (a block of p's meetings starts at s): b[p, s] >= u[p, s] - u[p, s-1], where
u[p, s] is the number of p's meetings in slot s (0 or 1). Tables per slot and the interpreters'
Hall condition hold as in the main model; pinned meetings keep their slot. HiGHS starts from the
current schedule and its answer is adopted only when it has fewer blocks.
"""

from __future__ import annotations

import time

import highspy
import numpy as np

from .model import Model, cover_of, interpreter_supply, run_until, to_highs
from .state import ScheduleState

MAX_COLUMNS = 40_000  # above this, HiGHS cannot be relied on to stop in time (see solve.MIP_MAX_COLUMNS)


def _blocks(state: ScheduleState) -> int:
    total = 0
    for row in state.busy:
        total += sum(1 for s, k in enumerate(row) if k >= 0 and (s == 0 or row[s - 1] < 0))
    return total


def compact(state: ScheduleState, deadline: float, *, seed: int = 0, threads: int | None = None) -> bool:
    """Re-slot the held meetings to close idle gaps; True when the schedule changed."""
    instance = state.instance
    held = state.held_requests()
    if not held or time.monotonic() > deadline - 0.2:
        return False
    participants = list(instance.participants.values())
    types, unions, supply = interpreter_supply(instance)
    columns: list[tuple[int, int]] = []
    rows: dict[tuple, int] = {}
    caps_low: list[float] = []
    caps_high: list[float] = []
    entries: list[list[tuple[int, float]]] = []  # per column: (row, coefficient)

    def row(key: tuple, low: float, high: float) -> int:
        if key not in rows:
            rows[key] = len(caps_high)
            caps_low.append(low)
            caps_high.append(high)
        return rows[key]

    for k in held:
        ask = state.asks[k]
        a, b = participants[ask.a], participants[ask.b]
        cover = cover_of(types, a.languages, b.languages)
        for s in ask.slots:
            if cover is not None and not supply.get((s, cover)):
                continue
            column = [(row(("meet", k), 1, 1), 1.0), (row(("t", s), -np.inf, instance.tables), 1.0)]
            for p in (ask.a, ask.b):
                column.append((row(("u", p, s), -np.inf, 1), 1.0))
                column.append((row(("blk", p, s), -np.inf, 0), 1.0))
                if s + 1 < instance.slots:
                    column.append((row(("blk", p, s + 1), -np.inf, 0), -1.0))
            if cover is not None:
                column += [(row(("i", s, u), -np.inf, supply[s, u]), 1.0) for u in unions if cover <= u]
            columns.append((k, s))
            entries.append(column)
    n_x = len(columns)
    people = sorted({p for k in held for p in (state.asks[k].a, state.asks[k].b)})
    for p in people:
        for s in range(instance.slots):
            entries.append([(row(("blk", p, s), -np.inf, 0), -1.0)])
    if len(entries) > MAX_COLUMNS:
        return False
    starts, index, value = [0], [], []
    for column in entries:
        index += [r for r, _ in column]
        value += [c for _, c in column]
        starts.append(len(index))
    n_cols = len(entries)
    lower = np.zeros(n_cols)
    for c, (k, _slot) in enumerate(columns):
        if state.asks[k].pinned_slot is not None:
            lower[c] = 1.0
    model = Model(col_request=np.array([k for k, _ in columns]), col_slot=np.array([s for _, s in columns]),
                  n_x=n_x, cover_people=[], cost=np.concatenate([np.zeros(n_x), np.ones(n_cols - n_x)]),
                  lower=lower, upper=np.ones(n_cols), row_upper=np.array(caps_high, dtype=float),
                  row_kind=["compact"] * len(caps_high), matrix_start=np.array(starts, dtype=np.int32),
                  matrix_index=np.array(index, dtype=np.int32), matrix_value=np.array(value, dtype=float),
                  unplaceable=[], row_lower=np.array(caps_low, dtype=float), maximise=False)
    # HiGHS stops itself a little early; run_until stops waiting at the deadline if it does not.
    highs = to_highs(model, integer=True, time_limit=0.8 * (deadline - time.monotonic()), seed=seed,
                     threads=threads)
    start = np.zeros(n_cols)
    position = {ks: c for c, ks in enumerate(columns)}
    for k in held:
        start[position[k, state.held[k]]] = 1.0
    for offset, p in enumerate(people):
        busy = state.busy[p]
        for s in range(instance.slots):
            start[n_x + offset * instance.slots + s] = float(busy[s] >= 0 and (s == 0 or busy[s - 1] < 0))
    solution = highspy.HighsSolution()
    solution.col_value = start.tolist()
    highs.setSolution(solution)
    if not run_until(highs, deadline):
        return False
    values = np.asarray(highs.getSolution().col_value, dtype=float)
    if len(values) != n_cols or highs.getInfo().objective_function_value >= _blocks(state) - 0.5:
        return False
    chosen = {columns[c][0]: columns[c][1] for c in np.flatnonzero(values[:n_x] > 0.5)}
    if sorted(chosen) != sorted(held):
        return False
    return state.replace(chosen)

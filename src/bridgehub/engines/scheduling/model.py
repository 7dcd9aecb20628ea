"""The optimisation model shared by the LP bound and the exact solver.

One variable x[r, s] per request r and slot s it could be held in, one y[p] per participant for the
coverage bonus. Interpreters of the same language set are interchangeable, so instead of a variable
per interpreter the model carries Hall's condition per slot: for every union U of interpreter types,
the meetings that only types in U can interpret number at most the interpreters of those types
available in that slot. For integral x this is exactly "an interpreter can be assigned to every
meeting" (Hall's theorem), so the integer model needs no interpreter variables and its LP relaxation
is the checker's bound.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
import time
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import highspy
import numpy as np

from .instance import Instance


@dataclass
class Model:
    """Columns and rows ready for HiGHS, plus the maps back to requests and slots."""

    col_request: np.ndarray  # request index per x column
    col_slot: np.ndarray  # slot per x column
    n_x: int  # x columns first, then one y column per covered-candidate participant
    cover_people: list[str]  # participant per y column
    cost: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    row_upper: np.ndarray
    row_kind: list[str]  # resource kind per row, for "which resource binds"
    matrix_start: np.ndarray
    matrix_index: np.ndarray
    matrix_value: np.ndarray
    unplaceable: list[int]  # requests with no slot at all (nobody free together, or no interpreter)
    row_lower: np.ndarray | None = None  # None: no lower bounds (all rows are "at most")
    maximise: bool = True


def interpreter_types(instance: Instance) -> list[frozenset[str]]:
    return sorted({i.languages for i in instance.interpreters.values()}, key=sorted)


def interpreter_supply(instance: Instance) -> tuple[list[frozenset[str]], list[frozenset[int]],
                                                   dict[tuple[int, frozenset[int]], int]]:
    """Interpreter types, every union of types, and interpreters available per (slot, union)."""
    types = interpreter_types(instance)
    unions = [frozenset(c) for n in range(1, len(types) + 1) for c in combinations(range(len(types)), n)]
    supply: dict[tuple[int, frozenset[int]], int] = {}
    for interpreter in instance.interpreters.values():
        t = types.index(interpreter.languages)
        for s in interpreter.available:
            for u in unions:
                if t in u:
                    supply[s, u] = supply.get((s, u), 0) + 1
    return types, unions, supply


def cover_of(types: list[frozenset[str]], a: frozenset[str], b: frozenset[str]) -> frozenset[int] | None:
    """Interpreter types able to interpret a and b; None when they share a language."""
    if a & b:
        return None
    return frozenset(t for t, langs in enumerate(types) if _type_covers(langs, a, b))


def build_model(instance: Instance) -> Model:
    """Build the maximisation model (as HiGHS CSC arrays) of `instance`."""
    people = instance.participants
    types, unions, supply = interpreter_supply(instance)

    # Pinned meetings are held whatever happens: their people and tables are taken in those slots,
    # so other requests' columns there can go now (a presolve that keeps re-solves small).
    pinned_busy = {(r.a, r.pinned_slot) for r in instance.requests if r.pinned_slot is not None}
    pinned_busy |= {(r.b, r.pinned_slot) for r in instance.requests if r.pinned_slot is not None}
    pinned_tables: dict[int, int] = {}
    for r in instance.requests:
        if r.pinned_slot is not None:
            pinned_tables[r.pinned_slot] = pinned_tables.get(r.pinned_slot, 0) + 1

    rows: dict[tuple, int] = {}
    row_caps: list[float] = []
    row_kind: list[str] = []

    def row(key: tuple, cap: float, kind: str) -> int:
        index = rows.get(key)
        if index is None:
            index = rows[key] = len(row_caps)
            row_caps.append(cap)
            row_kind.append(kind)
        return index

    col_rows: list[list[int]] = []
    col_request: list[int] = []
    col_slot: list[int] = []
    costs: list[float] = []
    lower: list[float] = []
    unplaceable: list[int] = []
    bonus = instance.coverage_bonus
    for k, request in enumerate(instance.requests):
        a, b = people[request.a], people[request.b]
        cover = cover_of(types, a.languages, b.languages)
        slots = a.available & b.available
        if request.slots is not None:
            slots &= request.slots
        if request.pinned_slot is not None:
            slots &= {request.pinned_slot}
        placed = False
        for s in sorted(slots):
            if cover is not None and (not cover or not supply.get((s, cover))):
                continue  # nobody can interpret this pair in this slot
            if request.pinned_slot is None and (
                (request.a, s) in pinned_busy or (request.b, s) in pinned_busy
                or pinned_tables.get(s, 0) >= instance.tables
            ):
                continue
            keys = [
                row(("req", k), 1, "requests"),
                row(("p", request.a, s), 1, "people"),
                row(("p", request.b, s), 1, "people"),
                row(("t", s), instance.tables, "tables"),
            ]
            for p in (request.a, request.b):
                cap = people[p].max_meetings
                if cap is not None:
                    keys.append(row(("n", p), cap, "people"))
            if cover is not None:
                keys += [row(("i", s, u), supply[s, u], "interpreters") for u in unions if cover <= u]
            col_rows.append(keys)
            col_request.append(k)
            col_slot.append(s)
            costs.append(request.weight)
            lower.append(1.0 if request.pinned_slot is not None else 0.0)
            placed = True
        if not placed:
            unplaceable.append(k)
    n_x = len(col_rows)

    # y[p] <= sum of p's x: a participant counts as covered only with a meeting.
    cover_people: list[str] = []
    cover_terms: dict[str, list[int]] = {}
    if bonus:
        for col, k in enumerate(col_request):
            request = instance.requests[k]
            for p in (request.a, request.b):
                cover_terms.setdefault(p, []).append(col)
        cover_people = sorted(cover_terms)
    starts, indices, values = [0], [], []
    for keys in col_rows:
        indices += keys
        values += [1.0] * len(keys)
        starts.append(len(indices))
    cover_rows = {p: row(("cov", p), 0, "coverage") for p in cover_people}
    # Append -1 entries of x columns in the coverage rows: rebuild columns that touch them.
    if cover_people:
        extra: dict[int, list[int]] = {}
        for p, cols in cover_terms.items():
            for col in cols:
                extra.setdefault(col, []).append(cover_rows[p])
        starts, indices, values = [0], [], []
        for col, keys in enumerate(col_rows):
            indices += keys + extra.get(col, [])
            values += [1.0] * len(keys) + [-1.0] * len(extra.get(col, []))
            starts.append(len(indices))
        for p in cover_people:
            indices.append(cover_rows[p])
            values.append(1.0)
            starts.append(len(indices))
        costs += [bonus] * len(cover_people)
        lower += [0.0] * len(cover_people)
    n_cols = len(costs)
    return Model(
        col_request=np.array(col_request, dtype=np.int64),
        col_slot=np.array(col_slot, dtype=np.int64),
        n_x=n_x,
        cover_people=cover_people,
        cost=np.array(costs, dtype=float),
        lower=np.array(lower, dtype=float),
        upper=np.ones(n_cols, dtype=float),
        row_upper=np.array(row_caps, dtype=float),
        row_kind=row_kind,
        matrix_start=np.array(starts, dtype=np.int32),
        matrix_index=np.array(indices, dtype=np.int32),
        matrix_value=np.array(values, dtype=float),
        unplaceable=unplaceable,
    )


def _type_covers(languages: frozenset[str], a: frozenset[str], b: frozenset[str]) -> bool:
    return any(x in languages and y in languages and x != y for x in a for y in b)


_BANNER_SHOWN = False


def _new_highs() -> highspy.Highs:
    """A Highs object; the first one of the process prints a licence banner on C-level stdout,
    which would break `bridgehub schedule`'s one-line JSON output, so that one is muted."""
    global _BANNER_SHOWN
    if _BANNER_SHOWN:
        return highspy.Highs()
    _BANNER_SHOWN = True
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 1)
            return highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def to_highs(model: Model, *, integer: bool, time_limit: float | None = None, seed: int = 0,
             threads: int | None = None) -> highspy.Highs:
    """A silent HiGHS instance holding `model` (as a MIP when `integer`).

    HiGHS's own time limit is not checked inside every phase (a large MIP's root LP overran it
    threefold), so the solver is also interrupted from its simplex, IPM and MIP callbacks.
    """
    lp = highspy.HighsLp()
    lp.num_col_ = len(model.cost)
    lp.num_row_ = len(model.row_upper)
    lp.sense_ = highspy.ObjSense.kMaximize if model.maximise else highspy.ObjSense.kMinimize
    lp.col_cost_ = model.cost
    lp.col_lower_ = model.lower
    lp.col_upper_ = model.upper
    lp.row_lower_ = model.row_lower if model.row_lower is not None else np.full(lp.num_row_, -highspy.kHighsInf)
    lp.row_upper_ = model.row_upper
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = model.matrix_start
    lp.a_matrix_.index_ = model.matrix_index
    lp.a_matrix_.value_ = model.matrix_value
    if integer:
        lp.integrality_ = [highspy.HighsVarType.kInteger] * lp.num_col_
    highs = _new_highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("random_seed", seed)
    if threads is not None:
        highs.setOptionValue("threads", threads)
    highs.passModel(lp)
    if time_limit is not None:
        highs.setOptionValue("time_limit", max(0.01, time_limit))
        deadline = time.monotonic() + time_limit

        def stop_when_late(event: Any) -> None:
            if time.monotonic() > deadline:
                event.interrupt()

        highs.cbSimplexInterrupt.subscribe(stop_when_late)
        highs.cbIpmInterrupt.subscribe(stop_when_late)
        highs.cbMipInterrupt.subscribe(stop_when_late)
    return highs


def run_until(highs: highspy.Highs, deadline: float) -> bool:
    """Run HiGHS in its own thread; True when it finished by `deadline`.

    Its interrupt callbacks are not reached inside every phase (a compaction MIP's root node ran
    1.2 s past its limit), so the caller stops waiting at the deadline instead. An unfinished solve
    is abandoned: its thread (a daemon) stops at the next callback, and its answer is not used;
    the task and the process wait for it before they end (`wait_for_abandoned_solves`).
    """
    # Not highs.startSolve(): it serialises every solve of the process behind one class-wide lock.
    worker = threading.Thread(target=highs.run, daemon=True, name="highs")
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if not worker.is_alive():
        return True
    with _abandoned_lock:
        _abandoned.append(worker)
    return False


# Solves abandoned at a deadline, still running until their next interrupt callback. A task that
# scheduled waits for them before it ends (`wait_for_abandoned_solves`), and so does the process
# before it exits: a HiGHS thread still inside C++ when the interpreter finalises aborts it
# ("terminate called without an active exception").
_abandoned: list[threading.Thread] = []
_abandoned_lock = threading.Lock()
ABANDONED_WAIT_SECONDS = 60.0


def wait_for_abandoned_solves(timeout: float = ABANDONED_WAIT_SECONDS) -> int:
    """Wait up to `timeout` seconds for the solves `run_until` abandoned to stop; how many still run."""
    deadline = time.monotonic() + timeout
    with _abandoned_lock:
        waiting = list(_abandoned)
    for worker in waiting:
        worker.join(max(0.0, deadline - time.monotonic()))
    with _abandoned_lock:
        _abandoned[:] = [worker for worker in _abandoned if worker.is_alive()]
        return len(_abandoned)


atexit.register(wait_for_abandoned_solves)

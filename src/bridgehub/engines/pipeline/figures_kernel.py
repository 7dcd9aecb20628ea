"""A report's per-step counts in one compiled pass over the chosen relationships (columns.py reads them).

Why compiled: as array passes, the funnel, the windowed conversions, the cumulative incidence and the
median days cost ~25 passes over 50,000 rows (each step gathered, compared, counted), ~6 ms of a
~22 ms page. One loop over the relationships fills small tables of counts (per step, per day), and
columns.py turns those into the same figures. `cache=True`, compiled by `make install` (see
`compile_kernel`), as state_kernel.py.
"""

from __future__ import annotations

import numpy as np
from numba import njit

# Rows of `ends` (per step, per exit day): the relationships whose course ended that day by reaching
# the step, by closing without result, and all that ended that day (those two and the censored ones).
REACHED_ROW, CLOSED_ROW, ENDED_ROW = range(3)


@njit(cache=True, nogil=True)
def count_steps(chosen: np.ndarray, reached: np.ndarray, opened_day: np.ndarray, lost_day: np.ndarray,
                furthest: np.ndarray, furthest_confirmed: np.ndarray, today: int, no_day: int,
                funnel: np.ndarray, ends: np.ndarray, days_to: np.ndarray) -> None:
    """Fill, for the relationships where `chosen`:
    - funnel (2, steps + 1): how many reached (row 0) and had confirmed (row 1) step k or further;
    - ends (steps + 1, 3, followed + 1): per step, the day of each relationship's course that ended
      it (day 0: its opening), capped at today: the step reached, a closing, or today (censored);
    - days_to (steps + 1, span): per step, how many reached it that many days after opening."""
    steps = reached.shape[1] - 1
    last_day = ends.shape[2] - 1
    for r in range(len(chosen)):
        if not chosen[r]:
            continue
        for k in range(furthest[r] + 1):
            funnel[0, k] += 1
        for k in range(furthest_confirmed[r] + 1):
            funnel[1, k] += 1
        opened = opened_day[r]
        lost_on = lost_day[r]
        for k in range(1, steps + 1):
            on = reached[r, k]
            if on != no_day:
                days_to[k, on - opened] += 1
            if on <= today:
                kind, end = REACHED_ROW, on - opened
            elif lost_on <= today:
                kind, end = CLOSED_ROW, lost_on - opened
            else:
                kind, end = ENDED_ROW, today - opened
            end = min(max(end, 0), last_day)
            if kind != ENDED_ROW:
                ends[k, kind, end] += 1
            ends[k, ENDED_ROW, end] += 1


@njit(cache=True, nogil=True)
def count_conversions(chosen: np.ndarray, reached: np.ndarray, today: int, window: int, no_day: int,
                      counts: np.ndarray) -> None:
    """counts (steps + 1, 3): per step k ≥ 1, among the chosen that reached step k - 1, those old enough
    to judge (reached it `window` days or more before today), those of them that reached k within
    `window` days, and those too recent to judge."""
    for r in range(len(chosen)):
        if not chosen[r]:
            continue
        for k in range(1, reached.shape[1]):
            before = reached[r, k - 1]
            if before == no_day:
                continue
            if today - before < window:
                counts[k, 2] += 1
                continue
            counts[k, 0] += 1
            after = reached[r, k]
            if after != no_day and after - before <= window:
                counts[k, 1] += 1


def compile_kernel() -> None:
    """Compile both loops into Numba's cache, or load them, on a toy report of the column types
    columns.py passes (`make install` runs this), and check what they counted."""
    no_day = np.iinfo(np.int32).max
    chosen = np.array([True, False])
    reached = np.array([[0, 3, no_day], [0, 1, 2]], dtype=np.int32)
    opened, lost = np.array([0, 0], dtype=np.int32), np.array([no_day, no_day], dtype=np.int32)
    funnel, ends = np.zeros((2, 3), dtype=np.int64), np.zeros((3, 3, 11), dtype=np.int64)
    days_to = np.zeros((3, 4), dtype=np.int64)
    count_steps(chosen, reached, opened, lost, np.array([1, 2], dtype=np.int8), np.array([0, 0], dtype=np.int8),
                10, no_day, funnel, ends, days_to)
    counts = np.zeros((3, 3), dtype=np.int64)
    count_conversions(chosen, reached, 10, 5, no_day, counts)
    if (funnel.tolist(), int(ends[1, REACHED_ROW, 3]), int(ends[2, ENDED_ROW, 10]), int(days_to[1, 3]),
            counts.tolist()) != ([[1, 1, 0], [1, 0, 0]], 1, 1, 1, [[0, 0, 0], [1, 1, 0], [1, 0, 0]]):
        raise AssertionError("the compiled report counts read the toy report wrongly")


if __name__ == "__main__":
    # Through the package's module, not this __main__ copy: the cache is of the functions the product calls.
    from bridgehub.engines.pipeline import figures_kernel

    figures_kernel.compile_kernel()

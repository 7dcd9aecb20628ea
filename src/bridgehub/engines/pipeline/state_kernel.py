"""Each relationship's state as of a past moment, in one compiled pass over the sorted events.

Why compiled: a report dated in the past cannot use the state of the whole history (columns.py keeps
that one), and in array passes it cost a pass per step over every event — ~13 ms of a ~40 ms page on a
hub of 250,000 events, the largest single cost of a past date's report. One loop over the events,
in the subset of Python that Numba compiles (arrays and integers), does it in about a millisecond.
`cache=True`: compiled once per machine into the package's __pycache__ (`make install` does it,
`compile_kernel` below); a process loads it from there.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def fill_state(as_of: np.int64, event_relationship: np.ndarray, event_step: np.ndarray, event_stage: np.ndarray,
               event_day: np.ndarray, event_recorded: np.ndarray, event_confirmed: np.ndarray,
               opened_day: np.ndarray, lost_step: int, no_day: int, reached: np.ndarray, furthest: np.ndarray,
               furthest_confirmed: np.ndarray, current: np.ndarray, lost: np.ndarray, lost_day: np.ndarray) -> None:
    """Fill the state arrays (given at their "nothing recorded" values) from the events recorded by
    `as_of`. The events are sorted by relationship, then effective day, so the last known event of a
    relationship seen in the loop is its latest. `reached[r, k]` becomes the first day step k or a
    later one was reached, never before the opening; `reached[r, 0]` the opening day."""
    for i in range(len(event_relationship)):
        if event_recorded[i] > as_of:
            continue
        r = event_relationship[i]
        step = event_step[i]
        if step > 0:
            day = event_day[i]
            if day < reached[r, step]:  # the first day of exactly this step; the pass below carries it down
                reached[r, step] = day
            if step > furthest[r]:
                furthest[r] = step
            if event_confirmed[i] <= as_of and step > furthest_confirmed[r]:
                furthest_confirmed[r] = step
        current[r] = event_stage[i]
        lost[r] = step == lost_step
        lost_day[r] = max(event_day[i], opened_day[r]) if step == lost_step else no_day
    steps = reached.shape[1] - 1
    for r in range(reached.shape[0]):
        opened = opened_day[r]
        first = no_day  # the first day this step or a later one was reached
        for k in range(steps, 0, -1):
            first = min(first, reached[r, k])
            reached[r, k] = first if first == no_day else max(first, opened)
        reached[r, 0] = opened


def compile_kernel() -> None:
    """Compile `fill_state` into Numba's cache, or load it from there, on a toy history of the column
    types columns.py passes (`make install` runs this), and check what it filled."""
    no_day = np.iinfo(np.int32).max
    reached = np.full((1, 3), no_day, dtype=np.int32)
    furthest, furthest_confirmed = np.zeros(1, dtype=np.int8), np.zeros(1, dtype=np.int8)
    current, lost, lost_day = np.full(1, -1, dtype=np.int16), np.zeros(1, dtype=bool), np.full(1, no_day, np.int32)
    fill_state(np.int64(10), np.array([0, 0], dtype=np.int32), np.array([1, 2], dtype=np.int8),
               np.array([0, 1], dtype=np.int8), np.array([5, 7], dtype=np.int32), np.array([1, 2], dtype=np.int64),
               np.array([3, 20], dtype=np.int64), np.array([4], dtype=np.int32), -1, no_day, reached, furthest,
               furthest_confirmed, current, lost, lost_day)
    if (reached.tolist(), int(furthest[0]), int(furthest_confirmed[0]), int(current[0])) != ([[4, 5, 7]], 2, 1, 1):
        raise AssertionError("the compiled stage state read the toy history wrongly")


if __name__ == "__main__":
    # Through the package's module, not this __main__ copy: the cache is of the function the product calls.
    from bridgehub.engines.pipeline import state_kernel

    state_kernel.compile_kernel()

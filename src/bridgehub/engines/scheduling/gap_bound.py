"""A proved lower bound on the idle gaps of any schedule that holds given meetings.

Each person is taken alone, everyone else ignored: their n meetings need n distinct slots, each
within that meeting's allowed slots (availability of both sides, morning/afternoon, a pin), and a
day of k separate blocks has k - 1 gaps. The fewest blocks for which some set of slots admits all n
meetings (a perfect matching of meetings to slots) is found by trying 1 block, then 2, ...; the sum
over people bounds every schedule from below, since no schedule can do better for anyone than they
could do alone. Where the search for k blocks grows too large it stops, and k - 1 gaps are still
proved for that person (every day with fewer blocks was tried and failed).

Where the search reaches this bound, the schedule is optimal, so the gap search may stop early
(forumt-14: 5 unavoidable gaps, reached in seconds). The bound ignores tables, interpreters and
how people's days interlock, so on most events it is far below the optimum.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

MAX_DAYS_TRIED = 20_000  # per person and number of blocks


def person_gap_bound(allowed: Sequence[frozenset[int]], n_slots: int) -> int:
    """Fewest gaps a person with these meetings (each with its allowed slots) can have."""
    n = len(allowed)
    if n <= 1:
        return 0
    usable = frozenset().union(*allowed)
    for blocks in range(1, n + 1):
        for tried, day in enumerate(_days(usable, n_slots, n, blocks), start=1):
            if _all_seated(allowed, day):
                return blocks - 1
            if tried >= MAX_DAYS_TRIED:
                return blocks - 1  # days of fewer blocks all failed: this many gaps is proved
    return n - 1


def gap_lower_bound(meetings_by_person: dict[int, list[frozenset[int]]], n_slots: int,
                    deadline: float | None = None) -> int | None:
    """The sum of every person's bound; None when `deadline` (time.monotonic()) passes first: on rounds
    of a thousand people with a dozen meetings each it takes seconds (real events: under 25 ms)."""
    total = 0
    for allowed in meetings_by_person.values():
        if deadline is not None and time.monotonic() > deadline:
            return None
        total += person_gap_bound(allowed, n_slots)
    return total


def _days(usable: frozenset[int], n_slots: int, n: int, blocks: int) -> Iterator[tuple[int, ...]]:
    """Every set of n usable slots made of exactly `blocks` runs of consecutive slots."""

    def extend(start_from: int, left: int, runs_left: int, chosen: tuple[int, ...]) -> Iterator[tuple[int, ...]]:
        if runs_left == 0:
            if left == 0:
                yield chosen
            return
        for start in range(start_from, n_slots):
            if start not in usable:
                continue
            # Each later run needs at least one slot and one slot between runs.
            longest = left - (runs_left - 1)
            length = 0
            while length < longest and start + length < n_slots and start + length in usable:
                length += 1
                yield from extend(start + length + 1, left - length, runs_left - 1,
                                  chosen + tuple(range(start, start + length)))

    return extend(0, n, blocks, ())


def _all_seated(allowed: Sequence[frozenset[int]], day: tuple[int, ...]) -> bool:
    """Whether every meeting gets its own slot of `day` (Kuhn's augmenting paths)."""
    holder: dict[int, int] = {}

    def seat(meeting: int, visited: set[int]) -> bool:
        for slot in day:
            if slot in allowed[meeting] and slot not in visited:
                visited.add(slot)
                if slot not in holder or seat(holder[slot], visited):
                    holder[slot] = meeting
                    return True
        return False

    return all(seat(meeting, set()) for meeting in range(len(allowed)))

"""The annealing's inner loop (kempe.py), compiled by Numba: pick a move, walk its chain, price it, apply.

Why compiled: the gaps left on the larger real events are search time (a 60 s run of the same
annealing ends 15 % below a 5 s run), and the loop in Python tried ~140,000 moves a second. The
same loop as machine code tries tens of times more in the same seconds. It is written in the
subset Numba compiles (arrays and integers, no objects); kempe.py builds the arrays from the
schedule, runs the loop in batches between clock readings and writes the best day back.

Days are int64 bitmasks (bit s: busy in slot s), so rounds of at most `MAX_SLOTS` slots are
annealed; kempe.py leaves longer ones to CP-SAT. `cache=True`: compiled once per machine, into
the package's __pycache__ (`make install` compiles it; a process finds it there in under a second).
`run_batch` releases the GIL, so that kempe.py's walks run side by side, one per core.
"""

from __future__ import annotations

import numpy as np
from numba import njit

MAX_SLOTS = 62  # bits of an int64 day, one kept clear so that `day << 1` never overflows

# Layout of the integer scalars the loop keeps between batches (one small array, updated in place).
TOTAL, EXCESS, BEST_KEY, TRIED, ACCEPTED, STAMP = range(6)


@njit(cache=True)
def seed_generator(seed: int) -> None:
    np.random.seed(seed)  # Numba's own generator, one per thread: seeded here, used by `run_batch`


@njit(cache=True)
def breaks_of(day: np.int64) -> int:
    """Idle stretches in a day: its blocks of busy slots minus one (0 for an empty day)."""
    if day == 0:
        return 0
    starts = day & ~(day << 1)
    count = 0
    while starts:
        starts &= starts - 1
        count += 1
    return count - 1


@njit(cache=True)
def excess_of(histogram: np.ndarray, fairness: int) -> int:
    """Spread of gap counts above the fairness rule (0 without a rule, i.e. `fairness` < 0)."""
    if fairness < 0:
        return 0
    low, high = 0, len(histogram) - 1
    while low < high and histogram[low] == 0:
        low += 1
    while high > low and histogram[high] == 0:
        high -= 1
    return max(0, high - low - fairness)


@njit(cache=True)
def _beside(day: np.int64, s: int) -> bool:
    """Slot s is free in `day` and next to one of its meetings."""
    if (day >> s) & 1:
        return False
    return ((day >> (s + 1)) & 1) == 1 or (s > 0 and ((day >> (s - 1)) & 1) == 1)


@njit(cache=True)
def _pick(people, breaks, mask, by_person_start, by_person, movable, option_start, options,
          waiting_share: float, next_to_share: float):
    """A meeting and a slot to move it to: mostly a meeting of a person who waits, sent next to one
    of their other meetings (where it can close the gap); sometimes any meeting anywhere."""
    if np.random.random() < waiting_share:
        for _ in range(4):
            person = people[int(np.random.random() * len(people))]
            first, last = by_person_start[person], by_person_start[person + 1]
            if breaks[person] > 0 and last > first:
                k = by_person[first + int(np.random.random() * (last - first))]
                low, high = option_start[k], option_start[k + 1]
                if np.random.random() < next_to_share:
                    day = mask[person]
                    beside = 0
                    for i in range(low, high):
                        s = options[i]
                        if _beside(day, s):
                            beside += 1
                    if beside > 0:
                        chosen = int(np.random.random() * beside)
                        for i in range(low, high):
                            s = options[i]
                            if _beside(day, s):
                                if chosen == 0:
                                    return k, s
                                chosen -= 1
                return k, options[low + int(np.random.random() * (high - low))]
    k = movable[int(np.random.random() * len(movable))]
    low, high = option_start[k], option_start[k + 1]
    return k, options[low + int(np.random.random() * (high - low))]


@njit(cache=True, nogil=True)
def run_batch(moves: int, temperature: float, weight: int, floor: int, fairness: int, spread_penalty: int,
              tables: int, waiting_share: float, next_to_share: float,
              slot, allowed, a, b, busy, count, mask, breaks, histogram, people,
              by_person_start, by_person, movable, option_start, options,
              scalars, best_slot, seen, person_seen, stack, members, direction, chain_people,
              changed_people, changed_value) -> None:
    """`moves` annealing steps at one temperature; the best day seen (by total + weight × excess) is
    copied into `best_slot`, checked every 256 steps (a copy is linear in the meetings). Stops early
    at `floor`, a proved lower bound: nothing better exists."""
    for step in range(moves):
        scalars[TRIED] += 1
        k, target = _pick(people, breaks, mask, by_person_start, by_person, movable, option_start, options,
                          waiting_share, next_to_share)
        source = slot[k]
        if target != source:
            scalars[STAMP] += 1
            n_members, n_people, grow = _chain(k, source, target, scalars[STAMP], slot, allowed, a, b, busy,
                                               seen, person_seen, stack, members, direction, chain_people)
            if n_members > 0 and count[target] + grow <= tables and count[source] - grow <= tables:
                _try_move(source, target, grow, n_members, n_people, temperature, fairness, spread_penalty,
                          slot, a, b, busy, count, mask, breaks, histogram, scalars, members, direction,
                          chain_people, changed_people, changed_value)
        if step % 256 == 255 or step == moves - 1:
            key = scalars[TOTAL] + weight * scalars[EXCESS]
            if key < scalars[BEST_KEY]:
                scalars[BEST_KEY] = key
                best_slot[:] = slot
                if key <= floor:
                    return


@njit(cache=True)
def _chain(k, source, target, stamp, slot, allowed, a, b, busy, seen, person_seen, stack, members, direction,
           chain_people):
    """The meetings that move source→target (direction 1) and target→source (-1) when k moves to
    `target`, and the people on them (each once); (0, 0, 0) when the chain is blocked by a meeting
    that may not move or not go there. Returns (meetings, people, meetings gained by `target`)."""
    to_target, to_source = np.int64(1) << target, np.int64(1) << source
    stack[0] = k
    seen[k] = stamp
    top, n_members, n_people, grow = 1, 0, 0, 0
    while top > 0:
        top -= 1
        m = stack[top]
        if slot[m] == source:
            if allowed[m] & to_target == 0:
                return 0, 0, 0
            step, there = 1, target
        else:
            if allowed[m] & to_source == 0:
                return 0, 0, 0
            step, there = -1, source
        members[n_members] = m
        direction[n_members] = step
        n_members += 1
        grow += step
        for side in range(2):
            p = a[m] if side == 0 else b[m]
            if person_seen[p] != stamp:
                person_seen[p] = stamp
                chain_people[n_people] = p
                n_people += 1
            other = busy[p, there]
            if other >= 0 and seen[other] != stamp:
                seen[other] = stamp
                stack[top] = other
                top += 1
    return n_members, n_people, grow


@njit(cache=True)
def _try_move(source, target, grow, n_members, n_people, temperature, fairness, spread_penalty,
              slot, a, b, busy, count, mask, breaks, histogram, scalars, members, direction,
              chain_people, changed_people, changed_value) -> None:
    """Price the chain (everyone on it trades slots source and target); apply it if accepted."""
    flip = (np.int64(1) << source) | (np.int64(1) << target)
    n_changed, change = 0, 0
    for i in range(n_people):
        p = chain_people[i]
        day = mask[p]
        if ((day >> source) ^ (day >> target)) & 1:  # busy in exactly one of the two: the day changes
            value = breaks_of(day ^ flip)
            if value != breaks[p]:
                changed_people[n_changed] = p
                changed_value[n_changed] = value
                n_changed += 1
                change += value - breaks[p]
    excess = scalars[EXCESS]
    if fairness >= 0 and n_changed > 0:
        for i in range(n_changed):
            histogram[breaks[changed_people[i]]] -= 1
            histogram[changed_value[i]] += 1
        excess = excess_of(histogram, fairness)
        for i in range(n_changed):
            histogram[changed_value[i]] -= 1
            histogram[breaks[changed_people[i]]] += 1
        change += spread_penalty * (excess - scalars[EXCESS])
    if change > 0 and np.random.random() >= np.exp(-change / temperature):
        return
    scalars[ACCEPTED] += 1
    # Every meeting a chain person has in source or target is on the chain: clear both, re-enter them.
    for i in range(n_people):
        p = chain_people[i]
        busy[p, source] = -1
        busy[p, target] = -1
        day = mask[p]
        if ((day >> source) ^ (day >> target)) & 1:
            mask[p] = day ^ flip
    for i in range(n_members):
        m = members[i]
        there = target if direction[i] == 1 else source
        slot[m] = there
        busy[a[m], there] = m
        busy[b[m], there] = m
    count[target] += grow
    count[source] -= grow
    for i in range(n_changed):
        p, value = changed_people[i], changed_value[i]
        histogram[breaks[p]] -= 1
        histogram[value] += 1
        scalars[TOTAL] += value - breaks[p]
        breaks[p] = value
    scalars[EXCESS] = excess

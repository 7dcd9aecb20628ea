"""The scheduler: LP bound, LP-guided placement, local search, exact MIP polish, seating.

Order of work within the time limit:
1. pinned meetings are held first (a pin that cannot be honoured is an error, not a silent drop);
2. the LP relaxation (HiGHS interior point) gives the upper bound and a fractional plan;
3. requests are held in the order of their LP values, then every left-out request is tried with
   local moves (relocate or swap what blocks it) — a good schedule exists within about a second;
4. when time is left and the schedule is below the bound, HiGHS's MIP searches from that schedule
   and is kept only if it is better, so the time limit never costs the feasible schedule we have;
5. with the same set of meetings, a second small MIP (compact.py) re-slots them to close people's
   idle gaps; annealing over Kempe chains (kempe.py) takes most of the time left, CP-SAT
   (compact_cp.py) searches from its answer and proves small events optimal, single moves do what
   is left; tables and interpreters are then seated slot by slot; the independent checker must pass.

The result is deterministic for a given seed whenever the search ends before the time limit (the
MIP proves optimality, or the heuristics stop improving); when the limit cuts a search short, how far
it got depends on the machine's speed.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Any

import highspy
import numpy as np

from .bound import Relaxation, relax
from .check import ScheduleReport, check_schedule, idle_breaks
from .compact import compact
from .compact_cp import Compaction, breaks_by_person, compact_with_cpsat, score
from .gap_bound import gap_lower_bound
from .heuristics import fcfs_order, greedy, improve, place_by_values, place_pinned, reduce_breaks, weight_order
from .instance import Instance, InstanceError, Meeting
from .kempe import CHAINS, Annealing, anneal_breaks
from .model import Model, build_model, run_until, to_highs
from .state import ScheduleState, prepare

TOLERANCE = 1e-6
# HiGHS's MIP presolve cannot be interrupted: on large-3k (187k columns) it overran a 26 s limit by
# 22 s. Up to this size (tokyo-1k: 52k columns) it answers in seconds; above it, local search keeps
# the whole time limit.
MIP_MAX_COLUMNS = 100_000
FAIRNESS_SPREAD = 2  # the published results' rule: per-person gap counts differ by at most 2
ANNEAL_SHARE = 0.95  # of the gap search's time; CP-SAT gets the rest (bench/scheduling.py --real-only)
SEAT_SECONDS_PER_MEETING = 1.5e-4
CP_SAT_SECONDS = 0.5  # but at least this: enough to build its model and prove a small event optimal
FLOOR_SHARE = 0.05  # of the time left, at most, for the proved lower bound on gaps (gap_bound.py)
CP_WORKERS = 2  # CP-SAT workers for the whole gap model (2 beat 1, 4 and 8 on 2 cores: bench/scheduling.py)


@dataclass
class SolveResult:
    meetings: list[Meeting]
    report: ScheduleReport
    upper_bound: float
    binding: str
    resource_values: dict[str, float]
    proven_optimal: bool
    seconds: float
    unplaceable: int  # requests that no slot could ever hold (no common time, no interpreter)
    phases: dict[str, float] = field(default_factory=dict)
    breaks_per_person: dict[str, int] = field(default_factory=dict)
    compaction: Compaction | None = None  # what the gap phase did (None when it did not run)
    annealing: Annealing | None = None  # what the annealing before it did
    fairness: int | None = None  # the spread rule applied, if any
    gap_floor: int | None = None  # proved lower bound on the gaps of any schedule of these meetings

    @property
    def gaps_optimal(self) -> bool:
        """The gaps reach the proved lower bound (with the fairness rule held): none can do better."""
        return self.gap_floor is not None and self.report.breaks <= self.gap_floor and (
            self.fairness is None or self.report.breaks_spread <= self.fairness)

    @property
    def ratio(self) -> float:
        return self.report.objective / self.upper_bound if self.upper_bound > 0 else 1.0

    def summary(self) -> dict[str, Any]:
        """The one-line report of `bridgehub schedule`."""
        return {
            "feasible": self.report.feasible,
            "meetings": self.report.meetings,
            "covered": self.report.covered,
            "objective": round(self.report.objective, 3),
            "upper_bound": round(self.upper_bound, 3),
            "ratio": round(self.ratio, 4),
            "optimal": self.proven_optimal,
            "seconds": round(self.seconds, 2),
            "binding": self.binding,
            "breaks": self.report.breaks,
            "breaks_spread": self.report.breaks_spread,
            "breaks_floor": self.gap_floor,
            "unplaceable": self.unplaceable,
            "fairness": self.fairness,
        }


def solve(instance: Instance, *, time_limit: float = 10.0, seed: int = 0, threads: int | None = None,
          use_mip: bool = True, fairness: int | None = FAIRNESS_SPREAD, gap_search: bool = True) -> SolveResult:
    """Best schedule found within `time_limit` seconds (see the module docstring for the steps).

    `fairness`: the largest wanted difference between two people's numbers of idle gaps, applied when
    every request that can be held is held (otherwise who gets a meeting matters more); None: no rule.
    `gap_search=False` stops after the quick MIP pass (the scheduler before CP-SAT, for comparison).
    `threads`: cores it may use (HiGHS threads, CP-SAT workers, annealing walks); None: the defaults.
    """
    started = time.monotonic()
    deadline = started + time_limit
    rng = random.Random(seed)
    phases: dict[str, float] = {}

    def lap(name: str, since: float) -> float:
        now = time.monotonic()
        phases[name] = round(now - since, 3)
        return now

    people, interpreter_ids, asks = prepare(instance)
    state = ScheduleState(instance, people, asks)
    failed = place_pinned(state)
    if failed:
        raise InstanceError([_describe_pin(instance, index, slot) for index, slot in failed])
    model = build_model(instance)
    mark = lap("model", started)
    relaxation = relax(model, time_limit=0.5 * time_limit, threads=threads)
    mark = lap("bound", mark)

    columns = [
        (float(value), int(model.col_request[c]), int(model.col_slot[c]))
        for c, value in enumerate(relaxation.column_values[: model.n_x])
        if value > 1e-6
    ]
    place_by_values(state, columns)
    greedy(state, sorted(range(len(asks)), key=lambda k: -state.gain(k)))
    mark = lap("place", mark)
    # Seating and the final check run after the search; their time, linear in the meetings held, is
    # kept back so that the limit holds on big rounds too (2,400 meetings: 0.04-0.2 s, measured).
    deadline -= SEAT_SECONDS_PER_MEETING * len(state.held_requests())
    mip = use_mip and relaxation.solved and len(model.cost) <= MIP_MAX_COLUMNS
    # Local search leaves 40 % of the time to the MIP when there will be one, else takes it all.
    improve(state, started + 0.6 * time_limit if mip else deadline - 0.05 * time_limit, rng)
    mark = lap("improve", mark)

    proven = state.value >= relaxation.upper_bound - TOLERANCE * max(1.0, relaxation.upper_bound)
    if mip and not proven and time.monotonic() < deadline - 0.2:
        proven = _polish_with_mip(state, model, relaxation, deadline - 0.1 - time.monotonic(), seed, threads)
        mark = lap("mip", mark)
    every_request_held = len(state.held_requests()) == len(asks) - len(model.unplaceable)
    if not every_request_held:
        fairness = None
    compaction = annealing = gap_floor = None
    if use_mip and time.monotonic() < deadline - 0.3:
        # A quick MIP pass first (it closes many gaps in a fraction of a second); with the gap search,
        # the proved floor, the annealing and CP-SAT follow (module docstring, step 5).
        share = 0.15 if gap_search else 1.0
        compact(state, min(deadline - 0.1, time.monotonic() + share * (deadline - time.monotonic())),
                seed=seed, threads=threads)
        if gap_search:
            reduce_breaks(state, min(deadline - 0.3, time.monotonic() + 0.05))
            # Annealing over Kempe chains does most of the work and stops at the proved floor; CP-SAT
            # then searches from its answer unless the floor says nothing better exists.
            gap_floor = gap_lower_bound(_allowed_by_person(state), instance.slots,
                                        deadline=time.monotonic() + FLOOR_SHARE * (deadline - time.monotonic()))
            left = deadline - 0.1 - time.monotonic()
            annealing = anneal_breaks(state, deadline - 0.1 - max(CP_SAT_SECONDS, (1 - ANNEAL_SHARE) * left),
                                      fairness=fairness, seed=seed, floor=gap_floor or 0, chains=threads or CHAINS)
            if gap_floor is None or annealing is None or score_now(state, fairness) > gap_floor:
                compaction = compact_with_cpsat(state, deadline - 0.1, fairness=fairness, seed=seed,
                                                workers=threads or CP_WORKERS)
    reduce_breaks(state, max(time.monotonic() + 0.05, deadline - 0.05))
    mark = lap("breaks", mark)

    meetings = seat(instance, state, people, interpreter_ids)
    report = check_schedule(instance, meetings)
    if not report.feasible:  # the solver's own bug, never the caller's: fail loudly
        raise AssertionError(f"scheduler produced an infeasible schedule: {report.violations[:5]}")
    lap("seat", mark)
    return SolveResult(
        meetings=meetings,
        report=report,
        upper_bound=relaxation.upper_bound,
        # Every request that could be held is held: nothing limits, whatever the (degenerate) duals say.
        binding="none" if report.meetings == len(instance.requests) - len(model.unplaceable) else relaxation.binding,
        resource_values=relaxation.resource_values,
        proven_optimal=proven,
        seconds=time.monotonic() - started,
        unplaceable=len(model.unplaceable),
        phases=phases,
        breaks_per_person=idle_breaks(meetings),
        compaction=compaction,
        annealing=annealing,
        fairness=fairness,
        gap_floor=gap_floor,
    )


def _allowed_by_person(state: ScheduleState) -> dict[int, list[frozenset[int]]]:
    """Each person's held meetings as the slots each may take (a pinned one: its pin)."""
    found: dict[int, list[frozenset[int]]] = {}
    for k in state.held_requests():
        ask = state.asks[k]
        allowed = frozenset(ask.slots)
        found.setdefault(ask.a, []).append(allowed)
        found.setdefault(ask.b, []).append(allowed)
    return found


def score_now(state: ScheduleState, fairness: int | None) -> int:
    return score(breaks_by_person(state), fairness)


def _describe_pin(instance: Instance, index: int, slot: int) -> str:
    request = instance.requests[index]
    return (f"pinned meeting {request.a}-{request.b} cannot stay in slot {slot}: "
            "it clashes with another pinned meeting (person, table or interpreter)")


def _polish_with_mip(state: ScheduleState, model: Model, relaxation: Relaxation, seconds: float, seed: int,
                     threads: int | None) -> bool:
    """Run HiGHS's MIP from the current schedule; adopt its answer if better. True when proven optimal."""
    if seconds <= 0.1:
        return False
    # HiGHS stops itself a little early; run_until stops waiting at the deadline if it does not.
    highs = to_highs(model, integer=True, time_limit=0.85 * seconds, seed=seed, threads=threads)
    start = np.zeros(len(model.cost))
    column = {(int(k), int(s)): c for c, (k, s) in enumerate(zip(model.col_request, model.col_slot, strict=True))}
    for k, slot in enumerate(state.held):
        if slot >= 0:
            start[column[k, slot]] = 1.0
    covered = {p for k, slot in enumerate(state.held) if slot >= 0
               for p in (state.instance.requests[k].a, state.instance.requests[k].b)}
    for offset, person in enumerate(model.cover_people):
        start[model.n_x + offset] = 1.0 if person in covered else 0.0
    solution = highspy.HighsSolution()
    solution.col_value = start.tolist()
    highs.setSolution(solution)
    highs.setOptionValue("objective_bound", relaxation.upper_bound + 1e-6)
    if not run_until(highs, time.monotonic() + seconds):
        return False
    status = highs.getModelStatus()
    values = np.asarray(highs.getSolution().col_value, dtype=float)
    value = highs.getInfo().objective_function_value
    if len(values) == len(model.cost) and value > state.value + TOLERANCE:
        chosen = np.flatnonzero(values[: model.n_x] > 0.5)
        state.replace({int(model.col_request[c]): int(model.col_slot[c]) for c in chosen})
    return status == highspy.HighsModelStatus.kOptimal


def seat(instance: Instance, state: ScheduleState, people: list[str], interpreter_ids: list[str]) -> list[Meeting]:
    """Tables and interpreters for the held requests, slot by slot."""
    meetings = []
    for slot in range(instance.slots):
        held = sorted(state.in_slot[slot], key=lambda k: (people[state.asks[k].a], people[state.asks[k].b]))
        for table, k in enumerate(held):
            ask = state.asks[k]
            interpreter = state.interpreter_of.get(k)
            meetings.append(Meeting(slot, table, people[ask.a], people[ask.b],
                                    interpreter_ids[interpreter] if interpreter is not None else None))
    return meetings


def baseline(instance: Instance, order: str) -> list[Meeting]:
    """Reference greedy schedules: "fcfs" (requests in the order received) or "weight" (heaviest first)."""
    people, interpreter_ids, asks = prepare(instance)
    state = ScheduleState(instance, people, asks)
    if place_pinned(state):
        raise InstanceError(["pinned meetings clash"])
    greedy(state, fcfs_order(state) if order == "fcfs" else weight_order(state))
    return seat(instance, state, people, interpreter_ids)

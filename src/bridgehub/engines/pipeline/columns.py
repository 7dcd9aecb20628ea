"""A hub's whole stage history as columns, and every report figure from it in a few array passes.

The figures are those of `funnel.py` and `cohorts.py` (which stay the reference, for one relationship at a
time and in the tests that compare the two): reached and confirmed steps, current stage, closed without
result, windowed conversion, cumulative incidence with closing as a competing end, median days, cohort
cells. Here they are computed for tens of thousands of relationships at once, for any report date and any
subset, without a Python loop per relationship: a hub with 50,000 relationships and 250,000 events is
counted in milliseconds, where one object per event took seconds.

Days are proleptic ordinals (`date.toordinal()`); moments are microseconds since the epoch (UTC).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from bridgehub.engines.pipeline.cohorts import Conversion
from bridgehub.engines.pipeline.figures_kernel import CLOSED_ROW, ENDED_ROW, REACHED_ROW, count_conversions, count_steps
from bridgehub.engines.pipeline.state_kernel import fill_state

NEVER = np.iinfo(np.int64).max  # a moment that never comes (not confirmed)
NO_DAY = np.iinfo(np.int32).max  # a step not reached
LOST = -1  # the step of a closing without result


@dataclass(frozen=True)
class History:
    """Relationships (n, any order) and their events (m), the events sorted by relationship, then by
    effective day, then by recording moment, then by id descending — so the last known event of a
    relationship is the one `funnel.state_as_of` calls its latest."""

    relationship_ids: np.ndarray  # int64 (n), ascending
    opened_at: np.ndarray  # int64 µs (n)
    opened_day: np.ndarray  # int32 day in the hub's zone (n)
    cohort: np.ndarray  # int64 (n): a round id, or -(year * 100 + month) of the opening outside rounds
    organisation: np.ndarray  # int64 (n): one side
    counterpart: np.ndarray  # int64 (n): the other organisation, 0 for a talent
    event_relationship: np.ndarray  # int32 index into the relationships (m)
    event_step: np.ndarray  # int8 (m): 1..steps, LOST for a closing
    event_stage: np.ndarray  # int8 (m): index into `stages`
    event_day: np.ndarray  # int32 effective day (m)
    event_recorded: np.ndarray  # int64 µs (m)
    event_confirmed: np.ndarray  # int64 µs of the first confirmation or verification, NEVER if none (m)
    event_amount: np.ndarray  # int64 (m): -1 for none
    event_currency: np.ndarray  # int8 (m): index into `currencies`, -1 for none
    event_value: np.ndarray  # int64 (m): the amount in the hub's currency at its day's rate, -1 (none or no rate)
    stages: tuple[str, ...]
    currencies: tuple[str, ...]
    steps: int
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # reports derived from this history

    @cached_property
    def index_of(self) -> dict[int, int]:
        return {int(pk): index for index, pk in enumerate(self.relationship_ids)}

    @cached_property
    def latest(self) -> int:
        """The last moment anything was recorded or confirmed (µs)."""
        confirmed = self.event_confirmed[self.event_confirmed != NEVER]
        return int(max(self.event_recorded.max(initial=0), confirmed.max(initial=0), self.opened_at.max(initial=0)))

    @cached_property
    def longest_course(self) -> int:
        """The most days from a relationship's opening to any day recorded in the hub (bounds days-to-step)."""
        if not len(self.event_day) or not len(self.opened_day):
            return 0
        return max(int(self.event_day.max()) - int(self.opened_day.min()), 0)

    @cached_property
    def events_with_amount(self) -> np.ndarray:
        """Indices of the events that carry an amount."""
        return np.flatnonzero(self.event_amount >= 0)

    @cached_property
    def full_state(self) -> StageState:
        return StageState(self, self.latest)

    @cached_property
    def cohort_groups(self) -> list[tuple[int, np.ndarray]]:
        """(cohort key, its relationships' indices), keys in order."""
        keys, group = np.unique(self.cohort, return_inverse=True)
        order = np.argsort(group, kind="stable")
        bounds = np.searchsorted(group[order], np.arange(len(keys) + 1))
        return [(int(key), order[bounds[i]:bounds[i + 1]]) for i, key in enumerate(keys.tolist())]


def from_arrays(*, relationship_ids: np.ndarray, opened_at: np.ndarray, opened_day: np.ndarray, cohort: np.ndarray,
                organisation: np.ndarray, counterpart: np.ndarray, event_relationship_id: np.ndarray,
                event_id: np.ndarray, event_stage: np.ndarray, event_day: np.ndarray, event_recorded: np.ndarray,
                event_confirmed: np.ndarray, event_amount: np.ndarray, event_currency: np.ndarray,
                event_value: np.ndarray, stages: tuple[str, ...], step_of_stage: np.ndarray,
                currencies: tuple[str, ...], steps: int) -> History:
    """Columns from unordered arrays; `relationship_ids` ascending, `event_stage` indexes `stages`, and
    `step_of_stage[i]` is the step of `stages[i]` (LOST for a closing)."""
    event_relationship = np.searchsorted(relationship_ids, event_relationship_id).astype(np.int32)
    order = np.lexsort((-event_id, event_recorded, event_day, event_relationship))
    stage = event_stage[order].astype(np.int8)
    return History(
        relationship_ids=relationship_ids.astype(np.int64), opened_at=opened_at.astype(np.int64),
        opened_day=opened_day.astype(np.int32), cohort=cohort.astype(np.int64),
        organisation=organisation.astype(np.int64), counterpart=counterpart.astype(np.int64),
        event_relationship=event_relationship[order], event_day=event_day[order].astype(np.int32),
        event_recorded=event_recorded[order].astype(np.int64), event_step=step_of_stage[stage].astype(np.int8),
        event_stage=stage, event_confirmed=event_confirmed[order].astype(np.int64),
        event_amount=event_amount[order].astype(np.int64), event_currency=event_currency[order].astype(np.int8),
        event_value=event_value[order].astype(np.int64), stages=stages, currencies=currencies, steps=steps)


def build(relationships: Sequence[tuple[int, int, int, int, int, int]],
          events: Sequence[tuple[int, int, str, int, int, int, int, int | None, str, int | None]],
          stages: tuple[str, ...], steps: int, currencies: tuple[str, ...] = ()) -> History:
    """Columns from rows: relationships (id, opened µs, opened day, cohort, organisation, counterpart or 0)
    and events (relationship id, event id, stage, step or LOST, effective day, recorded µs, first
    confirmation µs or NEVER, amount or None, currency or "", amount in the hub's currency or None)."""
    relationships = sorted(relationships)
    rows = [np.array(column, dtype=np.int64) for column in zip(*relationships, strict=True)] if relationships else [
        np.array([], dtype=np.int64)] * 6
    step_of_stage = np.zeros(len(stages), dtype=np.int8)
    for _rel, _pk, stage, step, *_rest in events:
        step_of_stage[stages.index(stage)] = step
    currency_index = {currency: position for position, currency in enumerate(currencies)}

    def column(values, dtype=np.int64) -> np.ndarray:
        return np.array(list(values), dtype=dtype)

    return from_arrays(
        relationship_ids=rows[0], opened_at=rows[1], opened_day=rows[2], cohort=rows[3], organisation=rows[4],
        counterpart=rows[5], event_relationship_id=column(event[0] for event in events),
        event_id=column(event[1] for event in events), event_stage=column(stages.index(event[2]) for event in events),
        event_day=column(event[4] for event in events), event_recorded=column(event[5] for event in events),
        event_confirmed=column(event[6] for event in events),
        event_amount=column(-1 if event[7] is None else event[7] for event in events),
        event_currency=column(currency_index.get(event[8], -1) for event in events),
        event_value=column(-1 if event[9] is None else event[9] for event in events),
        stages=stages, step_of_stage=step_of_stage, currencies=currencies, steps=steps)


@dataclass(frozen=True)
class CohortCells:
    cohort: int
    size: int
    opened_from: int  # day
    reached: tuple[int, ...]  # per horizon
    pending: tuple[bool, ...]


def _median_of_counts(counts: np.ndarray) -> float | None:
    """The median of small non-negative whole numbers given as counts per value (no sort)."""
    size = int(counts.sum())
    if not size:
        return None
    below = np.cumsum(counts)
    middle = size // 2
    upper = int(np.searchsorted(below, middle, side="right"))
    if size % 2:
        return float(upper)
    lower = int(np.searchsorted(below, middle - 1, side="right"))
    return (lower + upper) / 2


class StageState:
    """Per relationship, from the events recorded by `as_of`: the day each step was first reached, the
    furthest step claimed and confirmed, the current stage, and whether (and when) it closed."""

    def __init__(self, history: History, as_of: int):
        n, steps = len(history.relationship_ids), history.steps
        self.known = history.event_recorded <= as_of
        self.reached = np.full((n, steps + 1), NO_DAY, dtype=np.int32)  # (n, steps + 1)
        self.furthest = np.zeros(n, dtype=np.int8)
        self.furthest_confirmed = np.zeros(n, dtype=np.int8)
        self.current = np.full(n, -1, dtype=np.int16)  # index into stages; -1: nothing recorded
        self.lost = np.zeros(n, dtype=bool)
        self.lost_day = np.full(n, NO_DAY, dtype=np.int32)
        fill_state(np.int64(as_of), history.event_relationship, history.event_step, history.event_stage,
                   history.event_day, history.event_recorded, history.event_confirmed, history.opened_day, LOST,
                   NO_DAY, self.reached, self.furthest, self.furthest_confirmed, self.current, self.lost,
                   self.lost_day)


class Snapshot:
    """The history as known at `as_of` (µs), for the relationships in `chosen` (a boolean mask, already
    limited to those opened by then), judged on day `today`."""

    def __init__(self, history: History, as_of: int, today: int, chosen: np.ndarray):
        self.history, self.today, self.as_of = history, today, as_of
        self.chosen = chosen & (history.opened_at <= as_of)
        # Each relationship's state depends only on its own events known by then, not on the subset: a
        # date after every record and confirmation reads the state of the whole history, computed once.
        state = history.full_state if as_of >= history.latest else StageState(history, as_of)
        self.known, self.reached, self.furthest = state.known, state.reached, state.furthest
        self.furthest_confirmed, self.current, self.lost, self.lost_day = (
            state.furthest_confirmed, state.current, state.lost, state.lost_day)

    @property
    def count(self) -> int:
        return int(self.chosen.sum())

    @cached_property
    def _counts(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
        """The funnel, the per-day ends and the days-to-step histogram (figures_kernel.count_steps), and
        how many days the longest-followed chosen relationship has been followed (-1: none chosen)."""
        history, steps = self.history, self.history.steps
        opened = history.opened_day[self.chosen]
        followed = int(self.today - opened.min()) if len(opened) else -1
        funnel = np.zeros((2, steps + 1), dtype=np.int64)
        ends = np.zeros((steps + 1, 3, max(followed, 0) + 1), dtype=np.int64)
        days_to = np.zeros((steps + 1, history.longest_course + 1), dtype=np.int64)
        count_steps(self.chosen, self.reached, history.opened_day, self.lost_day, self.furthest,
                    self.furthest_confirmed, self.today, NO_DAY, funnel, ends, days_to)
        return funnel, ends, days_to, followed

    def funnel(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        funnel = self._counts[0]
        return tuple(funnel[0].tolist()), tuple(funnel[1].tolist())

    def ids_at_step(self, step: int | None) -> list[int]:
        """Relationships that reached `step` or further (all for None), newest first."""
        mask = self.chosen if step is None else self.chosen & (self.furthest >= step)
        return self.history.relationship_ids[mask][::-1].tolist()  # the ids are kept ascending

    def conversions(self, window: int) -> list[Conversion]:
        counts = np.zeros((self.history.steps + 1, 3), dtype=np.int64)
        count_conversions(self.chosen, self.reached, self.today, window, NO_DAY, counts)
        return [Conversion(step, *counts[step].tolist()) for step in range(1, self.history.steps + 1)]

    def cumulative_incidence(self, step: int, horizons: tuple[int, ...]) -> dict[int, float | None]:
        """Kaplan–Aalen style: per day of the course, the share still open times the share of those at
        risk that reach the step that day; closing without result ends a course without reaching it."""
        _funnel, ends, _days_to, followed = self._counts
        # Every day of the course up to the last one something ended on: a day without ends multiplies
        # by exactly 1 and adds exactly 0 (the same figures as counting only the days with ends); after
        # the last end nobody is at risk.
        last = int(np.flatnonzero(ends[step, ENDED_ROW])[-1]) + 1 if followed >= 0 else 0
        reached_count, lost_count, ended = (ends[step, row, :last] for row in (REACHED_ROW, CLOSED_ROW, ENDED_ROW))
        at_risk = self.count - np.concatenate(([0], np.cumsum(ended)[:-1]))
        surviving_after = np.cumprod(1 - (reached_count + lost_count) / at_risk)
        surviving_before = np.concatenate(([1.0], surviving_after[:-1]))
        incidence = np.cumsum(surviving_before * reached_count / at_risk)
        return {horizon: None if followed < horizon else float(incidence[min(horizon, last - 1)])
                for horizon in horizons}

    def medians(self) -> list[tuple[int, int, float | None]]:
        days_to = self._counts[2]
        return [(step, int(days_to[step].sum()), _median_of_counts(days_to[step]))
                for step in range(1, self.history.steps + 1)]

    def amounts(self, stage: str) -> tuple[dict[str, int], int, int, dict[str, int], int, int]:
        """Amounts of the known events of `stage`: claimed (per currency as recorded, total in the hub's
        currency, how many had no rate for their day), then the same for those confirmed by the report date."""
        history = self.history
        if stage not in history.stages:
            return {}, 0, 0, {}, 0, 0
        with_amount = history.events_with_amount  # a few percent of the events: the rest is never read here
        selected = with_amount[self.known[with_amount] & self.chosen[history.event_relationship[with_amount]]
                               & (history.event_stage[with_amount] == history.stages.index(stage))]
        confirmed = selected[history.event_confirmed[selected] <= self.as_of]
        return (*self._totals(selected), *self._totals(confirmed))

    def _totals(self, events: np.ndarray) -> tuple[dict[str, int], int, int]:
        """Totals of the events at the indices `events`."""
        history = self.history
        currency, amount = history.event_currency[events], history.event_amount[events]
        by_currency = {history.currencies[code]: int(amount[currency == code].sum())
                       for code in np.unique(currency).tolist()}
        values = history.event_value[events]
        return by_currency, int(values[values >= 0].sum()), int((values < 0).sum())

    def cohorts(self, step: int, horizons: tuple[int, ...]) -> list[CohortCells]:
        reached = self.reached[:, step]
        opened = self.history.opened_day
        rows = []
        for key, members in self.history.cohort_groups:
            members = members[self.chosen[members]]
            if not len(members):
                continue
            days = np.where(reached[members] == NO_DAY, NO_DAY, reached[members] - opened[members])
            youngest = int(opened[members].max())
            rows.append(CohortCells(key, len(members), int(opened[members].min()),
                                    tuple(int((days <= horizon).sum()) for horizon in horizons),
                                    tuple(self.today - youngest < horizon for horizon in horizons)))
        return rows

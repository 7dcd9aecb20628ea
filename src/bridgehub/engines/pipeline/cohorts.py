"""Time-to-outcome figures that do not count the young as failures.

A relationship opened last week has not "failed" to reach a PoC; it has not had the time. Every figure
here is therefore computed only over what is old enough to judge, or with the young censored:

- **windowed conversion**: of the relationships that reached step k-1 at least `window` days before the
  report date, the share that reached step k within `window` days of it;
- **cumulative incidence** of reaching a step by t days after opening, with closing without result as a
  competing outcome and the report date as censoring (the Aalen–Johansen estimator; with no censoring it
  equals the plain share);
- **median days** from opening to a step, among those that reached it (with how many did);
- **cohort table**: per cohort (a round), the share that reached a step within 30/90/180/365 days of
  opening; a cell whose horizon some member has not yet lived through is pending, not a low number.

Pure: plain dataclasses in, numbers out; dates are whole days.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bridgehub.engines.pipeline.funnel import Event

HORIZONS = (30, 90, 180, 365)


@dataclass(frozen=True, slots=True)
class Course:
    """A relationship's course as known on the report date."""

    cohort: str  # the group it is reported in (e.g. its round); "" for none
    opened_on: date
    reached_on: tuple[date | None, ...]  # [k]: first day step k or a later step was reached; [0] = opened_on
    lost_on: date | None  # closed without result (and not taken up again) on that day

    def days_to(self, step: int) -> int | None:
        reached = self.reached_on[step]
        return None if reached is None else max(0, (reached - self.opened_on).days)


def course_of(events: Iterable[Event], opened_on: date, as_of: datetime, steps: int, cohort: str = "") -> Course:
    """The course from the events recorded by `as_of` (a later record of an earlier date is not known yet)."""
    known = [event for event in events if event.recorded_at <= as_of]
    reached: list[date | None] = [opened_on]
    for step in range(1, steps + 1):
        dates = [event.effective_on for event in known if event.step is not None and event.step >= step]
        reached.append(max(opened_on, min(dates)) if dates else None)
    latest = max(known, key=lambda event: (event.effective_on, event.recorded_at), default=None)
    lost_on = max(opened_on, latest.effective_on) if latest is not None and latest.step is None else None
    return Course(cohort, opened_on, tuple(reached), lost_on)


@dataclass(frozen=True, slots=True)
class Conversion:
    step: int
    judged: int  # reached step-1 at least `window` days before the report date
    went_on: int  # of those, reached `step` within `window` days
    too_young: int  # reached step-1 too recently to judge

    @property
    def share(self) -> float | None:
        return self.went_on / self.judged if self.judged else None


def windowed_conversions(courses: Sequence[Course], today: date, steps: int, window: int) -> list[Conversion]:
    result = []
    for step in range(1, steps + 1):
        judged = went_on = too_young = 0
        for course in courses:
            before = course.reached_on[step - 1]
            if before is None:
                continue
            if (today - before).days < window:
                too_young += 1
                continue
            judged += 1
            after = course.reached_on[step]
            if after is not None and (after - before).days <= window:
                went_on += 1
        result.append(Conversion(step, judged, went_on, too_young))
    return result


def cumulative_incidence(courses: Sequence[Course], today: date, step: int,
                         horizons: Sequence[int] = HORIZONS) -> dict[int, float | None]:
    """Share expected to have reached `step` by each horizon (days after opening), closing without result
    competing and follow-up censored at `today`. None where nobody has been followed that long."""
    reached_at: dict[int, int] = defaultdict(int)
    lost_at: dict[int, int] = defaultdict(int)
    ended_at: dict[int, int] = defaultdict(int)  # every exit from the risk set (reached, lost or censored)
    for course in courses:
        days = course.days_to(step)
        if days is not None and course.reached_on[step] <= today:  # type: ignore[operator]
            reached_at[days] += 1
            exit_day = days
        elif course.lost_on is not None and course.lost_on <= today:
            exit_day = max(0, (course.lost_on - course.opened_on).days)
            lost_at[exit_day] += 1
        else:
            exit_day = max(0, (today - course.opened_on).days)
        ended_at[exit_day] += 1
    followed = max(((today - course.opened_on).days for course in courses), default=-1)
    at_risk = len(courses)
    surviving = 1.0  # probability of neither outcome yet
    incidence = 0.0
    curve: list[tuple[int, float]] = []
    for day in sorted(ended_at):
        if at_risk <= 0:
            break
        reached, lost = reached_at.get(day, 0), lost_at.get(day, 0)
        incidence += surviving * reached / at_risk
        surviving *= 1 - (reached + lost) / at_risk
        curve.append((day, incidence))
        at_risk -= ended_at[day]
    result: dict[int, float | None] = {}
    for horizon in horizons:
        if followed < horizon:
            result[horizon] = None
            continue
        result[horizon] = max((value for day, value in curve if day <= horizon), default=0.0)
    return result


@dataclass(frozen=True, slots=True)
class TimeToStep:
    step: int
    reached: int
    median_days: float | None


def median_days(courses: Sequence[Course], steps: int) -> list[TimeToStep]:
    result = []
    for step in range(1, steps + 1):
        days = [d for course in courses if (d := course.days_to(step)) is not None]
        result.append(TimeToStep(step, len(days), statistics.median(days) if days else None))
    return result


@dataclass(frozen=True, slots=True)
class CohortCell:
    reached: int
    size: int
    pending: bool  # some member has not lived through the horizon yet

    @property
    def share(self) -> float | None:
        return None if self.pending or not self.size else self.reached / self.size


@dataclass(frozen=True, slots=True)
class CohortRow:
    cohort: str
    size: int
    opened_from: date
    cells: tuple[CohortCell, ...]


def cohort_table(courses: Sequence[Course], today: date, step: int,
                 horizons: Sequence[int] = HORIZONS) -> list[CohortRow]:
    """Rows in order of their first opening; a cell counts those that reached `step` within the horizon."""
    groups: dict[str, list[Course]] = defaultdict(list)
    for course in courses:
        groups[course.cohort].append(course)
    rows = []
    for cohort, members in groups.items():
        youngest = max(course.opened_on for course in members)
        cells = []
        for horizon in horizons:
            reached = sum(1 for course in members
                          if (days := course.days_to(step)) is not None and days <= horizon)
            cells.append(CohortCell(reached, len(members), pending=(today - youngest).days < horizon))
        rows.append(CohortRow(cohort, len(members), min(course.opened_on for course in members), tuple(cells)))
    return sorted(rows, key=lambda row: (row.opened_from, row.cohort))

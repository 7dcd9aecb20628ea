"""A relationship's state and a hub's funnel, derived from stage history as it was known on a date.

Pure: plain dataclasses in, plain numbers out. Every figure is a function of the events recorded up
to `as_of`, so a report regenerated for a past date comes out identical however much was recorded
since. Steps: 0 = opened (introduced), then 1..N in the order of the pipeline; a closed-lost event is
a competing end, not a step (a relationship lost after its PoC still reached the PoC step).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Event:
    stage: str
    step: int | None  # None: the relationship was closed without result
    effective_on: date
    recorded_at: datetime
    confirmed_at: datetime | None = None  # first confirmation by the other side or verification of evidence


@dataclass(frozen=True, slots=True)
class State:
    current: str | None  # the stage of the latest event by date (None: opened, nothing recorded yet)
    furthest_step: int  # claimed by either side
    furthest_confirmed_step: int  # confirmed by the other side or verified by the hub
    lost: bool

    @property
    def open(self) -> bool:
        return not self.lost


def state_as_of(events: Iterable[Event], as_of: datetime) -> State:
    known = [event for event in events if event.recorded_at <= as_of]
    latest = max(known, key=lambda event: (event.effective_on, event.recorded_at), default=None)
    return State(
        current=latest.stage if latest else None,
        furthest_step=max((event.step for event in known if event.step is not None), default=0),
        furthest_confirmed_step=max((event.step for event in known if event.step is not None
                                     and event.confirmed_at is not None and event.confirmed_at <= as_of), default=0),
        lost=latest is not None and latest.step is None,
    )


@dataclass(frozen=True, slots=True)
class Funnel:
    """reached[k]: relationships that reached step k or later (so the steps never rise); confirmed[k]: the
    same counting only confirmed or verified steps."""

    reached: tuple[int, ...]
    confirmed: tuple[int, ...]

    def conversion(self, step: int) -> float | None:
        """Share of those that reached `step - 1` who went on to `step` (None when none reached it)."""
        before = self.reached[step - 1]
        return self.reached[step] / before if before else None


def funnel(states: Sequence[State], steps: int) -> Funnel:
    return Funnel(
        reached=tuple(sum(1 for state in states if state.furthest_step >= k) for k in range(steps + 1)),
        confirmed=tuple(sum(1 for state in states if state.furthest_confirmed_step >= k) for k in range(steps + 1)),
    )

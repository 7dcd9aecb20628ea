"""State and funnel from stage history: what was known on a date, steps that never rise."""

import datetime as dt

from bridgehub.engines.pipeline.funnel import Event, State, funnel, state_as_of

T0 = dt.datetime(2026, 1, 10, 9, 0, tzinfo=dt.UTC)


def at(days: int) -> dt.datetime:
    return T0 + dt.timedelta(days=days)


def event(stage, step, day, recorded_day=None, confirmed_day=None):
    return Event(stage=stage, step=step, effective_on=(T0 + dt.timedelta(days=day)).date(),
                 recorded_at=at(day if recorded_day is None else recorded_day),
                 confirmed_at=None if confirmed_day is None else at(confirmed_day))


def test_the_state_is_what_was_recorded_by_the_date():
    history = [event("met", 1, 0, confirmed_day=1), event("poc", 4, 30), event("investment", 6, 90, confirmed_day=95)]
    assert state_as_of(history, at(-1)) == State(None, 0, 0, False)
    assert state_as_of(history, at(10)) == State("met", 1, 1, False)
    assert state_as_of(history, at(60)) == State("poc", 4, 1, False)  # claimed, not confirmed
    assert state_as_of(history, at(92)) == State("investment", 6, 1, False)
    assert state_as_of(history, at(100)) == State("investment", 6, 6, False)


def test_a_stage_recorded_late_for_an_earlier_date_does_not_become_current():
    history = [event("poc", 4, 30), event("nda", 3, 20, recorded_day=40)]
    state = state_as_of(history, at(50))
    assert state.current == "poc" and state.furthest_step == 4


def test_closed_lost_is_an_end_that_keeps_the_step_reached():
    history = [event("met", 1, 0), event("poc", 4, 10), event("closed_lost", None, 20)]
    state = state_as_of(history, at(30))
    assert state.lost and not state.open and state.furthest_step == 4 and state.current == "closed_lost"


def test_funnel_counts_reached_or_later_so_steps_never_rise():
    states = [State(None, 0, 0, False), State("met", 1, 1, False), State("poc", 4, 1, False),
              State("order", 6, 6, False), State("closed_lost", 2, 2, True)]
    result = funnel(states, steps=6)
    assert result.reached == (5, 4, 3, 2, 2, 1, 1)
    assert result.confirmed == (5, 4, 2, 1, 1, 1, 1)
    assert all(a >= b for a, b in zip(result.reached, result.reached[1:], strict=False))
    assert result.conversion(1) == 4 / 5 and result.conversion(6) == 1.0
    assert funnel([], steps=6).conversion(3) is None

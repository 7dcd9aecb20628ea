"""The column engine counts exactly what the reference engine (funnel.py, cohorts.py) counts, one
relationship at a time, for random histories, report dates and subsets."""

import datetime as dt
import random

import numpy as np
import pytest

from bridgehub.engines.pipeline import cohorts, columns, figures_kernel, funnel, state_kernel

STAGES = ("met", "follow_up", "nda", "poc", "agreement", "investment", "hire", "order", "closed_lost")
CURRENCIES = ("TWD", "JPY", "USD")
STEP = {"met": 1, "follow_up": 2, "nda": 3, "poc": 4, "agreement": 5, "investment": 6, "hire": 6, "order": 6,
        "closed_lost": columns.LOST}
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
DAY = 86_400_000_000


def micros(moment):
    return int((moment - EPOCH).total_seconds()) * 1_000_000


def random_world(rng):
    start = dt.datetime(2025, 1, 1, 9, tzinfo=dt.UTC)
    relationships, events, reference = [], [], {}
    event_id = 0
    for pk in range(1, rng.randint(1, 60) + 1):
        opened = start + dt.timedelta(days=rng.randint(0, 500), hours=rng.randint(0, 23))
        cohort = rng.choice([11, 12, 13, -(opened.year * 100 + opened.month)])
        relationships.append((pk, micros(opened), opened.date().toordinal(), cohort, pk, pk + 1000))
        history = []
        for _ in range(rng.randint(0, 7)):
            event_id += 1
            stage = rng.choice(STAGES)
            day = opened.date() + dt.timedelta(days=rng.randint(-3, 300))  # sometimes dated before the opening
            recorded = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC) + dt.timedelta(
                days=rng.choice([0, 0, 1, 40]), seconds=event_id)  # some recorded late; never at one moment
            confirmed = recorded + dt.timedelta(days=rng.randint(0, 20)) if rng.random() < 0.5 else None
            step = STEP[stage]
            amount = rng.randint(1, 10**6) if rng.random() < 0.3 else None
            currency = rng.choice(CURRENCIES) if amount is not None else ""
            value = amount * 3 if amount is not None and rng.random() < 0.8 else None  # None: no rate that day
            events.append((pk, event_id, stage, step, day.toordinal(), micros(recorded),
                           columns.NEVER if confirmed is None else micros(confirmed), amount, currency, value))
            history.append((event_id, funnel.Event(stage, None if step == columns.LOST else step, day, recorded,
                                                   confirmed)))
        # The reference reads the events in the database's order: by date, recording moment, then id.
        history.sort(key=lambda pair: (pair[1].effective_on, pair[1].recorded_at, pair[0]))
        reference[pk] = (opened, cohort, [event for _id, event in history])
    return columns.build(relationships, events, STAGES, 6, CURRENCIES), reference, events


def totals_of(events, stage, as_of, counted, *, confirmed_only):
    """Amounts of `stage` recorded by `as_of` on the counted relationships, one event at a time: per
    currency, converted total, and how many had no rate."""
    by_currency, total, without_rate = {}, 0, 0
    for pk, _id, event_stage, _step, _day, recorded, confirmed, amount, currency, value in events:
        if (pk in counted and event_stage == stage and amount is not None and recorded <= as_of
                and (not confirmed_only or confirmed <= as_of)):
            by_currency[currency] = by_currency.get(currency, 0) + amount
            total += value or 0
            without_rate += value is None
    return by_currency, total, without_rate


@pytest.mark.parametrize("seed", range(40))
def test_the_columns_count_what_the_reference_counts(seed):
    rng = random.Random(seed)
    history, reference, events = random_world(rng)
    as_of = dt.datetime(2025, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=rng.randint(0, 900))
    today = as_of.date()
    chosen = np.array([rng.random() < 0.8 for _ in history.relationship_ids], dtype=bool)
    snapshot = columns.Snapshot(history, micros(as_of), today.toordinal(), chosen)
    counted = [pk for pk, keep in zip(history.relationship_ids.tolist(), chosen, strict=True)
               if keep and reference[pk][0] <= as_of]
    states = {pk: funnel.state_as_of(reference[pk][2], as_of) for pk in counted}
    courses = [cohorts.course_of(reference[pk][2], reference[pk][0].date(), as_of, 6, str(reference[pk][1]))
               for pk in counted]
    expected = funnel.funnel(list(states.values()), 6)
    assert snapshot.funnel() == (expected.reached, expected.confirmed)
    assert snapshot.ids_at_step(None) == sorted(counted, reverse=True)
    for pk, state in states.items():
        index = history.index_of[pk]
        current = int(snapshot.current[index])
        assert (STAGES[current] if current >= 0 else None, int(snapshot.furthest[index]),
                int(snapshot.furthest_confirmed[index]), bool(snapshot.lost[index])) == (
            state.current, state.furthest_step, state.furthest_confirmed_step, state.lost)
    assert [(c.judged, c.went_on, c.too_young) for c in snapshot.conversions(90)] == [
        (c.judged, c.went_on, c.too_young) for c in cohorts.windowed_conversions(courses, today, 6, 90)]
    for step in range(1, 7):
        ours = snapshot.cumulative_incidence(step, cohorts.HORIZONS)
        theirs = cohorts.cumulative_incidence(courses, today, step)
        assert ours.keys() == theirs.keys()
        for horizon, value in theirs.items():
            assert (value is None) == (ours[horizon] is None)
            if value is not None:
                assert ours[horizon] == pytest.approx(value, abs=1e-12)
    assert [(step, count, median) for step, count, median in snapshot.medians()] == [
        (time.step, time.reached, None if time.median_days is None else float(time.median_days))
        for time in cohorts.median_days(courses, 6)]
    for stage in STAGES:
        assert snapshot.amounts(stage) == (*totals_of(events, stage, micros(as_of), counted, confirmed_only=False),
                                           *totals_of(events, stage, micros(as_of), counted, confirmed_only=True))
    rows = {str(row.cohort): row for row in snapshot.cohorts(4, cohorts.HORIZONS)}
    for row in cohorts.cohort_table(courses, today, 4):
        ours = rows.pop(row.cohort)
        assert (ours.size, dt.date.fromordinal(ours.opened_from)) == (row.size, row.opened_from)
        assert list(ours.reached) == [cell.reached for cell in row.cells]
        assert list(ours.pending) == [cell.pending for cell in row.cells]
    assert not rows


def test_the_compiled_passes_count_the_toy_reports_of_make_install():
    # `make install` compiles both loops through these; each checks what it counted and raises otherwise.
    state_kernel.compile_kernel()
    figures_kernel.compile_kernel()


def test_a_report_of_nobody_has_no_figures():
    history, _reference, _events = random_world(random.Random(3))
    nobody = np.zeros(len(history.relationship_ids), dtype=bool)
    snapshot = columns.Snapshot(history, micros(dt.datetime(2026, 1, 1, tzinfo=dt.UTC)), 739617, nobody)
    assert snapshot.funnel() == ((0,) * 7, (0,) * 7)
    assert all(value is None for value in snapshot.cumulative_incidence(4, cohorts.HORIZONS).values())
    assert snapshot.medians() == [(step, 0, None) for step in range(1, 7)]
    assert [(c.judged, c.went_on, c.too_young) for c in snapshot.conversions(90)] == [(0, 0, 0)] * 6

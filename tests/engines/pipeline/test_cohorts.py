"""Cohort figures: the young are censored, never counted as failed; with full follow-up the estimator is
the plain share."""

import datetime as dt
import random

from bridgehub.engines.pipeline.cohorts import (
    Course,
    cohort_table,
    course_of,
    cumulative_incidence,
    median_days,
    windowed_conversions,
)
from bridgehub.engines.pipeline.funnel import Event

TODAY = dt.date(2026, 12, 1)
STEPS = 6


def course(opened_ago: int, reached: dict[int, int] | None = None, lost_after: int | None = None, cohort="r1"):
    """A course opened `opened_ago` days before TODAY; reached maps step -> days after opening."""
    opened = TODAY - dt.timedelta(days=opened_ago)
    days = {0: 0, **(reached or {})}
    reached_on = []
    for step in range(STEPS + 1):
        later = [d for s, d in days.items() if s >= step]
        reached_on.append(opened + dt.timedelta(days=min(later)) if later else None)
    lost = None if lost_after is None else opened + dt.timedelta(days=lost_after)
    return Course(cohort, opened, tuple(reached_on), lost)


def test_course_of_reads_only_what_was_recorded_and_fills_skipped_steps():
    opened = dt.date(2026, 1, 1)
    at = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    events = [Event("poc", 4, dt.date(2026, 2, 1), at - dt.timedelta(days=20)),
              Event("investment", 6, dt.date(2026, 2, 20), at + dt.timedelta(days=1))]
    known = course_of(events, opened, at, STEPS)
    assert known.reached_on[1:5] == (dt.date(2026, 2, 1),) * 4  # met..PoC reached when the PoC was
    assert known.reached_on[5] is None and known.reached_on[6] is None  # the investment was recorded later
    later = course_of(events, opened, at + dt.timedelta(days=2), STEPS)
    assert later.reached_on[6] == dt.date(2026, 2, 20) and later.reached_on[4] == dt.date(2026, 2, 1)
    lost = course_of([Event("closed_lost", None, dt.date(2026, 1, 20), at)], opened, at, STEPS)
    assert lost.lost_on == dt.date(2026, 1, 20) and lost.reached_on[1] is None


def test_young_relationships_are_censored_not_failures():
    old = [course(400, {4: 20}), course(400, {4: 20}), course(400), course(400)]
    young = [course(5) for _ in range(10)]
    incidence = cumulative_incidence(old + young, TODAY, 4)
    assert incidence[30] == 0.5 and incidence[365] == 0.5  # a plain share would say 2/14
    # Nobody followed for a year: no figure rather than a low one.
    assert cumulative_incidence(young, TODAY, 4)[365] is None


def test_closing_without_result_competes():
    courses = [course(400, {4: 10}), course(400, lost_after=5), course(400, lost_after=5), course(400)]
    assert cumulative_incidence(courses, TODAY, 4)[30] == 0.25


def test_with_full_follow_up_the_estimate_is_the_plain_share():
    rng = random.Random(7)
    for _ in range(200):
        courses = []
        for _ in range(rng.randint(1, 30)):
            fate = rng.random()
            if fate < 0.3:
                courses.append(course(400, {rng.randint(1, 6): rng.randint(0, 300)}))
            elif fate < 0.6:
                courses.append(course(400, lost_after=rng.randint(0, 300)))
            else:
                courses.append(course(400))
        for step in range(1, STEPS + 1):
            incidence = cumulative_incidence(courses, TODAY, step)
            for horizon, value in incidence.items():
                plain = sum(1 for c in courses if (d := c.days_to(step)) is not None and d <= horizon) / len(courses)
                assert value is not None and abs(value - plain) < 1e-9


def test_windowed_conversion_judges_only_the_old_enough():
    courses = [course(200, {1: 0, 2: 30}), course(200, {1: 0}), course(200, {1: 0, 2: 150}),  # 150 > window
               course(20, {1: 0})]  # met 20 days ago: too young to judge
    conversion = windowed_conversions(courses, TODAY, STEPS, window=90)[1]
    assert (conversion.judged, conversion.went_on, conversion.too_young) == (3, 1, 1)
    assert conversion.share == 1 / 3


def test_median_days_among_those_that_reached_the_step():
    courses = [course(300, {4: 10}), course(300, {4: 30}), course(300, {4: 50}), course(300)]
    assert median_days(courses, STEPS)[3].median_days == 30 and median_days(courses, STEPS)[3].reached == 3


def test_cohort_cells_are_pending_until_every_member_lived_through_the_horizon():
    courses = [course(400, {4: 20}, cohort="spring"), course(380, cohort="spring"),
               course(100, {4: 60}, cohort="autumn"), course(40, cohort="autumn")]
    rows = cohort_table(courses, TODAY, 4)
    assert [row.cohort for row in rows] == ["spring", "autumn"]
    spring, autumn = rows
    assert [cell.share for cell in spring.cells] == [0.5, 0.5, 0.5, 0.5]
    assert [cell.pending for cell in autumn.cells] == [False, True, True, True]
    assert autumn.cells[0].share == 0.0  # both lived 30 days; neither reached a PoC by then

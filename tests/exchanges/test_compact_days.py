"""Compact days in the product: the operator sees each participant's waiting in the preview, a member's
agenda shows its free time and the shape of the day, and the round's fairness rule reaches the solver."""

import pytest

from bridgehub.exchanges.domain import queries
from bridgehub.exchanges.domain import scheduling as scheduling_domain
from bridgehub.exchanges.domain.agenda import agenda_for, day_summary
from tests.conftest import client_for
from tests.exchanges.test_scheduling import agree, participant, publish_now


@pytest.fixture
def gappy(exchange):
    """The Tokyo owner meets one person who can only come at 10:00 and one who can only come at 11:00
    (30-minute slots): one wait of 30 minutes no solver can close."""
    early = participant(exchange, "Early Robotics", "early@example.com", ["en"], slots=[0])
    late = participant(exchange, "Late Sensors", "late@example.com", ["en"], slots=[2])
    agree(exchange.owner_reg, early)
    agree(late, exchange.owner_reg)
    return exchange


def test_the_operator_sees_who_waits_in_the_preview(gappy):
    run = scheduling_domain.run_scheduler(user=gappy.world.tokyo_operator, round_=gappy.round, time_limit=2)
    days = queries.days_in_preview(gappy.round, run)
    assert [(d.registration.pk, d.meetings, d.gaps) for d in days][0] == (gappy.owner_reg.pk, 2, 1)
    assert sorted(d.gaps for d in days) == [0, 0, 1]
    assert run.summary["fairness"] == 2 and run.summary["breaks"] == 1
    page = client_for(gappy.world.tokyo_operator).get(f"/manage/tokyo/rounds/{gappy.round.pk}/").content.decode()
    assert "Waiting per participant" in page and 'class="waits"' in page
    assert "10:00–11:30" in page  # the owner's day, in the round's zone
    assert run.summary["breaks_floor"] == 1  # proved: the owner's two guests can only come at 10:00 and 11:00
    assert "No schedule of these meetings can have fewer" in page


def test_the_agenda_shows_the_free_time_and_the_shape_of_the_day(gappy):
    publish_now(gappy)
    entries = agenda_for(gappy.owner_reg)
    assert [e.free_before for e in entries] == [0, 30]
    day = day_summary(entries)
    assert (day.meetings, day.waits, day.free_minutes) == (2, 1, 30)
    assert (f"{day.starts:%H:%M}", f"{day.ends:%H:%M}") == ("10:00", "11:30")
    page = client_for(gappy.world.owner).get(f"/rounds/{gappy.round.pk}/").content.decode()
    assert "2 meetings, 10:00–11:30" in page
    assert "1 break (30 min free)" in page
    assert '<li class="agenda-free"' in page and "30 min free" in page


def test_the_round_can_switch_the_fairness_rule_off(gappy):
    gappy.round.gap_spread = None
    gappy.round.save()
    run = scheduling_domain.run_scheduler(user=gappy.world.tokyo_operator, round_=gappy.round, time_limit=2)
    assert run.summary["fairness"] is None
    page = client_for(gappy.world.tokyo_operator).get(f"/manage/tokyo/rounds/{gappy.round.pk}/").content.decode()
    assert "Fairness rule on" not in page

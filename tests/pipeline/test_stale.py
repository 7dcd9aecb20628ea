"""Relationships without news: seen on the dashboard and the list, reminded once a day per hub, in the
reader's language, the day it happens and then every two weeks; hub limits set by operators."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from bridgehub.accounts.enums import MailMode, MailTopic
from bridgehub.pipeline.domain.history import history_changed
from bridgehub.pipeline.domain.relationships import open_relationship, record_stage, set_next_step
from bridgehub.pipeline.domain.reminders import send_daily_reminders
from bridgehub.pipeline.models import PipelineSettings, Relationship, StageEvent
from tests.conftest import client_for

TOKYO = dt.timezone(dt.timedelta(hours=9))


@pytest.fixture
def pair(world):
    neighbour = world.tokyo_member.org_memberships.get().organisation
    return open_relationship(user=world.owner, hub=world.tokyo, organisation=world.organisation,
                             counterpart=neighbour)[0]


def met_days_ago(world, pair, days: int, now: dt.datetime) -> None:
    event = record_stage(user=world.owner, relationship=pair, stage="met", effective_on=timezone.localdate())
    moment = now - dt.timedelta(days=days)
    StageEvent.objects.filter(pk=event.pk).update(effective_on=moment.astimezone(TOKYO).date(), recorded_at=moment)
    Relationship.objects.filter(pk=pair.pk).update(opened_at=moment)
    history_changed(world.tokyo.pk)


@pytest.mark.django_db
def test_a_relationship_without_news_shows_on_the_list_and_the_dashboard(world, pair):
    met_days_ago(world, pair, 30, timezone.now())  # the hub's limit after "Met" is 21 days
    listing = client_for(world.owner).get("/relationships/").content.decode()
    assert "no news for 30 days" in listing or "no news for 29 days" in listing  # the day, in Tokyo
    assert "relationship without news for a while" in client_for(world.tokyo_member).get("/dashboard/").content.decode()
    # A next step dated ahead means someone is on it.
    set_next_step(user=world.owner, relationship=pair, text="Call", due_on=timezone.localdate() + dt.timedelta(days=3))
    assert "no news for" not in client_for(world.owner).get("/relationships/").content.decode()


@pytest.mark.django_db
def test_an_outcome_or_a_longer_limit_is_not_stalled(world, pair):
    met_days_ago(world, pair, 30, timezone.now())
    PipelineSettings.objects.update_or_create(hub=world.tokyo, defaults={"stale_after_met": 45})
    assert "no news for" not in client_for(world.owner).get("/relationships/").content.decode()


@pytest.mark.django_db
def test_daily_reminders_go_once_a_day_in_each_readers_language(world, pair):
    today = timezone.now().astimezone(TOKYO).date()
    morning = dt.datetime.combine(today, dt.time(10), tzinfo=TOKYO)
    met_days_ago(world, pair, 22, morning)  # stalled since yesterday: limit 21
    world.owner.language = "ja"
    world.owner.save(update_fields=["language"])
    early = dt.datetime.combine(today, dt.time(7), tzinfo=TOKYO)
    assert send_daily_reminders(early) == 0 and not mail.outbox  # before nine in the hub
    assert send_daily_reminders(morning) == 2  # the owner recorded it; the other side: all its members
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {world.owner.email, world.tokyo_member.email}
    owner_mail = by_address[world.owner.email]
    assert "Neighbour KK" in owner_mail.body and "22" in owner_mail.body
    assert "Relationships that need you" not in owner_mail.subject  # Japanese, the reader's language
    assert "/relationships/" in owner_mail.body and "List-Unsubscribe" in owner_mail.extra_headers
    assert "Secret Chips" in by_address[world.tokyo_member.email].body
    assert send_daily_reminders(morning + dt.timedelta(hours=3)) == 0  # the day was claimed
    mail.outbox.clear()
    assert send_daily_reminders(morning + dt.timedelta(days=1)) == 0  # next reminder in two weeks
    set_next_step(user=world.tokyo_member, relationship=pair, text="Send the NDA", due_on=today + dt.timedelta(days=2))
    world.owner.mail_preferences = {MailTopic.PIPELINE: MailMode.OFF}
    world.owner.save(update_fields=["mail_preferences"])
    assert send_daily_reminders(morning + dt.timedelta(days=2)) == 2  # due today: both sides concerned
    assert [message.to[0] for message in mail.outbox] == [world.tokyo_member.email]  # the owner switched off
    assert "Send the NDA" in mail.outbox[0].body


@pytest.mark.django_db
def test_operators_set_the_limits_and_bad_values_are_refused(world):
    operator = client_for(world.tokyo_operator)
    values = {"stale_after_met": "10", "stale_after_follow_up": "20", "stale_after_nda": "30",
              "stale_after_poc": "0", "stale_after_agreement": "90"}
    assert operator.post("/manage/tokyo/pipeline/settings/", values).status_code == 302
    saved = PipelineSettings.objects.get(hub=world.tokyo)
    assert (saved.stale_after_met, saved.stale_after("poc"), saved.stale_after(None)) == (10, 0, 10)
    page = operator.post("/manage/tokyo/pipeline/settings/", {**values, "stale_after_nda": "5000"})
    assert page.status_code == 200 and "3650" in page.content.decode()
    assert PipelineSettings.objects.get(hub=world.tokyo).stale_after_nda == 30


@pytest.mark.django_db
def test_reading_the_funnel_writes_nothing_and_a_write_marks_the_history(world, pair):
    PipelineSettings.objects.all().delete()
    assert client_for(world.tokyo_operator).get("/manage/tokyo/pipeline/").status_code == 200
    assert not PipelineSettings.objects.exists()  # a report reads under token 0 and writes no row
    met_days_ago(world, pair, 3, timezone.now())
    assert PipelineSettings.objects.get(hub=world.tokyo).history_token != 0

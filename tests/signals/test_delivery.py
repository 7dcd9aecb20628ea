"""New stories reach the members they concern by e-mail, in each reader's language, as each chose."""

import datetime as dt

import pytest
from django.core import mail

from bridgehub.accounts.domain.mailing import allowed_modes, send_due_digests
from bridgehub.accounts.models import DigestItem
from bridgehub.signals.domain.ingest import ingest
from tests.conftest import run_queued_tasks
from tests.signals.conftest import raw

UTC = dt.UTC


def _land(world, capture):
    with capture(execute=True):
        ingest(hub=world.tokyo, source=None, raw_items=[
            raw("Secret Chips opens an office in Taipei", "https://n.example/own", outlet="Nikkei Asia"),
            raw("Taipei Org raises funding", "https://n.example/not-tokyo"),
        ])
    assert run_queued_tasks("deliver_signals_task") == 1


@pytest.mark.django_db
def test_a_member_gets_the_story_in_their_language_with_its_title_as_written(world,
                                                                            django_capture_on_commit_callbacks):
    world.owner.language = "ja"
    world.owner.mail_preferences = {"signals": "instant"}
    world.owner.save()
    _land(world, django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [["owner@example.com"]]
    message = mail.outbox[0]
    assert message.subject == "[bridgehub] あなたへのニュース：1 件"
    assert "Secret Chips opens an office in Taipei［英語］（Nikkei Asia）" in message.body
    assert "あなたの組織「Secret Chips」に言及" in message.body
    assert "Taipei Org" not in message.body


@pytest.mark.django_db
def test_news_waits_for_the_daily_digest_by_default_or_the_weekly_one(world, django_capture_on_commit_callbacks):
    _land(world, django_capture_on_commit_callbacks)
    assert mail.outbox == [] and DigestItem.objects.filter(user=world.owner, topic="signals").count() == 1
    assert allowed_modes("signals") == ["instant", "daily", "weekly", "off"]
    assert allowed_modes("introductions") == ["instant", "daily", "off"]

    world.owner.mail_preferences = {"signals": "weekly"}
    world.owner.time_zone = "Asia/Tokyo"
    world.owner.save()
    DigestItem.objects.update(created_at=dt.datetime(2026, 12, 1, 0, 0, tzinfo=UTC))  # a Tuesday
    wednesday_nine_tokyo = dt.datetime(2026, 12, 2, 0, 0, tzinfo=UTC)
    monday_nine_tokyo = dt.datetime(2026, 12, 7, 0, 0, tzinfo=UTC)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_digests(wednesday_nine_tokyo) == 0
        assert send_due_digests(monday_nine_tokyo) == 1
    assert [message.subject for message in mail.outbox] == ["[bridgehub] Your weekly digest: 1 update"]

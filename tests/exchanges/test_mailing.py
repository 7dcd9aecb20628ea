"""Each person's language in e-mails, mail settings per topic, daily digests and one-click unsubscribe."""

import datetime as dt

from django.conf import settings
from django.core import mail
from django.utils import translation

from bridgehub.accounts.domain.invitations import send_invitation
from bridgehub.accounts.domain.mailing import send_due_digests, send_to_people, unsubscribe_token
from bridgehub.accounts.models import DigestItem, Notification
from bridgehub.exchanges.domain import participation
from tests.conftest import client_for

UTC = dt.UTC


def speak(user, language, **extra):
    user.language = language
    for name, value in extra.items():
        setattr(user, name, value)
    user.save()


def request_meeting(exchange, capture, note=""):
    with capture(execute=True):
        return participation.send_request(user=exchange.world.owner, sender=exchange.owner_reg,
                                          recipient=exchange.taipei_reg, note=note)


def test_each_recipient_reads_their_mail_in_their_own_language_only(exchange, django_capture_on_commit_callbacks):
    speak(exchange.world.taipei_member, "zh-hant")
    speak(exchange.world.owner, "ja")
    sent = request_meeting(exchange, django_capture_on_commit_callbacks)
    request_mail = mail.outbox[0]
    assert request_mail.subject.startswith("[bridgehub] ") and "會談" in request_mail.subject
    assert "asks to meet you" not in request_mail.body and "ミーティング" not in request_mail.body
    assert f"{settings.SITE_URL}/rounds/{exchange.round.pk}/#incoming" in request_mail.body  # absolute link

    with django_capture_on_commit_callbacks(execute=True):
        participation.respond(user=exchange.world.taipei_member, request=sent, accept=True)
    by_address = {message.to[0]: message for message in mail.outbox[1:]}
    japanese, chinese = by_address["owner@example.com"], by_address["taipei-member@example.com"]
    assert "agreed to meet" not in japanese.body and "agreed to meet" not in chinese.body
    assert japanese.subject != chinese.subject  # the same event, two languages, one each
    with translation.override("ja"):
        assert exchange.round.label_for("ja") in japanese.body  # the round's title read in Japanese


def test_a_newcomer_without_an_account_is_written_to_in_the_inviters_language(db):
    with translation.override("ja"):
        send_invitation("newcomer@example.com", "raw-token", lambda: "Example KK の管理者")
    assert "招待" in mail.outbox[0].subject and "You are invited" not in mail.outbox[0].body
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers  # account mails are essential


def test_a_topic_switched_off_sends_no_mail_but_keeps_the_inbox(exchange, django_capture_on_commit_callbacks):
    speak(exchange.world.taipei_member, "en", mail_preferences={"meeting_requests": "off"})
    request_meeting(exchange, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert Notification.objects.filter(user=exchange.world.taipei_member, kind="meeting_requested").exists()


def test_non_essential_mail_carries_a_one_click_unsubscribe_that_works(exchange, django_capture_on_commit_callbacks,
                                                                       client):
    request_meeting(exchange, django_capture_on_commit_callbacks)
    message = mail.outbox[0]
    header = message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = header.strip("<>")
    assert url in message.body and f"{settings.SITE_URL}/me/settings/" in message.body
    path = url.removeprefix(settings.SITE_URL)
    assert "Stop e-mails about" in client.get(path).content.decode()  # a look does not unsubscribe
    exchange.world.taipei_member.refresh_from_db()
    assert exchange.world.taipei_member.mail_mode("meeting_requests") == "instant"
    # A mail program's one-click POST: no session, no CSRF token.
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    exchange.world.taipei_member.refresh_from_db()
    assert exchange.world.taipei_member.mail_mode("meeting_requests") == "off"
    assert exchange.world.taipei_member.mail_mode("introductions") == "instant"  # only that topic


def test_an_altered_unsubscribe_link_is_refused(exchange, client):
    token = unsubscribe_token(exchange.world.taipei_member.pk, "meeting_requests")
    assert client.post(f"/unsubscribe/{token[:-2]}xx/").status_code == 404
    assert client.get("/unsubscribe/not-a-token/").status_code == 404


def test_daily_digest_collects_mails_and_leaves_once_a_day_after_eight_local(exchange,
                                                                             django_capture_on_commit_callbacks):
    member = exchange.world.taipei_member
    speak(member, "ja", time_zone="Asia/Taipei", mail_preferences={"meeting_requests": "daily"})
    request_meeting(exchange, django_capture_on_commit_callbacks, note="First")
    assert mail.outbox == [] and DigestItem.objects.filter(user=member, sent_at=None).count() == 1

    seven_taipei = dt.datetime(2026, 12, 4, 23, 0, tzinfo=UTC)  # 07:00 on the 5th in Taipei (UTC+8)
    DigestItem.objects.update(created_at=seven_taipei - dt.timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_digests(seven_taipei) == 1  # never sent before: the first digest leaves at once
    assert len(mail.outbox) == 1 and "First" in mail.outbox[0].body and "ダイジェスト" in mail.outbox[0].subject

    DigestItem.objects.create(user=member, topic="meeting_requests", subject="s", body="Second")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_digests(seven_taipei + dt.timedelta(minutes=30)) == 0  # 07:30: before today's 08:00
        assert send_due_digests(seven_taipei + dt.timedelta(hours=1, minutes=5)) == 1  # 08:05 Taipei
        assert send_due_digests(seven_taipei + dt.timedelta(hours=5)) == 0  # nothing waits
    assert [("Second" in m.body) for m in mail.outbox] == [False, True]


def test_time_critical_topics_cannot_wait_for_a_digest(db):
    from bridgehub.web.views.member import SettingsForm
    from tests.factories.core import UserFactory

    user = UserFactory()
    data = {"display_name": "Ann", "time_zone": "Asia/Tokyo", "language": "ja", "mail_reminders": "daily",
            **{f"mail_{topic}": "instant" for topic in ("introductions", "meeting_requests", "schedule",
                                                        "round_invitations")}}
    form = SettingsForm(data, instance=user)
    assert not form.is_valid() and "mail_reminders" in form.errors


def test_settings_page_saves_language_and_mail_choices(exchange):
    member = exchange.world.taipei_member
    client = client_for(member)
    response = client.post("/me/settings/", {
        "display_name": "Chen", "time_zone": "Asia/Taipei", "language": "zh-hant", "mail_introductions": "daily",
        "mail_meeting_requests": "off", "mail_reminders": "instant", "mail_schedule": "instant",
        "mail_round_invitations": "instant"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.language, member.mail_preferences) == ("zh-hant", {"introductions": "daily",
                                                                      "meeting_requests": "off"})
    page = client.get("/me/settings/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'lang="zh-hant"' in page and "設定" in page  # the account's language, whatever the browser says


def test_addresses_are_matched_to_accounts_whatever_their_case_and_deleted_ones_get_the_fallback(db):
    from django.utils import timezone

    from tests.factories.core import UserFactory

    UserFactory(email="live@example.com", language="ja")
    UserFactory(email="gone@example.com", language="ja", deleted_at=timezone.now())
    send_to_people(lambda: translation.gettext("Save"), lambda: "x", ["Live@example.com", "gone@example.com", ""],
                   fallback_language="zh-hant")
    assert [(m.to[0], m.subject) for m in mail.outbox] == [("gone@example.com", "[bridgehub] 儲存"),
                                                           ("live@example.com", "[bridgehub] 保存")]

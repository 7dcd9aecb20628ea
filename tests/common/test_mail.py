"""Mail never breaks a saved change: one line subjects, one recipient per message, retries."""

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from bridgehub.accounts.domain.mailing import send_to_people
from bridgehub.common.mail import deliver, one_line
from bridgehub.common.models import OutgoingMail

DOWN = "tests.common.mailservers.DownMailServer"


def test_a_subject_is_folded_to_one_line():
    assert one_line("Acme\nBcc: victim@example.com\r\n  Ltd") == "Acme Bcc: victim@example.com Ltd"


@pytest.mark.django_db
def test_each_recipient_gets_a_message_of_their_own():
    send_to_people(lambda: "Agreed", lambda: "Body", ["b@example.com", "a@example.com", "a@example.com"],
                   attachments=[("agenda.ics", b"BEGIN:VCALENDAR", "text/calendar")])
    assert [message.to for message in mail.outbox] == [["a@example.com"], ["b@example.com"]]
    assert all(message.attachments[0][0] == "agenda.ics" for message in mail.outbox)


@pytest.mark.django_db
def test_a_newline_in_a_subject_does_not_stop_the_mail():
    assert deliver(EmailMessage("Approved: Evil\nBcc: x@example.com", "body", None, ["a@example.com"])) is True
    assert mail.outbox[0].subject == "Approved: Evil Bcc: x@example.com"
    assert mail.outbox[0].message()["Bcc"] is None


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_that_is_down_is_logged_and_retried_by_the_worker(settings, caplog):
    settings.EMAIL_BACKEND = DOWN
    assert deliver(EmailMessage("Hello", "body", None, ["a@example.com"],
                                attachments=[("a.ics", b"ICS", "text/calendar")])) is False
    kept = OutgoingMail.objects.get()
    assert (kept.to, kept.attempts, kept.last_error) == (
        "a@example.com", 1, "SMTPServerDisconnected: Connection unexpectedly closed")
    assert "mail to a@example.com not sent" in caplog.text
    retry = DBTaskResult.objects.get(task_path="bridgehub.common.tasks.retry_mail_task")
    assert retry.args_kwargs["args"] == [kept.pk] and retry.run_after is not None

    DBTaskResult.objects.update(run_after=timezone.now())  # the retry is due
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    kept.refresh_from_db()
    assert kept.sent_at is not None
    assert [(m.to, m.subject, m.attachments[0][1]) for m in mail.outbox] == [(["a@example.com"], "Hello", "ICS")]


@pytest.mark.django_db
def test_retries_give_up_after_a_day(settings):
    from bridgehub.common.mail import RETRY_DELAYS, retry_kept_mail

    settings.EMAIL_BACKEND = DOWN
    deliver(EmailMessage("Hello", "body", None, ["a@example.com"]))
    kept = OutgoingMail.objects.get()
    outcomes = [retry_kept_mail(kept.pk) for _ in range(len(RETRY_DELAYS) + 1)]
    kept.refresh_from_db()
    assert outcomes == ["failed"] * len(RETRY_DELAYS) + ["gone"]
    assert kept.gave_up_at is not None and kept.sent_at is None

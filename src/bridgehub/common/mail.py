"""Outgoing e-mail: one message per recipient, single-line subjects, failures kept and retried.

Every e-mail leaves through `deliver`. A message goes to one recipient only, so nobody learns
another member's login address from the To: line. A subject is folded to one line (a newline in
an organisation's name would otherwise make Django refuse the whole message), and a mail server
that refuses or cannot be reached is logged and retried by the background worker: the change that
caused the e-mail is already saved and the person sees no error.

Mails to people are written by `bridgehub.accounts.domain.mailing.send_to_people`, each in its
recipient's language; this module only carries them.
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import logging

from django.core.mail import EmailMessage
from django.utils import timezone

RETRY_DELAYS = [dt.timedelta(minutes=minutes) for minutes in (1, 5, 30, 120, 480, 1440)]
log = logging.getLogger("bridgehub.mail")


def one_line(text: str, limit: int = 200) -> str:
    """Header-safe text: every run of whitespace (newlines included) becomes one space."""
    folded = " ".join(str(text).split())
    return folded if len(folded) <= limit else folded[: limit - 1] + "…"


def deliver(message: EmailMessage) -> bool:
    """Send `message` to each of its recipients separately; what fails is kept and retried.

    Returns True when every copy went out now. Never raises for a mail-server problem.
    Side effects: an OutgoingMail row and a queued retry per copy that could not be sent.
    """
    message.subject = one_line(str(message.subject))
    all_sent = True
    for recipient in sorted({address for address in message.to if address}):
        single = copy.copy(message)  # keeps the class (an HTML alternative travels along)
        single.to, single.cc, single.bcc = [recipient], [], []
        try:
            single.send()
        except Exception as error:  # noqa: BLE001 - any transport error: keep the mail, never fail the request
            all_sent = False
            _keep_for_retry(single, error)
    return all_sent


def _keep_for_retry(message: EmailMessage, error: Exception) -> None:
    from bridgehub.common.models import OutgoingMail
    from bridgehub.common.tasks import retry_mail_task

    log.warning("mail to %s not sent (%s: %s); kept for retry", message.to[0], type(error).__name__, error)
    attachments = [[name, base64.b64encode(content if isinstance(content, bytes) else content.encode()).decode(),
                    mimetype] for name, content, mimetype in message.attachments]
    kept = OutgoingMail.objects.create(subject=str(message.subject)[:255], body=str(message.body),
                                       from_email=message.from_email, to=message.to[0], attachments=attachments,
                                       last_error=f"{type(error).__name__}: {error}"[:500])
    retry_mail_task.using(run_after=timezone.now() + RETRY_DELAYS[0]).enqueue(kept.pk)


def retry_kept_mail(mail_id: int) -> str:
    """One more try for a kept message; on failure, the next try is queued later, up to a day.

    Side effects: the OutgoingMail row's attempt count, error, sent or gave-up time; a queued retry.
    """
    from bridgehub.common.models import OutgoingMail
    from bridgehub.common.tasks import retry_mail_task

    kept = OutgoingMail.objects.filter(pk=mail_id, sent_at=None, gave_up_at=None).first()
    if kept is None:
        return "gone"
    message = EmailMessage(kept.subject, kept.body, kept.from_email, [kept.to],
                           attachments=[(name, base64.b64decode(content), mimetype)
                                        for name, content, mimetype in kept.attachments])
    try:
        message.send()
    except Exception as error:  # noqa: BLE001 - any transport error counts as one failed attempt
        kept.attempts += 1
        kept.last_error = f"{type(error).__name__}: {error}"[:500]
        if kept.attempts > len(RETRY_DELAYS):
            kept.gave_up_at = timezone.now()
            log.error("mail %s to %s given up after %s attempts: %s", kept.pk, kept.to, kept.attempts, error)
        else:
            retry_mail_task.using(run_after=timezone.now() + RETRY_DELAYS[kept.attempts - 1]).enqueue(kept.pk)
        kept.save(update_fields=["attempts", "last_error", "gave_up_at"])
        return "failed"
    kept.sent_at = timezone.now()
    kept.save(update_fields=["sent_at"])
    return "sent"

"""E-mails to people, each written in its recipient's language only and sent as they chose.

Callers hand over the subject and the body as functions: they are called once per recipient under
that person's language (every name and date inside them is made there, not before). An address that
belongs to no account (an invitation to a newcomer) is written in `fallback_language`, else in the
language active when the mail is sent (the acting person's).

A mail with a `topic` is non-essential: its recipient may have switched the topic off, or asked for
it in a daily digest; it carries a link to the mail settings and a one-click unsubscribe link (also
as the List-Unsubscribe header, RFC 8058). Mails without a topic (the account, trust decisions,
hub applications) always go out at once.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bridgehub.accounts.enums import DEFAULT_MODES, INSTANT_ONLY_TOPICS, WEEKLY_TOPICS, MailMode, MailTopic
from bridgehub.accounts.models import DigestItem, User
from bridgehub.common.mail import deliver, one_line

UNSUBSCRIBE_SALT = "bridgehub.mail.unsubscribe"
DIGEST_HOUR = 8  # a daily digest leaves at or after 08:00 in its reader's time zone


def absolute(path: str) -> str:
    """A link for an e-mail: the configured site address in front of a path of the site."""
    return f"{settings.SITE_URL}{path}" if path.startswith("/") else path


def unsubscribe_token(user_id: int, topic: str) -> str:
    return signing.dumps({"u": user_id, "t": topic}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """The (user id, topic) a link stands for, or None when it was altered or names no topic."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("t") not in MailTopic.values or not isinstance(data.get("u"), int):
        return None
    return data["u"], data["t"]


def allowed_modes(topic: str) -> list[str]:
    if topic in INSTANT_ONLY_TOPICS:
        return [MailMode.INSTANT, MailMode.OFF]
    if topic in WEEKLY_TOPICS:
        return list(MailMode.values)
    return [MailMode.INSTANT, MailMode.DAILY, MailMode.OFF]


def set_mail_mode(user: User, topic: str, mode: str) -> None:
    if topic not in MailTopic.values or mode not in allowed_modes(topic):
        raise ValueError(f"{mode!r} is not a choice for {topic!r}")
    preferences = dict(user.mail_preferences)
    if mode == DEFAULT_MODES.get(topic, MailMode.INSTANT):
        preferences.pop(topic, None)
    else:
        preferences[topic] = mode
    user.mail_preferences = preferences
    user.save(update_fields=["mail_preferences"])


def _footer(user: User | None, topic: str | None) -> tuple[str, dict[str, str]]:
    if user is None or topic is None:
        return "", {}
    unsubscribe = absolute(reverse("web:unsubscribe", kwargs={"token": unsubscribe_token(user.pk, topic)}))
    text = "\n\n-- \n" + _("You receive this because of your mail settings (%(topic)s). Change them: %(settings)s\n"
                           "Stop these mails with one click: %(unsubscribe)s") % {
        "topic": MailTopic(topic).label, "settings": absolute(reverse("web:settings")), "unsubscribe": unsubscribe}
    headers = {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return text, headers


def send_to_people(subject: Callable[[], str], body: Callable[[], str], to: Iterable[str], *,
                   topic: str | None = None, link: str = "", fallback_language: str | None = None,
                   attachments: Iterable[tuple[str, bytes, str]] = ()) -> int:
    """One mail per address, in the recipient's language; returns how many left now (digests excluded).

    `link` is a path of the site where the recipient acts; it is written out absolute under the body.
    """
    recipients = sorted({address.lower() for address in to if address})
    if not recipients:
        return 0
    accounts = {user.email: user for user in User.objects.filter(email__in=recipients, deleted_at=None)}
    fallback = fallback_language or translation.get_language() or settings.LANGUAGE_CODE
    files = list(attachments)
    sent = 0
    for address in recipients:
        user = accounts.get(address)
        mode = user.mail_mode(topic) if user is not None and topic else MailMode.INSTANT
        if mode == MailMode.OFF:
            continue
        with translation.override(user.language if user is not None else fallback):
            title = one_line(subject())
            text = body()
            if link:
                text += "\n\n" + _("Open: %(url)s") % {"url": absolute(link)}
            footer, headers = _footer(user, topic)
        if mode in (MailMode.DAILY, MailMode.WEEKLY) and user is not None and topic and not files:
            DigestItem.objects.create(user=user, topic=topic, subject=title, body=text)
            continue
        message = EmailMessage(f"[bridgehub] {title}", text + footer, settings.DEFAULT_FROM_EMAIL, [address],
                               headers=headers)
        for name, content, mimetype in files:
            message.attach(name, content, mimetype)
        deliver(message)
        sent += 1
    return sent


def _zone(user: User) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(user.time_zone)
    except zoneinfo.ZoneInfoNotFoundError:
        return zoneinfo.ZoneInfo("UTC")


def _weekly_due(user: User, now: dt.datetime, items: list[Any]) -> bool:
    """A weekly digest's items leave with the Monday digest (reader's time), or once one waited a week."""
    local_now = now.astimezone(_zone(user))
    monday = local_now.weekday() == 0 and local_now.hour >= DIGEST_HOUR
    return monday or any(now - item.created_at >= dt.timedelta(days=7) for item in items)


def _digest_due(user: User, now: dt.datetime, last_sent: dt.datetime | None) -> bool:
    """Due once the reader's local clock passed DIGEST_HOUR and no digest left since that moment."""
    local_now = now.astimezone(_zone(user))
    today_at = local_now.replace(hour=DIGEST_HOUR, minute=0, second=0, microsecond=0)
    due_from = today_at if local_now >= today_at else today_at - dt.timedelta(days=1)
    return last_sent is None or last_sent < due_from


def send_due_digests(now: dt.datetime | None = None) -> int:
    """Sends each person whose digest is due one mail with everything waiting; returns how many mails.

    Safe to run often and concurrently: a person's waiting items are claimed in one transaction.
    """
    now = now or timezone.now()
    waiting_users = User.objects.filter(digest_items__sent_at=None).distinct()
    sent = 0
    for user in waiting_users:
        last = (DigestItem.objects.filter(user=user).exclude(sent_at=None)
                .order_by("-sent_at").values_list("sent_at", flat=True).first())
        if not _digest_due(user, now, last):
            continue
        with transaction.atomic():
            items = list(DigestItem.objects.select_for_update().filter(user=user, sent_at=None))
            weekly = [item for item in items if user.mail_mode(item.topic) == MailMode.WEEKLY]
            if weekly and not _weekly_due(user, now, weekly):
                items = [item for item in items if item not in weekly]
            if not items:
                continue
            DigestItem.objects.filter(pk__in=[item.pk for item in items]).update(sent_at=now)
            weekly_only = all(item in weekly for item in items)
            transaction.on_commit(partial(_send_digest, user, items, weekly_only))
        sent += 1
    return sent


def _send_digest(user: User, items: list[Any], weekly_only: bool = False) -> None:
    with translation.override(user.language):
        count = len(items)
        if weekly_only:
            title = translation.ngettext("Your weekly digest: %(count)d update",
                                         "Your weekly digest: %(count)d updates", count) % {"count": count}
        else:
            title = translation.ngettext("Your daily digest: %(count)d update",
                                         "Your daily digest: %(count)d updates", count) % {"count": count}
        parts = [f"{item.subject}\n\n{item.body}" for item in items]
        footer = "\n\n-- \n" + _("Change what reaches you and how: %(settings)s") % {
            "settings": absolute(reverse("web:settings"))}
    deliver(EmailMessage(f"[bridgehub] {title}", "\n\n* * *\n\n".join(parts) + footer, settings.DEFAULT_FROM_EMAIL,
                         [user.email]))

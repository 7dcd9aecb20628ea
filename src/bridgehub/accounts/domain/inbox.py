"""A person's inbox: what happened that concerns them, unread until they open it.

Other apps write entries with `notify` from their after-commit callbacks (next to the e-mail), so an
entry never announces something a rolled-back transaction undid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from bridgehub.accounts.models import Notification
from bridgehub.common.statements import Count, Names


def _unread_of_a_user(n: Names) -> str:
    return (f"FROM {n.table(Notification)} e WHERE e.{n.column(Notification, 'user')} = %s "  # noqa: S608
            f"AND e.{n.column(Notification, 'read_at')} IS NULL")


# Read on every page (the top bar's count): a statement (common/statements.py says why).
_UNREAD = Count(_unread_of_a_user)

KEEP_READ_DAYS = 180  # read entries older than this are pruned by `prune_read`


def notify(user_ids: Iterable[int | None], kind: str, url: str, *, mentions: Iterable[int | None] = (),
           **params: Any) -> int:
    """One entry per distinct person. Params are names and short texts as written (never interface
    strings: those are made at reading time); `mentions` lists the accounts whose names or words they
    hold. Returns how many entries were written."""
    recipients = sorted({user_id for user_id in user_ids if user_id})
    mentioned = " ".join(str(user_id) for user_id in sorted({m for m in mentions if m}))
    Notification.objects.bulk_create(
        [Notification(user_id=user_id, kind=kind, url=url, params=params,
                      mentions=f" {mentioned} " if mentioned else "") for user_id in recipients])
    return len(recipients)


def forget_mentions(user: Any, deleted_label: dict[str, str]) -> int:
    """Scrubs a deleted account from other people's inboxes: its name becomes `deleted_label` (one text
    per interface language) and quoted notes go (the deleted person may have written them).
    Returns how many entries changed."""
    name = user.display_name.strip()
    changed = []
    for entry in Notification.objects.filter(mentions__contains=f" {user.pk} "):
        params = {key: value for key, value in entry.params.items() if key != "note"}
        if name:
            params = {key: _replace_name(value, name, deleted_label) for key, value in params.items()}
        entry.params = params
        entry.mentions = entry.mentions.replace(f" {user.pk} ", " ").strip()
        entry.mentions = f" {entry.mentions} " if entry.mentions else ""
        changed.append(entry)
    Notification.objects.bulk_update(changed, ["params", "mentions"])
    return len(changed)


def _replace_name(value: Any, name: str, label: dict[str, str]) -> Any:
    if isinstance(value, str) and name in value:
        return {language: value.replace(name, text) for language, text in label.items()}
    if isinstance(value, dict):
        return {key: (text.replace(name, label.get(key, label["en"])) if isinstance(text, str) else text)
                for key, text in value.items()}
    return value


def inbox_for(user: Any) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user)


def unread_count(user: Any) -> int:
    if not user.is_authenticated:
        return 0
    return _UNREAD.value([user.pk])


def open_entry(*, user: Any, notification_id: int) -> Notification | None:
    """Marks one of the user's own entries read and returns it (None for anyone else's: no leak)."""
    with transaction.atomic():
        entry = Notification.objects.select_for_update().filter(user=user, pk=notification_id).first()
        if entry is not None and entry.read_at is None:
            entry.read_at = timezone.now()
            entry.save(update_fields=["read_at"])
    return entry


def mark_all_read(*, user: Any) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


def prune_read(now: Any = None) -> int:
    """Deletes read entries older than KEEP_READ_DAYS (unread ones stay until read)."""
    now = now or timezone.now()
    deleted, _per_model = Notification.objects.filter(
        read_at__lt=now - dt.timedelta(days=KEEP_READ_DAYS)).delete()
    return deleted

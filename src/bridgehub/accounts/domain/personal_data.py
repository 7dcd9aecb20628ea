"""A member's rights over the data held about them (Taiwan PDPA, Japan APPI): a copy of all of
it in one JSON file, and deletion of the account.

Each data app registers a section (what it holds about a person, and how to erase it) when it
starts, so this module, at the bottom of the app line, never imports the apps above it. Deletion
keeps the rows other people depend on (meetings, introductions, feedback): the account row stays
as "deleted member" with no personal field left, and each app clears what it holds.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bridgehub.accounts.domain import inbox
from bridgehub.accounts.inbox_texts import every_language
from bridgehub.accounts.models import ApiToken, Notification, User

FORMAT = "bridgehub-personal-data/1"


@dataclass(frozen=True)
class Section:
    name: str
    export: Callable[[User], Any]
    erase: Callable[[User], None]


_SECTIONS: list[Section] = []


def register(name: str, export: Callable[[User], Any], erase: Callable[[User], None]) -> None:
    """Called from each data app's ready(): `export` returns JSON-ready data, `erase` clears it."""
    if not any(section.name == name for section in _SECTIONS):
        _SECTIONS.append(Section(name, export, erase))


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _account(user: User) -> dict[str, Any]:
    return {
        "email": user.email, "display_name": user.display_name, "time_zone": user.time_zone,
        "date_joined": _iso(user.date_joined), "last_login": _iso(user.last_login),
        "email_addresses": [{"email": a.email, "verified": a.verified, "primary": a.primary}
                            for a in EmailAddress.objects.filter(user=user)],
        "api_tokens": [{"name": t.name, "prefix": t.prefix, "created_at": _iso(t.created_at),
                        "last_used_at": _iso(t.last_used_at)} for t in user.api_tokens.all()],
        "two_factor_methods": sorted(Authenticator.objects.filter(user=user).values_list("type", flat=True)),
        "inbox": [{"kind": n.kind, "params": n.params, "url": n.url, "created_at": _iso(n.created_at),
                   "read_at": _iso(n.read_at)} for n in Notification.objects.filter(user=user)],
    }


def export_personal_data(user: User) -> dict[str, Any]:
    """Everything held about `user`, by app, as one JSON-ready object."""
    data: dict[str, Any] = {"format": FORMAT, "exported_at": timezone.now().isoformat(), "account": _account(user)}
    for section in _SECTIONS:
        data[section.name] = section.export(user)
    return data


def delete_account(*, user: User) -> None:
    """Erase `user`'s personal data and close the account, in one transaction.

    Side effects: every registered app clears what it holds (newest app first); the account row
    stays, renamed to an address that says nothing, with no name, no usable password and inactive;
    its e-mail addresses, API tokens, two-factor devices and admin-log descriptions are removed.
    """
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        for section in reversed(_SECTIONS):
            section.erase(user)
        old_email = user.email
        EmailAddress.objects.filter(user=user).delete()
        ApiToken.objects.filter(user=user).delete()
        Notification.objects.filter(user=user).delete()
        inbox.forget_mentions(user, every_language(lambda: str(_("deleted member"))))
        Authenticator.objects.filter(user=user).delete()
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(User),
                                object_id=str(user.pk)).update(object_repr="", change_message="")
        user.email = f"deleted-{uuid.uuid4().hex}@deleted.invalid"
        user.display_name = ""
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.deleted_at = timezone.now()
        user.set_unusable_password()
        user.save()
        _forget_outgoing_mail(old_email)


def _forget_outgoing_mail(email: str) -> None:
    from bridgehub.common.models import OutgoingMail

    OutgoingMail.objects.filter(to__iexact=email).delete()

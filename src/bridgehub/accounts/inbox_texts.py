"""The sentence of each kind of inbox entry, made in the reader's language when it is shown.

Each kind names the params it needs; a missing one shows as "?" rather than breaking the inbox, since
entries outlive the rows they mention (a deleted organisation, a renamed round).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from bridgehub.accounts.enums import NotificationKind as Kind

_TEXTS: dict[str, Callable[[], str]] = {
    Kind.INTRODUCTION_REQUESTED: lambda: _("%(requester)s asks to be introduced to %(recipient)s."),
    Kind.INTRODUCTION_ACCEPTED: lambda: _("%(recipient)s accepted your introduction and shared a contact."),
    Kind.INTRODUCTION_DECLINED: lambda: _("%(recipient)s declined your introduction for now."),
    Kind.MEETING_REQUESTED: lambda: _("%(sender)s asks to meet you in %(round)s."),
    Kind.MEETING_AGREED: lambda: _("%(sender)s and %(recipient)s agreed to meet in %(round)s."),
    Kind.MEETING_DECLINED: lambda: _("%(recipient)s declined your meeting request in %(round)s."),
    Kind.REQUEST_EXPIRED: lambda: _("Your request to %(recipient)s in %(round)s expired without an answer."),
    Kind.REQUEST_REMINDER: lambda: _("%(sender)s is waiting for your answer in %(round)s (expires within a day)."),
    Kind.AGENDA_CHANGED: lambda: _("Your agenda for %(round)s is published or changed."),
    Kind.MEETING_CANCELLED: lambda: _("%(by)s cancelled your meeting with %(other)s in %(round)s."),
    Kind.MEETING_RESTORED: lambda: _("%(by)s took back the cancellation: your meeting with %(other)s in "
                                     "%(round)s is on again."),
    Kind.ROUND_INVITATION: lambda: _("You are invited to %(round)s. Confirm your availability to take part."),
    Kind.APPLICATION_DECIDED: lambda: _("%(hub)s approved %(organisation)s: it can now take part in the hub."),
    Kind.APPLICATION_DECLINED: lambda: _("%(hub)s did not approve %(organisation)s."),
}


def sentence(kind: str, params: dict) -> str:
    """The entry as one sentence in the active language (user content inside it stays as written)."""
    make = _TEXTS.get(kind)
    if make is None:
        return kind
    language = (get_language() or "en").lower()
    values = {key: _in_language(value, language) for key, value in params.items()}
    return make() % defaultdict(lambda: "?", values)


def _in_language(value: object, language: str) -> str:
    """A value stored per interface language ({"zh-hant": …, "ja": …, "en": …}, like a hub's name) is read
    in the active one; anything else is shown as stored."""
    if isinstance(value, dict):
        return str(value.get(language) or value.get("en") or next(iter(value.values()), ""))
    return str(value)


def detail(params: dict) -> str:
    """A quoted line the other person wrote (a request note, a cancellation reason), if any."""
    return str(params.get("note", ""))


def every_language(make: Callable[[], str]) -> dict[str, str]:
    """An interface phrase kept in all three languages (e.g. "the hub" as the one who acted), so the
    entry reads right whatever language its reader switches to later."""
    texts = {}
    for language in ("zh-hant", "ja", "en"):
        with override(language):
            texts[language] = make()
    return texts

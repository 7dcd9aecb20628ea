"""Programmes, rounds and their interpreter pools (operator actions)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bridgehub.exchanges.domain import notify
from bridgehub.exchanges.enums import RoundStatus, SpokenLanguage
from bridgehub.exchanges.models import Interpreter, Programme, Registration, Round
from bridgehub.hubs.domain.queries import operated_hub_ids
from bridgehub.hubs.models import Hub


class ExchangeError(ValueError):
    """A rule of the exchange was broken; the message is for the person who tried."""


def check_operator(user: Any, hub: Hub) -> None:
    if hub.pk not in operated_hub_ids(user):
        raise PermissionDenied


def create_programme(*, user: Any, hub: Hub, name: str, description: str = "", cadence: str = "",
                     name_zh_hant: str = "", name_ja: str = "", name_en: str = "") -> Programme:
    """A programme with its working name and, where given, its name in each interface language."""
    check_operator(user, hub)
    return Programme.objects.create(hub=hub, name=name, description=description, cadence=cadence,
                                    name_zh_hant=name_zh_hant, name_ja=name_ja, name_en=name_en)


def save_round(*, user: Any, round_: Round) -> Round:
    """Create or update a round (fields already validated by its form).

    A published round keeps its slot grid: shrinking it would strand confirmed meetings.
    """
    check_operator(user, round_.programme.hub)
    if round_.pk:
        before = Round.objects.get(pk=round_.pk)
        if before.status == RoundStatus.PUBLISHED and (
            round_.slot_count < before.slot_count or round_.starts_at != before.starts_at
            or round_.slot_minutes != before.slot_minutes
        ):
            raise ExchangeError(_("The schedule is published: the time grid can grow, but not move or shrink."))
    else:
        round_.created_by = user
        if not round_.time_zone:
            round_.time_zone = round_.programme.hub.time_zone
    round_.save()
    return round_


def set_status(*, user: Any, round_: Round, status: str) -> Round:
    """Open a draft for registration, or close a round after the day."""
    check_operator(user, round_.programme.hub)
    allowed = {RoundStatus.DRAFT: {RoundStatus.OPEN}, RoundStatus.OPEN: {RoundStatus.DRAFT, RoundStatus.CLOSED},
               RoundStatus.PUBLISHED: {RoundStatus.CLOSED}, RoundStatus.CLOSED: set()}
    if status not in allowed[RoundStatus(round_.status)]:
        raise ExchangeError(_("A round cannot go from “%(old)s” to “%(new)s”.")
                            % {"old": round_.get_status_display(), "new": RoundStatus(status).label})
    round_.status = status
    round_.save(update_fields=["status"])
    return round_


def clean_slots(round_: Round, slots: list[int]) -> list[int]:
    bad = [s for s in slots if not 0 <= s < round_.slot_count]
    if bad:
        raise ExchangeError(_("Slot %(slot)s does not exist in this round.") % {"slot": bad[0] + 1})
    return sorted(set(slots))


def clean_languages(languages: list[str], *, minimum: int = 1) -> list[str]:
    known = set(SpokenLanguage.values)
    unknown = [code for code in languages if code not in known]
    if unknown:
        raise ExchangeError(_("Unknown language: %(code)s.") % {"code": unknown[0]})
    if len(set(languages)) < minimum:
        raise ExchangeError(ngettext("Choose at least %(count)d language.", "Choose at least %(count)d languages.",
                                     minimum) % {"count": minimum})
    return sorted(set(languages))


def add_interpreter(*, user: Any, round_: Round, name: str, languages: list[str],
                    available_slots: list[int]) -> Interpreter:
    check_operator(user, round_.programme.hub)
    return Interpreter.objects.create(
        round=round_, name=name, languages=clean_languages(languages, minimum=2),
        available_slots=clean_slots(round_, available_slots or list(round_.slots)),
    )


def remove_interpreter(*, user: Any, interpreter: Interpreter) -> None:
    """Remove from the pool. Meetings already published keep running without them until re-solved."""
    check_operator(user, interpreter.round.programme.hub)
    interpreter.delete()


def carry_over(*, user: Any, round_: Round, notify_people: bool = True) -> int:
    """Invite the previous round's participants into this one (unconfirmed until they confirm).

    Side effects: one unconfirmed registration per newly invited person, with their languages copied
    and every slot offered; an invitation e-mail to each after commit. Returns
    how many were invited.
    """
    check_operator(user, round_.programme.hub)
    if round_.previous is None:
        raise ExchangeError(_("This round does not name a previous round to carry participants over from."))
    with transaction.atomic():
        already = set(Registration.objects.filter(round=round_).values_list("user_id", flat=True))
        invited = [
            Registration(round=round_, user_id=old.user_id, organisation_id=old.organisation_id,
                         languages=old.languages, available_slots=list(round_.slots), max_meetings=old.max_meetings,
                         confirmed=False)
            for old in Registration.objects.filter(round=round_.previous, confirmed=True)
            if old.user_id not in already
        ]
        Registration.objects.bulk_create(invited)
        if notify_people:
            transaction.on_commit(lambda: notify.carried_over(round_, [r.user_id for r in invited]))
    return len(invited)

"""Introductions: a reader asks to be introduced to a recommended counterpart, who accepts or declines.

Both answers feed the ranking (docs/matching.md): an accepted introduction raises the recipient for
everyone a little; a declined one lowers it. The recipient's members get an e-mail; on acceptance
the requester's members get the recipient's public contact.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bridgehub.common.mail import one_line
from bridgehub.hubs.models import Hub
from bridgehub.matchmaking.domain.access import is_reader
from bridgehub.matchmaking.domain.feedback import FeedbackError, record_signal
from bridgehub.matchmaking.domain.refresh import hub_ids_of
from bridgehub.matchmaking.enums import IntroDeclineReason, IntroStatus, Signal
from bridgehub.matchmaking.models import Introduction, MatchProfile
from bridgehub.trust.domain.cases import blocked_reason
from bridgehub.trust.domain.screening import record_screening, screen_note

# A "no" is respected for a quarter before the same pair may ask again.
DECLINE_COOLDOWN = dt.timedelta(days=90)
CONTACT_MAX_LENGTH = 200


def default_contact_for(user: Any) -> str:
    """What the answer form offers to share: the person's own contact address or phone, never the login."""
    person = getattr(user, "person", None) if getattr(user, "is_authenticated", False) else None
    if person is None:
        return ""
    return person.contact_email or person.phone


@transaction.atomic
def request_introduction(*, user: Any, reader: MatchProfile, target: MatchProfile, hub: Hub,
                         note: str = "") -> Introduction:
    if not is_reader(user, reader):
        raise FeedbackError(_("You do not belong to this profile."))
    if hub.pk not in hub_ids_of(reader) or hub.pk not in hub_ids_of(target):
        raise FeedbackError(_("Both sides must be members of the hub."))
    if reader.pk == target.pk or (reader.kind == "startup") == (target.kind == "startup"):
        raise FeedbackError(_("Introductions are between a start-up and a counterpart."))
    if (blocked := blocked_reason(user, hub)) is not None:
        raise FeedbackError(blocked)
    declined = (Introduction.objects.filter(requester=reader, recipient=target, status=IntroStatus.DECLINED,
                                            answered_at__gt=timezone.now() - DECLINE_COOLDOWN)
                .order_by("-answered_at").first())
    if declined is not None and declined.answered_at is not None:
        raise FeedbackError(_("They declined an introduction on %(date)s; you can ask again from %(again)s.") % {
            "date": declined.answered_at.date().isoformat(),
            "again": (declined.answered_at + DECLINE_COOLDOWN).date().isoformat()})
    try:
        with transaction.atomic():
            screening = screen_note(text=note[:500], user=user, organisation=reader.organisation, hub=hub,
                                    recipient_kind=target.kind)
            intro = Introduction.objects.create(
                hub=hub, requester=reader, recipient=target, requested_by=user, note=note[:500],
                screen_score=screening.verdict.score if screening else 0.0,
                screen_reasons=list(screening.verdict.reasons) if screening else [],
                screen_outcome=screening.outcome if screening else "delivered")
            record_screening(screening=screening, hub=hub, user=user, organisation=reader.organisation,
                             ref=f"introduction:{intro.pk}", text=note[:500])
    except IntegrityError:
        raise FeedbackError(_("An introduction to them is already waiting for an answer.")) from None
    record_signal(reader, target, Signal.INTRO_REQUESTED, user)
    from bridgehub.matchmaking.domain.notify import introduction_requested

    transaction.on_commit(lambda: introduction_requested(intro.pk))
    return intro


@transaction.atomic
def answer_introduction(*, user: Any, introduction: Introduction, accept: bool, reason: str = "",
                        contact: str = "") -> Introduction:
    """Accept (sharing the contact the answerer chose, never their login address) or decline.

    Side effects: the introduction's status, answer and shared contact; a ranking signal; after
    commit, an e-mail to the requester's members.
    """
    intro = (Introduction.objects.select_for_update(of=("self",)).select_related("recipient__person")
             .get(pk=introduction.pk))  # lock the introduction only (Postgres refuses outer-joined rows)
    if not is_reader(user, intro.recipient):
        raise FeedbackError(_("Only the recipient answers an introduction."))
    if intro.status != IntroStatus.PENDING:
        raise FeedbackError(_("This introduction was already answered."))
    if not accept and reason not in IntroDeclineReason.values:
        raise FeedbackError(_("Unknown reason “%(reason)s”: choose one of %(choices)s.") % {
            "reason": reason, "choices": ", ".join(IntroDeclineReason.values)})
    contact = one_line(contact, CONTACT_MAX_LENGTH + 1)
    if accept and not contact:
        raise FeedbackError(_("Say how they can reach you: an e-mail address, a phone number or a link."))
    if len(contact) > CONTACT_MAX_LENGTH:
        raise FeedbackError(_("The contact is longer than %(max)s characters.") % {"max": CONTACT_MAX_LENGTH})
    intro.shared_contact = contact if accept else ""
    intro.status = IntroStatus.ACCEPTED if accept else IntroStatus.DECLINED
    intro.decline_reason = "" if accept else reason
    intro.answered_by = user
    intro.answered_at = timezone.now()
    intro.save()
    # The signal is about the recipient, seen from the requester: it moves the recipient's prior.
    record_signal(intro.requester, intro.recipient, Signal.INTRO_ACCEPTED if accept else Signal.INTRO_DECLINED, user)
    from bridgehub.matchmaking.domain.notify import introduction_answered

    transaction.on_commit(lambda: introduction_answered(intro.pk))
    return intro

"""Screening what one member writes to another (introduction notes, meeting-request notes).

The note is never deleted. Below the hub's caution threshold it is delivered as it is; from there a
note that looks like a known scam reaches the recipient with a caution naming the signals; from
the hold threshold (a hub setting) the note is held until an operator reviews it (the request
itself arrives, saying a note is held). Every decision is logged. The sender's profile and
behaviour feed the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from bridgehub.directory.models import Organisation
from bridgehub.engines.trust.screen import Sender, Verdict, screen, tuned_rules
from bridgehub.hubs.models import Hub
from bridgehub.trust.domain import hooks
from bridgehub.trust.domain.verification import is_verified
from bridgehub.trust.enums import CaseKind, CaseStatus, ScreenOutcome
from bridgehub.trust.models import Case, ScreenLog, TrustSettings


@dataclass(frozen=True)
class Screening:
    verdict: Verdict
    outcome: str  # ScreenOutcome


def settings_for(hub: Hub) -> TrustSettings:
    """The hub's settings row, or the defaults (unsaved) when the hub never changed them."""
    found = TrustSettings.objects.filter(hub=hub).first()
    return found if found is not None else TrustSettings(hub=hub)


def reports_about(user: Any, hub: Hub) -> int:
    """Reports about `user` in `hub` that are not dismissed (open, escalated, or acted on)."""
    return (Case.objects.filter(hub=hub, subject_user=user, kind=CaseKind.REPORT)
            .exclude(status=CaseStatus.RESOLVED, resolution="dismiss").count())


def sender_for(user: Any, organisation: Organisation | None, hub: Hub) -> Sender:
    now = timezone.now()
    sent = hooks.sent_by(user, hub, now)
    return Sender(kind=organisation.kind if organisation else "talent",
                  name=organisation.name if organisation else str(user),
                  verified=is_verified(organisation, hub),
                  email_domain=user.email.rsplit("@", 1)[-1],
                  account_days=(now - user.date_joined).days, sent_last_day=sent.last_day,
                  answered=sent.answered, declined=sent.declined, reports=reports_about(user, hub))


def screen_note(*, text: str, user: Any, organisation: Organisation | None, hub: Hub,
                recipient_kind: str) -> Screening | None:
    """The screen's verdict and what happens to the note; None for an empty note."""
    if not text.strip():
        return None
    settings = settings_for(hub)
    rules = tuned_rules(settings.disabled_rules, settings.weights)
    verdict = screen(text, sender_for(user, organisation, hub), recipient_kind, rules, flag_at=settings.caution_at)
    outcome = ScreenOutcome.DELIVERED
    if settings.hold_at is not None and verdict.score >= settings.hold_at:
        outcome = ScreenOutcome.HELD
    elif verdict.flag:
        outcome = ScreenOutcome.CAUTION
    return Screening(verdict, outcome)


def record_screening(*, screening: Screening | None, hub: Hub, user: Any, organisation: Organisation | None,
                     ref: str, text: str) -> None:
    """Logs the decision; a held note opens a review case with the note as evidence."""
    if screening is None:
        return
    ScreenLog.objects.create(hub=hub, sender=user, ref=ref, score=screening.verdict.score,
                             reasons=list(screening.verdict.reasons), outcome=screening.outcome)
    if screening.outcome == ScreenOutcome.HELD:
        Case.objects.create(hub=hub, kind=CaseKind.HELD_MESSAGE, subject_user=user,
                            subject_organisation=organisation, evidence=text, evidence_ref=ref,
                            score=screening.verdict.score, reasons=list(screening.verdict.reasons))


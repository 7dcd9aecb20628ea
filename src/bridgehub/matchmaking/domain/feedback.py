"""Recording what readers do with recommendations, and what the ranking learns from it."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from bridgehub.engines.matching.feedback import FeedbackEvent, learn_preferences, target_features
from bridgehub.matchmaking.domain.access import is_reader
from bridgehub.matchmaking.enums import NotRelevantReason, Signal
from bridgehub.matchmaking.models import MatchFeedback, MatchProfile


class FeedbackError(ValueError):
    pass


def ticket_band(facets: dict) -> str:
    """A coarse ticket band (USD) so that "wrong ticket size" generalises across currencies."""
    ticket = facets.get("ticket")
    if not ticket:
        return ""
    high = ticket[1]
    return "small" if high < 1_000_000 else "medium" if high < 10_000_000 else "large"


def features_of(profile: MatchProfile) -> tuple[str, ...]:
    return target_features(profile.facets, ticket_band(profile.facets))


@transaction.atomic
def give_feedback(*, user: Any, reader: MatchProfile, target: MatchProfile, signal: str, reason: str = "",
                  undo: bool = False) -> None:
    """Save / unsave a target, or mark it not relevant (with a reason) / relevant again."""
    if not is_reader(user, reader):
        raise FeedbackError(_("You do not belong to this profile."))
    if signal not in (Signal.SAVED, Signal.NOT_RELEVANT):
        raise FeedbackError(_("Signal “%(signal)s”: only “saved” and “not_relevant” are given by hand.") % {
            "signal": signal})
    if signal == Signal.NOT_RELEVANT and not undo and reason not in NotRelevantReason.values:
        raise FeedbackError(_("Unknown reason “%(reason)s”: choose one of %(choices)s.") % {
            "reason": reason, "choices": ", ".join(NotRelevantReason.values)})
    if reader.pk == target.pk:
        raise FeedbackError(_("A profile cannot rate itself."))
    existing = MatchFeedback.objects.filter(reader=reader, target=target, signal=signal)
    if undo:
        existing.delete()
        return
    MatchFeedback.objects.update_or_create(reader=reader, target=target, signal=signal,
                                           defaults={"user": user, "reason": reason if signal == Signal.NOT_RELEVANT
                                                     else ""})
    opposite = Signal.NOT_RELEVANT if signal == Signal.SAVED else Signal.SAVED
    MatchFeedback.objects.filter(reader=reader, target=target, signal=opposite).delete()


def record_signal(reader: MatchProfile | None, target: MatchProfile | None, signal: str, user: Any = None) -> None:
    if reader is None or target is None or reader.pk == target.pk:
        return
    MatchFeedback.objects.get_or_create(reader=reader, target=target, signal=signal, defaults={"user": user})


def record_meeting_outcome(*, author_organisation_id: int, other_organisation_id: int, useful: bool) -> None:
    """One side's "was it useful?" after an exchange meeting, as that side's feedback on the other
    (a second answer replaces the first)."""
    reader = MatchProfile.objects.filter(organisation_id=author_organisation_id).first()
    target = MatchProfile.objects.filter(organisation_id=other_organisation_id).first()
    if reader is None or target is None:
        return
    MatchFeedback.objects.filter(reader=reader, target=target,
                                 signal__in=(Signal.MET_USEFUL, Signal.MET_NOT_USEFUL)).delete()
    record_signal(reader, target, Signal.MET_USEFUL if useful else Signal.MET_NOT_USEFUL)


def learned_weights(reader: MatchProfile, user: Any, rows: list[MatchFeedback] | None = None) -> dict[str, float]:
    """The feature weights learned from this reader's feedback (`rows`, with their targets, where the
    caller has read them). A user's own clicks count fully; those of colleagues in the same
    organisation count half (they share the organisation's needs)."""
    if rows is None:
        rows = list(MatchFeedback.objects.filter(reader=reader).select_related("target"))
    events = []
    for row in rows:
        event = FeedbackEvent(features_of(row.target), row.signal, row.reason)
        events += [event] * (2 if row.user_id == getattr(user, "pk", None) else 1)
    return {feature: weight for feature, weight in learn_preferences(events).items()}

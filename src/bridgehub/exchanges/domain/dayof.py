"""On the day: check-in, no-show reports, feedback after each meeting."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bridgehub.exchanges.domain.rounds import ExchangeError, check_operator
from bridgehub.exchanges.enums import MeetingStatus, NextStep
from bridgehub.exchanges.models import Meeting, MeetingFeedback, NoShowReport, Registration, Round
from bridgehub.matchmaking.domain.feedback import record_meeting_outcome

CHECK_IN_OPENS = dt.timedelta(hours=2)


def check_in_open(round_: Round) -> bool:
    """Self check-in opens two hours before the first slot and closes with the last."""
    return round_.starts_at - CHECK_IN_OPENS <= timezone.now() <= round_.ends_at


def check_in(*, user: Any, registration: Registration) -> Registration:
    """The participant (on the day) or an operator at the desk (any time) marks them present.

    Side effects: the check-in time; a desk check-in is recorded as such (no-show reports against
    that person are then refused).
    """
    at_desk = registration.user_id != user.pk
    if at_desk:
        check_operator(user, registration.round.programme.hub)
    elif not check_in_open(registration.round):
        raise ExchangeError(_("Check-in opens two hours before the first meeting of the day."))
    fields = []
    if registration.checked_in_at is None:
        registration.checked_in_at = timezone.now()
        fields.append("checked_in_at")
    if at_desk and not registration.checked_in_by_desk:
        registration.checked_in_by_desk = True
        fields.append("checked_in_by_desk")
    if fields:
        registration.save(update_fields=fields)
    return registration


def _side_of(user: Any, meeting: Meeting) -> tuple[Registration, Registration]:
    sender, recipient = meeting.sides
    if sender.user_id == user.pk:
        return sender, recipient
    if recipient.user_id == user.pk:
        return recipient, sender
    raise PermissionDenied


def report_no_show(*, user: Any, meeting: Meeting) -> NoShowReport:
    """One side reports that the other did not come.

    Side effects: the report, the meeting marked no-show. The absent person's priority in later rounds
    of this hub is halved per report (see participation.no_show_priority), so they are placed after
    people who came. Only after the meeting's start, and not against someone the desk checked in.
    The absent side cannot block it: their own "it took place" feedback does not count against the
    reporter's word (the reporter's own feedback does).
    """
    mine, other = _side_of(user, meeting)
    if meeting.status not in (MeetingStatus.SCHEDULED, MeetingStatus.HELD, MeetingStatus.NO_SHOW):
        raise ExchangeError(_("Only a scheduled meeting can have a no-show."))
    if timezone.now() < meeting.starts_at:
        raise ExchangeError(_("The meeting has not started yet."))
    if other.checked_in_by_desk:
        raise ExchangeError(_("The hub's desk checked them in: please tell the desk what happened."))
    if MeetingFeedback.objects.filter(meeting=meeting, author=mine).exists():
        raise ExchangeError(_("You gave feedback on this meeting as held; ask the desk to correct it."))
    with transaction.atomic():
        report, _created = NoShowReport.objects.get_or_create(meeting=meeting, absent=other,
                                                              defaults={"reporter": mine})
        meeting.status = MeetingStatus.NO_SHOW
        meeting.save(update_fields=["status", "updated_at"])
    return report


def give_feedback(*, user: Any, meeting: Meeting, useful: bool, next_step: str = NextStep.NONE,
                  comment: str = "") -> MeetingFeedback:
    """One-click feedback (useful? next step?); a second click replaces the first. Marks the meeting held."""
    mine, other = _side_of(user, meeting)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ExchangeError(_("This meeting was cancelled."))
    if timezone.now() < meeting.starts_at:
        raise ExchangeError(_("Feedback opens when the meeting starts."))
    if NoShowReport.objects.filter(meeting=meeting, absent=mine).exists():
        raise ExchangeError(_("The other side reported that you did not come; ask the desk if that is wrong."))
    if next_step not in NextStep.values:
        raise ExchangeError(_("Unknown next step."))
    with transaction.atomic():
        feedback, _created = MeetingFeedback.objects.update_or_create(
            meeting=meeting, author=mine, defaults={"useful": useful, "next_step": next_step, "comment": comment})
        if meeting.status == MeetingStatus.SCHEDULED:
            meeting.status = MeetingStatus.HELD
            meeting.save(update_fields=["status", "updated_at"])
        # "Was it useful?" is also feedback on the match: it moves the other side's standing.
        record_meeting_outcome(author_organisation_id=mine.organisation_id,
                               other_organisation_id=other.organisation_id, useful=useful)
    return feedback

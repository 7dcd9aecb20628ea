"""A member's day in the exchange rounds: the next meeting and what waits for their answer.

The dashboard and the navigation read these; every query is bounded to the person's own
registrations, so it costs the same whatever the size of the hub.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from bridgehub.exchanges.domain.participation import ACCEPTING
from bridgehub.exchanges.enums import MeetingStatus, RequestStatus, RoundStatus
from bridgehub.exchanges.models import Meeting, MeetingFeedback, MeetingRequest, Registration

# A meeting stays "next" until it ends; feedback is asked for up to two weeks after it.
FEEDBACK_WINDOW = dt.timedelta(days=14)


@dataclass(frozen=True)
class NextMeeting:
    meeting: Meeting
    mine: Registration
    other: Registration


def _my_meetings(user: Any, statuses=(MeetingStatus.SCHEDULED,)):
    mine = Q(request__sender__user=user) | Q(request__recipient__user=user)
    return (Meeting.objects.filter(mine, status__in=statuses, round__status__in=(RoundStatus.PUBLISHED,
                                                                                   RoundStatus.CLOSED))
            .select_related("round", "interpreter", "request__sender__organisation", "request__sender__user",
                            "request__recipient__organisation", "request__recipient__user"))


def next_meeting(user: Any, now: dt.datetime | None = None) -> NextMeeting | None:
    """The earliest scheduled meeting of the person that has not ended yet."""
    now = now or timezone.now()
    # Rounds that started more than a day ago are over (slots last minutes): keeps the scan short.
    candidates = [m for m in _my_meetings(user).filter(round__starts_at__gte=now - dt.timedelta(days=1))
                  if m.ends_at > now]
    if not candidates:
        return None
    meeting = min(candidates, key=lambda m: (m.starts_at, m.pk))
    sender, recipient = meeting.sides
    return NextMeeting(meeting, *((sender, recipient) if sender.user_id == user.pk else (recipient, sender)))


def requests_to_answer(user: Any, now: dt.datetime | None = None) -> int:
    now = now or timezone.now()
    return MeetingRequest.objects.filter(recipient__user=user, status=RequestStatus.PENDING,
                                         expires_at__gt=now, round__status__in=ACCEPTING).count()


def registrations_to_confirm(user: Any) -> list[Registration]:
    """Invitations (carried over from the previous round) still waiting for the person's availability."""
    return list(Registration.objects.filter(user=user, confirmed=False, round__status__in=ACCEPTING)
                .select_related("round"))


def meetings_awaiting_feedback(user: Any, now: dt.datetime | None = None) -> list[Meeting]:
    """Meetings the person had (in the last two weeks) and has not given feedback on."""
    now = now or timezone.now()
    given = MeetingFeedback.objects.filter(meeting=OuterRef("pk"), author__user=user)
    recent = _my_meetings(user, (MeetingStatus.SCHEDULED, MeetingStatus.HELD)).filter(
        round__starts_at__gte=now - FEEDBACK_WINDOW, round__starts_at__lte=now)
    return [m for m in recent.annotate(given=Exists(given)).filter(given=False) if m.starts_at <= now]

"""What exchanges lends the trust app: meeting requests sent (behaviour), held notes released,
reported requests and meetings described."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q

from bridgehub.exchanges.enums import RequestStatus
from bridgehub.exchanges.models import Meeting, MeetingRequest
from bridgehub.trust.domain import hooks
from bridgehub.trust.enums import ScreenOutcome

WINDOW = dt.timedelta(days=90)
ANSWERED = [RequestStatus.ACCEPTED, RequestStatus.DECLINED]


def requests_sent(user: Any, hub: Any, now: dt.datetime) -> hooks.Sent:
    counts = MeetingRequest.objects.filter(sender__user=user, round__programme__hub=hub).aggregate(
        last_day=Count("pk", filter=Q(created_at__gt=now - dt.timedelta(days=1))),
        answered=Count("pk", filter=Q(created_at__gt=now - WINDOW, status__in=ANSWERED)),
        declined=Count("pk", filter=Q(created_at__gt=now - WINDOW, status=RequestStatus.DECLINED)))
    return hooks.Sent(counts["last_day"], counts["answered"], counts["declined"])


def release_request_note(request_id: int) -> None:
    MeetingRequest.objects.filter(pk=request_id, screen_outcome=ScreenOutcome.HELD).update(
        screen_outcome=ScreenOutcome.CAUTION)


def withhold_request_note(request_id: int) -> None:
    MeetingRequest.objects.filter(pk=request_id, screen_outcome=ScreenOutcome.HELD).update(
        screen_outcome=ScreenOutcome.WITHHELD)


def describe_request(request_id: int, reporter: Any) -> hooks.Reported | None:
    found = (MeetingRequest.objects.select_related("round__programme", "sender__user", "sender__organisation",
                                                   "recipient").filter(pk=request_id).first())
    if found is None:
        return None
    return hooks.Reported(found.round.programme.hub_id, found.sender.user, found.sender.organisation, found.note,
                          frozenset({found.recipient.user_id}))


def describe_meeting(meeting_id: int, reporter: Any) -> hooks.Reported | None:
    """The other side of the reporter's meeting (either participant may report the other)."""
    meeting = (Meeting.objects.select_related("round__programme", "request__sender__user",
                                              "request__sender__organisation", "request__recipient__user",
                                              "request__recipient__organisation").filter(pk=meeting_id).first())
    if meeting is None:
        return None
    sender, recipient = meeting.request.sender, meeting.request.recipient
    other = recipient if sender.user_id == getattr(reporter, "pk", None) else sender
    return hooks.Reported(meeting.round.programme.hub_id, other.user, other.organisation,
                          meeting.request.note, frozenset({sender.user_id, recipient.user_id}))


def register() -> None:
    if requests_sent not in hooks.behaviour:
        hooks.behaviour.append(requests_sent)
    hooks.release["meeting_request"] = release_request_note
    hooks.withhold["meeting_request"] = withhold_request_note
    hooks.describe["meeting_request"] = describe_request
    hooks.describe["meeting"] = describe_meeting

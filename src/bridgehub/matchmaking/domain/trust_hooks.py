"""What matchmaking lends the trust app: introductions sent (behaviour), held notes released,
reported introductions described."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q

from bridgehub.matchmaking.domain.notify import people
from bridgehub.matchmaking.enums import IntroStatus
from bridgehub.matchmaking.models import Introduction
from bridgehub.trust.domain import hooks
from bridgehub.trust.enums import ScreenOutcome

WINDOW = dt.timedelta(days=90)


def introductions_sent(user: Any, hub: Any, now: dt.datetime) -> hooks.Sent:
    counts = Introduction.objects.filter(requested_by=user, hub=hub).aggregate(
        last_day=Count("pk", filter=Q(created_at__gt=now - dt.timedelta(days=1))),
        answered=Count("pk", filter=Q(created_at__gt=now - WINDOW) & ~Q(status=IntroStatus.PENDING)),
        declined=Count("pk", filter=Q(created_at__gt=now - WINDOW, status=IntroStatus.DECLINED)))
    return hooks.Sent(counts["last_day"], counts["answered"], counts["declined"])


def release_introduction_note(introduction_id: int) -> None:
    Introduction.objects.filter(pk=introduction_id, screen_outcome=ScreenOutcome.HELD).update(
        screen_outcome=ScreenOutcome.CAUTION)


def withhold_introduction_note(introduction_id: int) -> None:
    Introduction.objects.filter(pk=introduction_id, screen_outcome=ScreenOutcome.HELD).update(
        screen_outcome=ScreenOutcome.WITHHELD)


def describe_introduction(introduction_id: int, reporter: Any) -> hooks.Reported | None:
    intro = (Introduction.objects.select_related("requester__organisation", "recipient__person", "requested_by")
             .filter(pk=introduction_id).first())
    if intro is None:
        return None
    return hooks.Reported(intro.hub_id, intro.requested_by, intro.requester.organisation, intro.note,
                          frozenset(people(intro.recipient)))


def register() -> None:
    if introductions_sent not in hooks.behaviour:
        hooks.behaviour.append(introductions_sent)
    hooks.release["introduction"] = release_introduction_note
    hooks.withhold["introduction"] = withhold_introduction_note
    hooks.describe["introduction"] = describe_introduction

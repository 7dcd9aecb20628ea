"""What the review queue and the member's standing page read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from bridgehub.hubs.models import Hub
from bridgehub.trust.domain import hooks
from bridgehub.trust.enums import CaseStatus
from bridgehub.trust.models import Case, Restriction, ScreenLog


def cases_for_hub(hub: Hub, status: str = CaseStatus.OPEN) -> QuerySet[Case]:
    """Open and escalated cases strongest first, then oldest; resolved ones latest first."""
    found = Case.objects.filter(hub=hub, status=status).select_related(
        "subject_user", "subject_organisation", "original", "reporter", "restriction", "resolved_by")
    return found.order_by("-resolved_at") if status == CaseStatus.RESOLVED else found.order_by("-score", "created_at")


def queue_counts(hub: Hub) -> dict[str, int]:
    counts = dict(Case.objects.filter(hub=hub).values_list("status").annotate(n=Count("pk")).values_list("status",
                                                                                                         "n"))
    return {status: counts.get(status, 0) for status in CaseStatus.values}


def open_case_count(hub: Hub) -> int:
    return Case.objects.filter(hub=hub).exclude(status=CaseStatus.RESOLVED).count()


@dataclass(frozen=True)
class History:
    """What the reviewer needs to know about the member a case is about."""

    account_days: int | None
    sent_last_day: int
    answered: int
    declined: int
    earlier_cases: int
    measures: list[Restriction]
    flagged_messages: int


def history_of(user: Any, hub: Hub, case: Case) -> History | None:
    if user is None:
        return None
    now = timezone.now()
    sent = hooks.sent_by(user, hub, now)
    return History(
        account_days=(now - user.date_joined).days, sent_last_day=sent.last_day, answered=sent.answered,
        declined=sent.declined,
        earlier_cases=Case.objects.filter(hub=hub, subject_user=user).exclude(pk=case.pk).count(),
        measures=list(Restriction.objects.filter(hub=hub, user=user)),
        flagged_messages=ScreenLog.objects.filter(hub=hub, sender=user).exclude(outcome="delivered").count())


def measures_on(user: Any) -> QuerySet[Restriction]:
    """A member's own measures, in every hub (for their standing page)."""
    return Restriction.objects.filter(user=user).select_related("hub").prefetch_related("appeals")


def report_hub_for(user: Any, organisation: Any) -> Hub | None:
    """The hub in which `user` would report `organisation`: one they share (None: nothing to report in)."""
    from bridgehub.directory.domain.queries import member_hub_ids

    if not getattr(user, "is_authenticated", False):
        return None
    shared = member_hub_ids(user) & {link.hub_id for link in organisation.hub_links.all()}
    return Hub.objects.filter(pk__in=shared).order_by("pk").first() if shared else None

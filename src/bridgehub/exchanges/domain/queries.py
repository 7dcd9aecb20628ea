"""Who may see and do what in exchange rounds (tenancy by hub).

Operators of a round's hub run it. Members of that hub (directly or through an approved
organisation) see its open and published rounds and may register. Everything personal (requests,
agenda, calendar) belongs to one registration and is reachable only through it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from bridgehub.directory.domain.queries import member_hub_ids, own_organisation_roles
from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import Organisation
from bridgehub.engines.scheduling.check import breaks_in
from bridgehub.exchanges.enums import MeetingStatus, RequestStatus, RoundStatus
from bridgehub.exchanges.models import (
    Interpreter,
    Meeting,
    MeetingRequest,
    Programme,
    Registration,
    Round,
    ScheduleRun,
)
from bridgehub.hubs.domain.queries import operated_hub_ids
from bridgehub.hubs.models import Hub

VISIBLE_TO_MEMBERS = (RoundStatus.OPEN, RoundStatus.PUBLISHED, RoundStatus.CLOSED)


def rounds_for_member(user: Any) -> QuerySet[Round]:
    """Rounds a member may see: open, published or closed rounds of hubs they belong to."""
    hubs = member_hub_ids(user) | operated_hub_ids(user)
    return (Round.objects.filter(programme__hub_id__in=hubs, status__in=VISIBLE_TO_MEMBERS)
            .select_related("programme__hub"))


def access_round_for_member(user: Any, round_id: int) -> Round | None:
    return rounds_for_member(user).filter(pk=round_id).first()


def rounds_for_hub(hub: Hub) -> QuerySet[Round]:
    return Round.objects.filter(programme__hub=hub).select_related("programme__hub")


def programmes_for_hub(hub: Hub) -> QuerySet[Programme]:
    return Programme.objects.filter(hub=hub).order_by("name")


def access_round_for_operator(user: Any, hub: Hub, round_id: int) -> Round | None:
    """The round if it belongs to `hub` and `user` operates that hub; None for missing and forbidden alike."""
    if hub.pk not in operated_hub_ids(user):
        return None
    return rounds_for_hub(hub).filter(pk=round_id).first()


def registration_of(user: Any, round_: Round) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Registration.objects.filter(round=round_, user=user).select_related("organisation", "user").first()


def organisations_that_may_register(user: Any, round_: Round) -> QuerySet[Organisation]:
    """The user's own organisations approved in the round's hub."""
    return Organisation.objects.filter(
        pk__in=list(own_organisation_roles(user)),
        hub_links__hub_id=round_.programme.hub_id,
        hub_links__status=ApprovalStatus.APPROVED,
    ).order_by("name")


def registrations_of_round(round_: Round) -> QuerySet[Registration]:
    return Registration.objects.filter(round=round_, confirmed=True).select_related("organisation", "user")


def requests_involving(registration: Registration) -> QuerySet[MeetingRequest]:
    """Requests a registration sent, and those sent to it that it may see (not the met-before holds)."""
    visible = Q(sender=registration) | (Q(recipient=registration) & ~Q(status=RequestStatus.WAITING_FOR_BOTH))
    return (MeetingRequest.objects.filter(visible)
            .select_related("sender__organisation", "recipient__organisation", "sender__user", "recipient__user",
                            "meeting"))


def access_request(registration: Registration, request_id: int) -> MeetingRequest | None:
    return requests_involving(registration).filter(pk=request_id).first()


def meetings_of(registration: Registration) -> QuerySet[Meeting]:
    """A registration's published meetings (cancelled ones too, so a calendar can remove them)."""
    return (Meeting.objects.filter(Q(request__sender=registration) | Q(request__recipient=registration))
            .select_related("round__programme__hub", "interpreter", "request__sender__organisation",
                            "request__recipient__organisation", "request__sender__user", "request__recipient__user")
            .order_by("slot"))


def access_meeting(registration: Registration, meeting_id: int) -> Meeting | None:
    return meetings_of(registration).filter(pk=meeting_id).first()


def latest_run(round_: Round) -> ScheduleRun | None:
    """The round's newest optimiser run: the preview on show, and the only one that may be published."""
    return ScheduleRun.objects.filter(round=round_).order_by("-created_at", "-pk").first()


@dataclass(frozen=True)
class PreviewCell:
    request: MeetingRequest | None
    interpreter: str  # name, "" when the pair shares a language
    published: bool  # the meeting is already in people's agendas (it keeps its slot)
    interpreter_changed: bool  # published with another interpreter: this run would change it


def schedule_preview(round_: Round, run: ScheduleRun, interpreters: list[Interpreter]) -> list[tuple]:
    """The run's placements as a grid of slots (rows) × tables (columns): (slot, start, [cell or None])."""
    requests = {r.pk: r for r in MeetingRequest.objects.filter(pk__in=[p["request"] for p in run.placements])
                .select_related("sender__organisation", "recipient__organisation")}
    published = dict(Meeting.objects.filter(round=round_, request_id__in=list(requests))
                     .exclude(status=MeetingStatus.CANCELLED).values_list("request_id", "interpreter_id"))
    names = {i.pk: i.name for i in interpreters}
    tables = max([round_.tables, *(p["table"] + 1 for p in run.placements)])
    grid: dict[int, list[PreviewCell | None]] = {slot: [None] * tables for slot in round_.slots}
    for p in run.placements:
        if p["slot"] not in grid:
            continue  # the round lost slots since the run; the page says the preview is stale
        was = published.get(p["request"], p["interpreter"])
        grid[p["slot"]][p["table"]] = PreviewCell(
            requests.get(p["request"]), names.get(p["interpreter"], ""), p["request"] in published,
            p["request"] in published and was != p["interpreter"])
    return [(slot, round_.slot_start(slot), grid[slot]) for slot in round_.slots]


@dataclass(frozen=True)
class DayShape:
    registration: Any  # Registration
    meetings: int
    gaps: int  # idle stretches between two of their meetings
    starts_at: Any  # the start of their first meeting and the end of their last (datetimes)
    ends_at: Any


def days_in_preview(round_: Round, run: ScheduleRun) -> list[DayShape]:
    """Each participant's day in a preview run, those who wait most first (the operator's gap view)."""
    slots: dict[int, set[int]] = {}
    pairs = MeetingRequest.objects.filter(pk__in=[p["request"] for p in run.placements]).values_list(
        "pk", "sender_id", "recipient_id")
    people = {pk: (a, b) for pk, a, b in pairs}
    for p in run.placements:
        for registration_id in people.get(p["request"], ()):
            slots.setdefault(registration_id, set()).add(p["slot"])
    registrations = {r.pk: r for r in Registration.objects.filter(pk__in=list(slots))
                     .select_related("user", "organisation")}
    days = []
    for registration_id, used in slots.items():
        days.append(DayShape(registrations[registration_id], len(used), breaks_in(used), round_.slot_start(min(used)),
                             round_.slot_end(max(used))))
    return sorted(days, key=lambda d: (-d.gaps, d.registration.pk))


def organisation_pairs_with_requests(hub) -> list[tuple[int, int]]:
    """(sender organisation, recipient organisation) of every meeting request in the hub's rounds."""
    return list(MeetingRequest.objects.filter(round__programme__hub=hub)
                .values_list("sender__organisation_id", "recipient__organisation_id"))

"""Relationships and the hub's outcome funnel over the API: the same rules as the pipeline pages.

A relationship is visible to its two sides only (404 to everyone else); stages, confirmations and
notes are written by its sides, evidence is verified by the hub's operators; the funnel is the
operators'. Refusals answer 422 with the page's sentence, in the request's language.
"""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from django.utils import timezone, translation
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError

from bridgehub.api.auth import TOKEN
from bridgehub.api.schemas import BODY_ERRORS, ERRORS, ErrorOut
from bridgehub.directory.models import Organisation
from bridgehub.hubs.domain.queries import access_hub_for_operator
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.domain import queries
from bridgehub.pipeline.domain.queries import PipelineFilters
from bridgehub.pipeline.domain.relationships import (
    PipelineError,
    add_note,
    confirm_stage,
    open_relationship,
    record_stage,
    verify_stage,
)
from bridgehub.pipeline.domain.report import outcomes_report
from bridgehub.pipeline.enums import ConfirmationKind, LostReason, Stage
from bridgehub.pipeline.models import Relationship, StageEvent

router = Router(tags=["pipeline"], auth=TOKEN)


class RelationshipOut(Schema):
    id: int
    hub: str
    with_name: str
    with_organisation: str  # slug ("" for a talent)
    origin: str
    stage: str | None  # None: introduced, nothing recorded yet
    furthest_step: int
    furthest_confirmed_step: int
    lost: bool
    next_step: str
    next_step_on: dt.date | None
    awaiting_my_confirmation: list[int]  # stage event ids


class EventOut(Schema):
    id: int
    stage: Stage
    effective_on: dt.date
    recorded_at: dt.datetime
    side: str | None  # organisation slug; None for the talent
    amount: int | None
    currency: str
    lost_reason: str
    evidence_url: str
    confirmed: bool
    verified: bool


class NoteOut(Schema):
    id: int
    text: str
    shared: bool
    created_at: dt.datetime


class RelationshipDetailOut(RelationshipOut):
    events: list[EventOut]
    notes: list[NoteOut]


class RelationshipIn(Schema):
    hub: str  # slug
    organisation: str  # slug of one's own organisation
    counterpart: str  # slug of the other organisation


class StageIn(Schema):
    stage: Stage
    effective_on: dt.date
    amount: int | None = None
    currency: str = ""
    lost_reason: LostReason | None = None
    evidence_url: str = ""


class NoteIn(Schema):
    text: str
    shared: bool = True


def _out(request, relationship: Relationship) -> dict:
    view = queries.view_for(request.user, relationship)
    return {"id": relationship.pk, "hub": relationship.hub.slug, "with_name": view.other_name,
            "with_organisation": view.other_slug, "origin": relationship.origin, "stage": view.state.current,
            "furthest_step": view.state.furthest_step, "furthest_confirmed_step": view.state.furthest_confirmed_step,
            "lost": view.state.lost, "next_step": relationship.next_step, "next_step_on": relationship.next_step_on,
            "awaiting_my_confirmation": [event.pk for event in view.awaiting_me]}


def _event_out(event: StageEvent) -> dict:
    kinds = {confirmation.kind for confirmation in event.confirmations.all()}
    return {"id": event.pk, "stage": event.stage, "effective_on": event.effective_on,
            "recorded_at": event.recorded_at, "side": event.side.slug if event.side else None,
            "amount": event.amount, "currency": event.currency, "lost_reason": event.lost_reason,
            "evidence_url": event.evidence_url, "confirmed": ConfirmationKind.CONFIRMED in kinds,
            "verified": ConfirmationKind.VERIFIED in kinds}


def _mine(request, relationship_id: int) -> Relationship:
    found = queries.access_relationship_for_user(request.user, relationship_id)
    if found is None:
        raise Http404("no such relationship among yours")
    return found


def _refused(error: PipelineError) -> HttpError:
    return HttpError(422, str(error))


@router.get("/relationships", response={200: list[RelationshipOut], **ERRORS})
def list_relationships(request):
    return [_out(request, view.relationship) for view in queries.views_for_user(request.user)]


@router.post("/relationships", response={200: RelationshipOut, 201: RelationshipOut, **BODY_ERRORS})
def create_relationship(request, payload: RelationshipIn):
    """Open (or find) the relationship of one of your organisations with another member of the hub."""
    hub = Hub.objects.filter(slug=payload.hub).first()
    if hub is None:
        raise HttpError(422, "hub: no such hub")
    organisation = Organisation.objects.filter(slug=payload.organisation).first()
    counterpart = Organisation.objects.filter(slug=payload.counterpart).first()
    if organisation is None or counterpart is None:
        raise HttpError(422, "organisation, counterpart: give the slugs of two organisations")
    try:
        relationship, created = open_relationship(user=request.user, hub=hub, organisation=organisation,
                                                  counterpart=counterpart)
    except PipelineError as error:
        raise _refused(error) from None
    return Status(201 if created else 200, _out(request, relationship))  # an operator may open one too


@router.get("/relationships/{relationship_id}", response={200: RelationshipDetailOut, 404: ErrorOut, **ERRORS})
def get_relationship(request, relationship_id: int):
    found = _mine(request, relationship_id)
    return {**_out(request, found), "events": [_event_out(event) for event in found.events.all()],
            "notes": [{"id": n.pk, "text": n.text, "shared": n.shared, "created_at": n.created_at}
                      for n in queries.notes_for(request.user, found)]}


@router.post("/relationships/{relationship_id}/stages", response={201: EventOut, 404: ErrorOut, **BODY_ERRORS})
def record_relationship_stage(request, relationship_id: int, payload: StageIn):
    found = _mine(request, relationship_id)
    try:
        event = record_stage(user=request.user, relationship=found, stage=payload.stage,
                             effective_on=payload.effective_on, amount=payload.amount, currency=payload.currency,
                             lost_reason=payload.lost_reason or "", evidence_url=payload.evidence_url)
    except PipelineError as error:
        raise _refused(error) from None
    return Status(201, _event_out(event))


@router.post("/relationships/{relationship_id}/stages/{event_id}/confirm",
             response={200: EventOut, 404: ErrorOut, **BODY_ERRORS})
def confirm_relationship_stage(request, relationship_id: int, event_id: int):
    found = _mine(request, relationship_id)
    event = StageEvent.objects.filter(relationship=found, pk=event_id).first()
    if event is None:
        raise Http404("no such stage in this relationship")
    try:
        confirm_stage(user=request.user, event=event)
    except PipelineError as error:
        raise _refused(error) from None
    return _event_out(event)


@router.post("/relationships/{relationship_id}/notes", response={201: NoteOut, 404: ErrorOut, **BODY_ERRORS})
def add_relationship_note(request, relationship_id: int, payload: NoteIn):
    found = _mine(request, relationship_id)
    if len(payload.text) > 2000:
        raise HttpError(422, "text: at most 2000 characters")
    try:
        note = add_note(user=request.user, relationship=found, text=payload.text, shared=payload.shared)
    except PipelineError as error:
        raise _refused(error) from None
    return Status(201, {"id": note.pk, "text": note.text, "shared": note.shared, "created_at": note.created_at})


@router.post("/hubs/{slug}/pipeline/stages/{event_id}/verify",
             response={200: EventOut, 404: ErrorOut, **BODY_ERRORS})
def verify_relationship_stage(request, slug: str, event_id: int):
    """An operator of the hub checked the evidence attached to a stage."""
    hub = access_hub_for_operator(request.user, slug)
    event = StageEvent.objects.filter(relationship__hub=hub, pk=event_id).first() if hub else None
    if event is None:
        raise Http404("no such stage in a hub you operate")
    try:
        verify_stage(user=request.user, event=event)
    except PipelineError as error:
        raise _refused(error) from None
    return _event_out(event)


@router.get("/hubs/{slug}/pipeline", response={200: dict, 404: ErrorOut, **ERRORS})
def hub_pipeline_report(request, slug: str, as_of: dt.date | None = None, programme: int | None = None,
                        round_id: int | None = Query(None, alias="round"), sector: str = "",
                        countries: str = "",
                        opened_from: dt.date | None = None, opened_to: dt.date | None = None):
    """The hub's funnel, time-to-step figures, cohorts and amounts as of a date (default today, the hub's
    zone): the same figures as the operator's page and `bridgehub outcomes-report`. Filters as on the page:
    a programme or round id of this hub, a sector code, a country pair such as `TW-JP`, a window of opening
    dates; a value naming nothing of this hub is ignored."""
    hub = access_hub_for_operator(request.user, slug)
    if hub is None:
        raise Http404("no such hub among those you operate")
    params = {"programme": str(programme or ""), "round": str(round_id or ""), "sector": sector, "countries": countries,
              "opened_from": opened_from.isoformat() if opened_from else "",
              "opened_to": opened_to.isoformat() if opened_to else ""}
    return outcomes_report(hub, as_of or timezone.localdate(timezone=hub.zone), translation.get_language() or "en",
                           PipelineFilters.from_params(params, hub))

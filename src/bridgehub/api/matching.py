"""Recommendations over the API: the same lists, reasons and actions as the matches page.

Reasons come in the language of the request (`Accept-Language`, or ?lang= through Django's locale
middleware). Operators read their hub's unmet matches and exposure.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import translation
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from bridgehub.api.auth import TOKEN
from bridgehub.api.schemas import BODY_ERRORS, ERRORS, ErrorOut
from bridgehub.exchanges.domain.queries import organisation_pairs_with_requests
from bridgehub.hubs.domain.queries import access_hub_for_operator
from bridgehub.hubs.models import Hub
from bridgehub.matchmaking.domain import recommendations as domain
from bridgehub.matchmaking.domain.feedback import FeedbackError, give_feedback
from bridgehub.matchmaking.domain.intros import answer_introduction, request_introduction
from bridgehub.matchmaking.domain.operator import exposure_report, unmet_matches
from bridgehub.matchmaking.models import Introduction, MatchProfile
from bridgehub.trust.domain.delivery import deliverable_note

router = Router(tags=["matching"], auth=TOKEN)


class ReaderOut(Schema):
    id: int
    kind: str
    name: str
    status: str
    monthly_capacity: int | None
    target_kinds: list[str]


class PairOut(Schema):
    mine: str
    theirs: str
    similarity: float


class MatchOut(Schema):
    target: int
    kind: str
    name: str
    organisation: str | None  # slug
    person: int | None
    score: float
    reasons: list[str]
    sentence_pair: PairOut | None
    saved: bool
    introduction: str | None  # status of our introduction request, if any


class MatchListOut(Schema):
    reader: ReaderOut
    hub: str | None
    target_kind: str
    built_at: str | None
    hidden: int
    matches: list[MatchOut]


class FeedbackIn(Schema):
    target: int
    signal: str  # "saved" or "not_relevant"
    reason: str = ""
    undo: bool = False


class IntroductionIn(Schema):
    target: int
    hub: str
    note: str = ""


class IntroductionOut(Schema):
    id: int
    status: str


class IncomingIntroductionOut(Schema):
    id: int
    requester: str
    requester_kind: str
    hub: str
    note: str
    created_at: str


class AnswerIn(Schema):
    accept: bool
    contact: str = ""  # when accepting: how they reach you (never your login address unless you write it)
    reason: str = ""  # when declining: one of the decline reasons (the requester is not told which)


class CapacityIn(Schema):
    monthly_capacity: int | None  # new introductions a month; null: no limit stated


class TagIn(Schema):
    code: str  # a sector code read from your text (see the match list's suggested tags)


class TagOut(Schema):
    code: str
    label: str


class UnmetOut(Schema):
    startup: str
    counterpart: str
    counterpart_kind: str
    fit: float
    score: float  # what the list is ordered by: fit, ticket size, how alike the texts are, past outcomes
    reasons: list[str]


class ExposureOut(Schema):
    name: str
    kind: str
    shown: int
    capacity: int
    capacity_stated: bool


class HubMatchingOut(Schema):
    built_at: str | None
    gini: dict[str, float]
    never_shown: int
    ready: int
    too_short: int
    pending: int
    unmet: list[UnmetOut]
    most_exposed: list[ExposureOut]


def _reader_out(reader: MatchProfile) -> dict:
    return {"id": reader.pk, "kind": reader.kind, "name": reader.name, "status": reader.status,
            "monthly_capacity": reader.monthly_capacity, "target_kinds": list(domain.target_kinds_for(reader.kind))}


def _reader(request, profile_id: int) -> MatchProfile:
    reader = domain.reader_for(request.user, profile_id)
    if reader is None:
        raise Http404("no such profile of yours")
    return reader


def _target(reader: MatchProfile, target_id: int) -> MatchProfile:
    if not reader.recommendations.filter(target_id=target_id).exists():
        raise Http404("not among your recommendations")
    return MatchProfile.objects.get(pk=target_id)


@router.get("/matches", response={200: list[ReaderOut], **ERRORS})
def my_profiles(request):
    return [_reader_out(r) for r in domain.readers_for(request.user)]


@router.get("/matches/{profile_id}", response={200: MatchListOut, 404: ErrorOut, **ERRORS})
def match_list(request, profile_id: int, kind: str = "", hub: str = ""):
    reader = _reader(request, profile_id)
    kinds = domain.target_kinds_for(reader.kind)
    target_kind = kind or kinds[0]
    if target_kind not in kinds:
        raise HttpError(422, f"kind: {target_kind!r} is not one of {', '.join(kinds)} for a {reader.kind}")
    page = domain.recommendations(user=request.user, reader=reader, target_kind=target_kind, hub_slug=hub or None)
    return {"reader": _reader_out(reader), "hub": page.hub.slug if page.hub else None, "target_kind": target_kind,
            "built_at": page.built_at.isoformat() if page.built_at else None, "hidden": page.hidden,
            "matches": [{
                "target": item.target.pk, "kind": item.target.kind, "name": item.target.name,
                "organisation": item.target.organisation.slug if item.target.organisation else None,
                "person": item.target.person_id, "score": item.score, "reasons": item.reasons,
                "sentence_pair": item.pair.__dict__ if item.pair else None, "saved": item.saved,
                "introduction": item.introduction.status if item.introduction else None,
            } for item in page.items]}


@router.post("/matches/{profile_id}/feedback", response={204: None, 404: ErrorOut, **BODY_ERRORS})
def match_feedback(request, profile_id: int, payload: FeedbackIn):
    reader = _reader(request, profile_id)
    try:
        give_feedback(user=request.user, reader=reader, target=_target(reader, payload.target),
                      signal=payload.signal, reason=payload.reason, undo=payload.undo)
    except FeedbackError as error:
        raise HttpError(422, str(error)) from None
    return Status(204, None)


@router.post("/matches/{profile_id}/introductions", response={201: IntroductionOut, 404: ErrorOut, **BODY_ERRORS})
def match_introduction(request, profile_id: int, payload: IntroductionIn):
    reader = _reader(request, profile_id)
    hub = Hub.objects.filter(slug=payload.hub).first()
    if hub is None:
        raise HttpError(422, f"hub: unknown hub {payload.hub!r}")
    try:
        intro = request_introduction(user=request.user, reader=reader, target=_target(reader, payload.target),
                                     hub=hub, note=payload.note)
    except FeedbackError as error:
        raise HttpError(422, str(error)) from None
    return Status(201, {"id": intro.pk, "status": intro.status})


@router.get("/matches/{profile_id}/introductions/incoming",
            response={200: list[IncomingIntroductionOut], 404: ErrorOut, **ERRORS})
def incoming_introductions(request, profile_id: int):
    """Introduction requests waiting for this profile's answer (a note held for review is not shown)."""
    reader = _reader(request, profile_id)
    return [{"id": intro.pk, "requester": intro.requester.name, "requester_kind": intro.requester.kind,
             "hub": intro.hub.slug, "note": deliverable_note(intro.note, intro.screen_outcome),
             "created_at": intro.created_at.isoformat()} for intro in domain.incoming_introductions(reader)]


@router.post("/introductions/{introduction_id}/answer", response={200: IntroductionOut, 404: ErrorOut, **BODY_ERRORS})
def answer_introduction_request(request, introduction_id: int, payload: AnswerIn):
    intro = Introduction.objects.select_related("recipient__person").filter(pk=introduction_id).first()
    if intro is None or not domain.is_reader(request.user, intro.recipient):
        raise Http404("no such introduction among those sent to you")
    try:
        answered = answer_introduction(user=request.user, introduction=intro, accept=payload.accept,
                                       reason="" if payload.accept else payload.reason,
                                       contact=payload.contact if payload.accept else "")
    except FeedbackError as error:
        raise HttpError(422, str(error)) from None
    return {"id": answered.pk, "status": answered.status}


@router.put("/matches/{profile_id}/capacity", response={200: ReaderOut, 404: ErrorOut, **BODY_ERRORS})
def state_capacity(request, profile_id: int, payload: CapacityIn):
    """The organisation's admins state how many new introductions a month it can take."""
    reader = _reader(request, profile_id)
    try:
        capacity = MatchProfile._meta.get_field("monthly_capacity").clean(payload.monthly_capacity, reader)
    except ValidationError as error:
        raise HttpError(422, f"monthly_capacity: {' '.join(error.messages)}") from None
    try:
        domain.state_capacity(user=request.user, reader=reader, capacity=capacity)
    except FeedbackError:
        raise Http404("only the organisation's admins state its capacity") from None  # as on the page
    reader.refresh_from_db()
    return _reader_out(reader)


@router.post("/matches/{profile_id}/tags", response={201: TagOut, 404: ErrorOut, **BODY_ERRORS})
def confirm_tag(request, profile_id: int, payload: TagIn):
    """Confirm a sector read from the profile's text: it becomes one of the organisation's sectors."""
    reader = _reader(request, profile_id)
    try:
        sector = domain.confirm_tag(user=request.user, reader=reader, code=payload.code)
    except FeedbackError as error:
        raise HttpError(422, str(error)) from None
    return Status(201, {"code": sector.code, "label": sector.label_for(translation.get_language())})


@router.get("/hubs/{slug}/matching", response={200: HubMatchingOut, 404: ErrorOut, **ERRORS})
def hub_matching(request, slug: str):
    hub = access_hub_for_operator(request.user, slug)
    if hub is None:
        raise Http404("no such hub among those you operate")
    report = exposure_report(hub)
    state = report["state"]
    return {
        "built_at": state.built_at.isoformat() if state and state.built_at else None,
        "gini": state.gini if state else {}, "never_shown": report["never_shown"], "ready": report["ready"],
        "too_short": report["too_short"], "pending": report["pending"],
        "unmet": [{"startup": m.startup.name, "counterpart": m.other.name, "counterpart_kind": m.other.kind,
                   "fit": m.mutual, "score": m.score, "reasons": m.reasons}
                  for m in unmet_matches(hub, in_touch=organisation_pairs_with_requests(hub),
                                         ui_language=translation.get_language())],
        "most_exposed": [{"name": row.profile.name, "kind": row.profile.kind, "shown": row.shown,
                          "capacity": row.capacity, "capacity_stated": row.stated} for row in report["top"]],
    }

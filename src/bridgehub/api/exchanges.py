"""Exchange rounds over the API, for a member: the same rules and permissions as the round page.

Rounds are those the page lists (open, published or closed rounds of one's hubs); everything inside a
round needs one's own confirmed registration, and what one may not see answers 404 as on the page.
Domain refusals (a closed round, a request over the limit, feedback before the meeting) answer 422
with the page's sentence, in the request's language (`?lang=` or `Accept-Language`).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import translation
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from bridgehub.api.auth import TOKEN
from bridgehub.api.schemas import BODY_ERRORS, ERRORS, ErrorOut
from bridgehub.exchanges.domain import dayof, participation, queries
from bridgehub.exchanges.domain import scheduling as scheduling_domain
from bridgehub.exchanges.domain.agenda import agenda_for
from bridgehub.exchanges.domain.rounds import ExchangeError
from bridgehub.exchanges.enums import DeclineReason, NextStep
from bridgehub.exchanges.forms import RegistrationForm
from bridgehub.exchanges.models import MeetingRequest, Registration, Round
from bridgehub.trust.domain.delivery import deliverable_note

router = Router(tags=["exchanges"], auth=TOKEN)


class RoundOut(Schema):
    id: int
    hub: str
    title: str
    status: str
    starts_at: str
    time_zone: str
    slot_minutes: int
    slot_count: int
    venue: str
    registered: bool


class RegistrationOut(Schema):
    id: int
    organisation: str  # slug
    languages: list[str]
    available_slots: list[int]
    max_meetings: int | None
    confirmed: bool
    checked_in: bool


class RegistrationIn(Schema):
    organisation: str  # slug of one's own organisation approved in the round's hub
    languages: list[str]  # zh, ja, en
    available_slots: list[int]  # 0-based slot numbers
    max_meetings: int | None = None


class ParticipantOut(Schema):
    registration: int
    organisation: str
    organisation_name: str
    person: str
    languages: list[str]


class RequestOut(Schema):
    id: int
    sender: int  # registration ids
    recipient: int
    direction: str  # "incoming" or "outgoing"
    status: str
    note: str
    expires_at: str | None


class RequestIn(Schema):
    recipient: int  # a confirmed registration of the same round
    note: str = ""


class AnswerIn(Schema):
    accept: bool
    reason: str = ""  # when declining: one of the decline reasons
    note: str = ""


class AgendaEntryOut(Schema):
    meeting: int
    starts_at: str  # ISO 8601 in the member's own time zone
    ends_at: str
    table: int
    other_registration: int
    other_organisation: str
    interpreter: str
    status: str


class FeedbackIn(Schema):
    useful: bool
    next_step: NextStep = NextStep.NONE
    comment: str = ""


class CancelIn(Schema):
    reason: str


def _round(request, round_id: int) -> Round:
    round_ = queries.access_round_for_member(request.user, round_id)
    if round_ is None:
        raise Http404("no such round among those you may see")
    return round_


def _mine(request, round_: Round) -> Registration:
    registration = queries.registration_of(request.user, round_)
    if registration is None or not registration.confirmed:
        raise Http404("you are not registered in this round")
    return registration


def _refused(error: ExchangeError) -> HttpError:
    return HttpError(422, str(error))


def _round_out(round_: Round, registered: set[int]) -> dict:
    return {"id": round_.pk, "hub": round_.programme.hub.slug, "title": round_.label_for(translation.get_language()),
            "status": round_.status, "starts_at": round_.starts_at.isoformat(), "time_zone": round_.time_zone,
            "slot_minutes": round_.slot_minutes, "slot_count": round_.slot_count, "venue": round_.venue,
            "registered": round_.pk in registered}


def _registration_out(registration: Registration) -> dict:
    return {"id": registration.pk, "organisation": registration.organisation.slug,
            "languages": registration.languages, "available_slots": registration.available_slots,
            "max_meetings": registration.max_meetings, "confirmed": registration.confirmed,
            "checked_in": registration.checked_in_at is not None}


def _request_out(found: MeetingRequest, mine: Registration) -> dict:
    return {"id": found.pk, "sender": found.sender_id, "recipient": found.recipient_id,
            "direction": "outgoing" if found.sender_id == mine.pk else "incoming", "status": found.status,
            # A held note reaches its recipient only once the hub's operators released it (as on the page).
            "note": found.note if found.sender_id == mine.pk else deliverable_note(found.note, found.screen_outcome),
            "expires_at": found.expires_at.isoformat() if found.expires_at else None}


@router.get("/rounds", response={200: list[RoundOut], **ERRORS})
def list_rounds(request):
    registered = set(Registration.objects.filter(user=request.user, confirmed=True).values_list("round_id", flat=True))
    return [_round_out(round_, registered) for round_ in queries.rounds_for_member(request.user).order_by("starts_at")]


@router.get("/rounds/{round_id}", response={200: RoundOut, 404: ErrorOut, **ERRORS})
def get_round(request, round_id: int):
    round_ = _round(request, round_id)
    mine = queries.registration_of(request.user, round_)
    return _round_out(round_, {round_.pk} if mine is not None and mine.confirmed else set())


@router.put("/rounds/{round_id}/registration", response={200: RegistrationOut, 404: ErrorOut, **BODY_ERRORS})
def register(request, round_id: int, payload: RegistrationIn):
    """Register for the round, or change one's registration (the page's form and rules)."""
    round_ = _round(request, round_id)
    organisations = list(queries.organisations_that_may_register(request.user, round_))
    by_slug = {organisation.slug: organisation.pk for organisation in organisations}
    if payload.organisation not in by_slug:
        raise HttpError(422, "organisation: not one of your organisations approved in this round's hub")
    form = RegistrationForm({"organisation_id": by_slug[payload.organisation], "languages": payload.languages,
                             "available_slots": payload.available_slots, "max_meetings": payload.max_meetings},
                            round_=round_, organisations=organisations)
    if not form.is_valid():
        raise HttpError(422, "; ".join(f"{field}: {' '.join(messages)}" for field, messages in form.errors.items()))
    try:
        registration = participation.register(user=request.user, round_=round_, **form.cleaned_data)
    except ExchangeError as error:
        raise _refused(error) from None
    return _registration_out(Registration.objects.select_related("organisation").get(pk=registration.pk))


@router.get("/rounds/{round_id}/registration", response={200: RegistrationOut, 404: ErrorOut, **ERRORS})
def my_registration(request, round_id: int):
    return _registration_out(_mine(request, _round(request, round_id)))


@router.get("/rounds/{round_id}/participants", response={200: list[ParticipantOut], 404: ErrorOut, **ERRORS})
def participants(request, round_id: int):
    """The others one may ask for a meeting (named by display name, never by login address)."""
    round_ = _round(request, round_id)
    mine = _mine(request, round_)
    return [{"registration": r.pk, "organisation": r.organisation.slug, "organisation_name": r.organisation.name,
             "person": str(r.user), "languages": r.languages}
            for r in queries.registrations_of_round(round_).exclude(pk=mine.pk).order_by("organisation__name")]


@router.get("/rounds/{round_id}/requests", response={200: list[RequestOut], 404: ErrorOut, **ERRORS})
def list_requests(request, round_id: int):
    mine = _mine(request, _round(request, round_id))
    return [_request_out(found, mine) for found in queries.requests_involving(mine).order_by("pk")]


@router.post("/rounds/{round_id}/requests", response={201: RequestOut, 404: ErrorOut, **BODY_ERRORS})
def send_request(request, round_id: int, payload: RequestIn):
    round_ = _round(request, round_id)
    mine = _mine(request, round_)
    other = Registration.objects.filter(pk=payload.recipient, round=round_, confirmed=True).first()
    if other is None:
        raise HttpError(422, "recipient: not a registration of this round")
    if len(payload.note) > 1000:
        raise HttpError(422, "note: at most 1000 characters")
    try:
        sent = participation.send_request(user=request.user, sender=mine, recipient=other, note=payload.note)
    except ExchangeError as error:
        raise _refused(error) from None
    return Status(201, _request_out(sent, mine))


@router.post("/rounds/{round_id}/requests/{request_id}/answer",
             response={200: RequestOut, 404: ErrorOut, **BODY_ERRORS})
def answer_request(request, round_id: int, request_id: int, payload: AnswerIn):
    """Accept, or decline with one of the reasons (only the recipient answers)."""
    mine = _mine(request, _round(request, round_id))
    found = queries.access_request(mine, request_id)
    if found is None:
        raise Http404("no such request")
    if not payload.accept and payload.reason not in DeclineReason.values:
        raise HttpError(422, f"reason: one of {', '.join(DeclineReason.values)} when declining")
    try:
        answered = participation.respond(user=request.user, request=found, accept=payload.accept,
                                         reason=payload.reason, note=payload.note[:300])
    except PermissionDenied:
        raise Http404("no such request among those sent to you") from None
    except ExchangeError as error:
        raise _refused(error) from None
    return _request_out(answered, mine)


@router.post("/rounds/{round_id}/requests/{request_id}/withdraw",
             response={200: RequestOut, 404: ErrorOut, **ERRORS})
def withdraw_request(request, round_id: int, request_id: int):
    mine = _mine(request, _round(request, round_id))
    found = queries.access_request(mine, request_id)
    if found is None:
        raise Http404("no such request")
    try:
        withdrawn = participation.withdraw(user=request.user, request=found)
    except PermissionDenied:
        raise Http404("no such request among those you sent") from None
    except ExchangeError as error:
        raise _refused(error) from None
    return _request_out(withdrawn, mine)


@router.get("/rounds/{round_id}/agenda", response={200: list[AgendaEntryOut], 404: ErrorOut, **ERRORS})
def agenda(request, round_id: int):
    """One's published meetings, times in one's own time zone (cancelled ones too, marked)."""
    mine = _mine(request, _round(request, round_id))
    return [{"meeting": entry.meeting.pk, "starts_at": entry.local_start.isoformat(),
             "ends_at": entry.local_end.isoformat(), "table": entry.table, "other_registration": entry.other.pk,
             "other_organisation": entry.other.organisation.name, "interpreter": entry.interpreter,
             "status": entry.meeting.status} for entry in agenda_for(mine)]


@router.post("/rounds/{round_id}/check-in", response={200: RegistrationOut, 404: ErrorOut, **ERRORS})
def check_in(request, round_id: int):
    mine = _mine(request, _round(request, round_id))
    try:
        dayof.check_in(user=request.user, registration=mine)
    except ExchangeError as error:
        raise _refused(error) from None
    return _registration_out(Registration.objects.select_related("organisation").get(pk=mine.pk))


def _meeting(request, round_id: int, meeting_id: int):
    mine = _mine(request, _round(request, round_id))
    meeting = queries.access_meeting(mine, meeting_id)
    if meeting is None:
        raise Http404("no such meeting in your agenda")
    return meeting


@router.post("/rounds/{round_id}/meetings/{meeting_id}/feedback",
             response={204: None, 404: ErrorOut, **BODY_ERRORS})
def meeting_feedback(request, round_id: int, meeting_id: int, payload: FeedbackIn):
    """Useful? and the next step (a second answer replaces the first), from the meeting's start."""
    meeting = _meeting(request, round_id, meeting_id)
    try:
        dayof.give_feedback(user=request.user, meeting=meeting, useful=payload.useful, next_step=payload.next_step,
                            comment=payload.comment[:1000])
    except ExchangeError as error:
        raise _refused(error) from None
    return Status(204, None)


@router.post("/rounds/{round_id}/meetings/{meeting_id}/no-show", response={204: None, 404: ErrorOut, **ERRORS})
def meeting_no_show(request, round_id: int, meeting_id: int):
    """The other side did not come."""
    try:
        dayof.report_no_show(user=request.user, meeting=_meeting(request, round_id, meeting_id))
    except ExchangeError as error:
        raise _refused(error) from None
    return Status(204, None)


@router.post("/rounds/{round_id}/meetings/{meeting_id}/cancel", response={204: None, 404: ErrorOut, **BODY_ERRORS})
def meeting_cancel(request, round_id: int, meeting_id: int, payload: CancelIn):
    """Cancel with a reason the other side reads (undo on the page within a few minutes)."""
    reason = " ".join(payload.reason.split())[:300]
    if not reason:
        raise HttpError(422, "reason: say why you cancel")
    try:
        scheduling_domain.cancel_meeting(user=request.user, meeting=_meeting(request, round_id, meeting_id),
                                         reason=reason)
    except ExchangeError as error:
        raise _refused(error) from None
    return Status(204, None)

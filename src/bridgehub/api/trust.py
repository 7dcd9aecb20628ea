"""Trust over the API: members report; operators read their hub's review queue and act on cases.

The same domain functions as the pages: the same checks, the same e-mails, the same log.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from bridgehub.api.auth import TOKEN
from bridgehub.api.schemas import BODY_ERRORS, ERRORS, ErrorOut
from bridgehub.directory.domain.queries import member_hub_ids
from bridgehub.hubs.domain.queries import access_hub_for_operator
from bridgehub.hubs.models import Hub
from bridgehub.trust.domain import cases
from bridgehub.trust.domain.queries import cases_for_hub
from bridgehub.trust.enums import CaseStatus, SubjectKind
from bridgehub.trust.models import Case

router = Router(tags=["trust"], auth=TOKEN)


class ReportIn(Schema):
    kind: str  # introduction, meeting_request, meeting, organisation
    subject: int  # the item's id (the organisation's id for a profile)
    reason: str  # asked_for_fee, not_who_they_claim, off_platform, spam, other
    comment: str = ""
    hub: str = ""  # needed for an organisation: the hub you report it in


class ReportOut(Schema):
    id: int
    status: str


class CaseOut(Schema):
    id: int
    kind: str
    status: str
    reason: str
    reasons: list[str]
    score: float
    organisation: str | None  # slug
    member: str | None  # the public name
    looks_like: str | None  # slug of the verified original (lookalike cases)
    evidence: str
    created_at: str
    resolution: str


class ActionIn(Schema):
    action: str  # dismiss, escalate, release, warn, restrict, suspend, uphold, lift
    note: str = ""
    days: int | None = None


def _error_text(error: cases.TrustError) -> str:
    return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())


@router.post("/reports", response={201: ReportOut, 404: ErrorOut, **BODY_ERRORS})
def create_report(request, payload: ReportIn):
    if payload.kind not in SubjectKind.values:
        raise HttpError(422, f"kind: one of {', '.join(SubjectKind.values)}")
    hub = Hub.objects.filter(slug=payload.hub).first() if payload.hub else None
    if payload.kind == SubjectKind.ORGANISATION and (hub is None or hub.pk not in member_hub_ids(request.user)):
        raise Http404("no such hub among yours")
    try:
        case = cases.report(user=request.user, subject_kind=payload.kind, subject_id=payload.subject, hub=hub,
                            reason=payload.reason, comment=payload.comment)
    except cases.TrustError as error:
        if "subject" in error.message_dict:
            raise Http404("nothing of yours to report there") from None
        raise HttpError(422, _error_text(error)) from None
    return Status(201, {"id": case.pk, "status": case.status})


def _case_out(case: Case) -> dict:
    return {"id": case.pk, "kind": case.kind, "status": case.status, "reason": case.reason,
            "reasons": list(case.reasons), "score": case.score,
            "organisation": case.subject_organisation.slug if case.subject_organisation else None,
            "member": case.subject_user.public_name if case.subject_user else None,
            "looks_like": case.original.slug if case.original else None, "evidence": case.evidence,
            "created_at": case.created_at.isoformat(), "resolution": case.resolution}


def _hub(request, slug: str) -> Hub:
    hub = access_hub_for_operator(request.user, slug)
    if hub is None:
        raise Http404("no such hub among those you operate")
    return hub


@router.get("/hubs/{slug}/trust/cases", response={200: list[CaseOut], 404: ErrorOut, **ERRORS})
def hub_trust_cases(request, slug: str, status: str = CaseStatus.OPEN):
    hub = _hub(request, slug)
    if status not in CaseStatus.values:
        raise HttpError(422, f"status: one of {', '.join(CaseStatus.values)}")
    return [_case_out(case) for case in cases_for_hub(hub, status)[:500]]


@router.post("/hubs/{slug}/trust/cases/{case_id}/actions", response={200: CaseOut, 404: ErrorOut, **BODY_ERRORS})
def trust_case_action(request, slug: str, case_id: int, payload: ActionIn):
    hub = _hub(request, slug)
    case = Case.objects.filter(hub=hub, pk=case_id).first()
    if case is None:
        raise Http404("no such case in this hub")
    try:
        case = cases.act(user=request.user, case=case, action=payload.action, note=payload.note, days=payload.days)
    except cases.TrustError as error:
        raise HttpError(422, _error_text(error)) from None
    except PermissionDenied:
        raise Http404("no such case in this hub") from None
    return _case_out(case)

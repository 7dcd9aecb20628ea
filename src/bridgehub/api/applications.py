"""Hub membership of organisations over the API: an organisation's admins apply to a hub, the hub's
operators read the waiting applications and decide (a rejection says why; the admins are told by
e-mail in their language). The same rules and permissions as the organisation page and the back office."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from bridgehub.api.auth import TOKEN
from bridgehub.api.schemas import BODY_ERRORS, ERRORS, ErrorOut
from bridgehub.directory.domain import organisations as organisation_domain
from bridgehub.directory.domain import queries
from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import OrganisationHub
from bridgehub.hubs.domain.queries import access_hub_for_operator
from bridgehub.hubs.models import Hub

router = Router(tags=["hub membership"], auth=TOKEN)


class ApplicationIn(Schema):
    hub: str  # the hub's slug


class ApplicationOut(Schema):
    id: int
    organisation: str  # slug
    organisation_name: str
    hub: str
    status: str  # pending, approved, rejected
    reason: str  # why it was not approved
    applied_at: str
    decided_at: str | None


class DecisionIn(Schema):
    approve: bool
    reason: str = ""  # required when not approving: the organisation's admins read it


def _out(link: OrganisationHub) -> dict:
    return {"id": link.pk, "organisation": link.organisation.slug, "organisation_name": link.organisation.name,
            "hub": link.hub.slug, "status": link.status, "reason": link.decision_reason,
            "applied_at": link.created_at.isoformat(),
            "decided_at": link.decided_at.isoformat() if link.decided_at else None}


@router.post("/organisations/{slug}/applications", response={201: ApplicationOut, 404: ErrorOut, **BODY_ERRORS})
def apply_to_hub(request, slug: str, payload: ApplicationIn):
    """Apply to a hub (an organisation already linked to it gets its current state back)."""
    organisation = queries.access_organisation_for_user(request.user, slug)
    if organisation is None or not request.user.has_perm("directory.change_organisation", organisation):
        raise Http404("no such organisation among those you administer")
    hub = Hub.objects.filter(slug=payload.hub).first()
    if hub is None:
        raise HttpError(422, f"hub: unknown hub {payload.hub!r}")
    try:
        link = organisation_domain.apply_to_hub(user=request.user, organisation=organisation, hub=hub)
    except PermissionDenied:
        raise Http404("no such organisation among those you administer") from None
    return Status(201, _out(OrganisationHub.objects.select_related("organisation", "hub").get(pk=link.pk)))


@router.get("/hubs/{slug}/applications", response={200: list[ApplicationOut], 404: ErrorOut, **ERRORS})
def hub_applications(request, slug: str, status: ApprovalStatus = ApprovalStatus.PENDING):
    """The hub's applications in one state (waiting ones by default), oldest first; operators only."""
    hub = access_hub_for_operator(request.user, slug)
    if hub is None:
        raise Http404("no such hub among those you operate")
    links = OrganisationHub.objects.filter(hub=hub, status=status).select_related("organisation", "hub")
    return [_out(link) for link in links.order_by("created_at", "pk")]


@router.post("/hubs/{slug}/applications/{application_id}/decision",
             response={200: ApplicationOut, 404: ErrorOut, **BODY_ERRORS})
def decide_application(request, slug: str, application_id: int, payload: DecisionIn):
    hub = access_hub_for_operator(request.user, slug)
    link = (OrganisationHub.objects.filter(hub=hub, pk=application_id).select_related("organisation", "hub").first()
            if hub is not None else None)
    if link is None:
        raise Http404("no such application in a hub you operate")
    try:
        decided = organisation_domain.decide_application(user=request.user, link=link, approve=payload.approve,
                                                         reason=payload.reason)
    except ValidationError as error:
        raise HttpError(422, f"reason: {error.messages[0]}") from None
    return _out(decided)

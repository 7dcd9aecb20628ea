"""A hub's people over the API, for its operators: who belongs with which role (by display name),
invitations by e-mail (the answer is the same whether or not an account uses the address), role
changes for verified addresses only, and removal. One's own membership is changed by another operator,
as on the members page."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from bridgehub.api.auth import TOKEN
from bridgehub.api.schemas import BODY_ERRORS, ERRORS, ErrorOut, email_or_422
from bridgehub.hubs.domain.membership import invite_to_hub, remove_from_hub, set_hub_role
from bridgehub.hubs.domain.queries import access_hub_for_operator, hub_member
from bridgehub.hubs.enums import HubRole
from bridgehub.hubs.models import Hub, HubMembership

router = Router(tags=["hub membership"], auth=TOKEN)


class HubMemberOut(Schema):
    user: int
    name: str
    role: str


class HubInvitationIn(Schema):
    email: str
    role: HubRole = HubRole.MEMBER  # an unknown role is a 422 naming the field


class HubRoleIn(Schema):
    role: HubRole


def _operated(request, slug: str) -> Hub:
    hub = access_hub_for_operator(request.user, slug)
    if hub is None:
        raise Http404("no such hub among those you operate")
    return hub


def _other_member(request, hub: Hub, user_id: int):
    member = hub_member(hub, user_id)
    if member is None or member == request.user:
        raise Http404("no such member of this hub (another operator changes your own membership)")
    return member


@router.get("/hubs/{slug}/members", response={200: list[HubMemberOut], 404: ErrorOut, **ERRORS})
def hub_members(request, slug: str):
    hub = _operated(request, slug)
    memberships = HubMembership.objects.filter(hub=hub).select_related("user").order_by("role", "user__display_name")
    return [{"user": m.user_id, "name": m.user.public_name, "role": m.role} for m in memberships]


@router.post("/hubs/{slug}/invitations", response={202: None, 404: ErrorOut, **BODY_ERRORS})
def invite_hub_member(request, slug: str, payload: HubInvitationIn):
    hub = _operated(request, slug)
    invite_to_hub(user=request.user, hub=hub, email=email_or_422(payload.email), role=payload.role)
    return Status(202, None)


@router.put("/hubs/{slug}/members/{user_id}", response={200: HubMemberOut, 404: ErrorOut, **BODY_ERRORS})
def change_hub_role(request, slug: str, user_id: int, payload: HubRoleIn):
    hub = _operated(request, slug)
    member = _other_member(request, hub, user_id)
    try:
        membership = set_hub_role(user=request.user, hub=hub, member=member, role=payload.role)
    except PermissionDenied as error:
        raise HttpError(422, f"role: {error}") from None
    return {"user": member.pk, "name": member.public_name, "role": membership.role}


@router.delete("/hubs/{slug}/members/{user_id}", response={204: None, 404: ErrorOut, **ERRORS})
def remove_hub_member(request, slug: str, user_id: int):
    hub = _operated(request, slug)
    remove_from_hub(user=request.user, hub=hub, member=_other_member(request, hub, user_id))
    return Status(204, None)

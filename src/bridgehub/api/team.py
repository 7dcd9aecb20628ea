"""An organisation's team over the API, for its admins: who belongs (by display name: an admin invites
by e-mail address but never reads other members' login addresses), invitations, roles and removal.
The same rules as the team page: the last admin stays, roles go to verified addresses only, and the
answer to an invitation is the same whether or not an account uses the address."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from bridgehub.api.auth import TOKEN
from bridgehub.api.schemas import BODY_ERRORS, ERRORS, ErrorOut, email_or_422
from bridgehub.directory.domain import queries
from bridgehub.directory.domain import team as team_domain
from bridgehub.directory.enums import OrgRole
from bridgehub.directory.models import Organisation

router = Router(tags=["team"], auth=TOKEN)


class MemberOut(Schema):
    user: int
    name: str
    role: str


class InvitationIn(Schema):
    email: str
    role: OrgRole = OrgRole.MEMBER  # an unknown role is a 422 naming the field


class RoleIn(Schema):
    role: OrgRole


def _administered(request, slug: str) -> Organisation:
    organisation = queries.access_organisation_for_user(request.user, slug)
    if organisation is None or not request.user.has_perm("directory.change_organisation", organisation):
        raise Http404("no such organisation among those you administer")
    return organisation


def _member(organisation: Organisation, user_id: int):
    member = queries.team_member(organisation, user_id)
    if member is None:
        raise Http404("no such member of this organisation")
    return member


@router.get("/organisations/{slug}/team", response={200: list[MemberOut], 404: ErrorOut, **ERRORS})
def team_members(request, slug: str):
    organisation = _administered(request, slug)
    memberships = organisation.memberships.select_related("user").order_by("role", "user__display_name", "pk")
    return [{"user": m.user_id, "name": m.user.public_name, "role": m.role} for m in memberships]


@router.post("/organisations/{slug}/team/invitations", response={202: None, 404: ErrorOut, **BODY_ERRORS})
def invite_member(request, slug: str, payload: InvitationIn):
    """Mail a one-time link; the role is given when it is accepted with that address confirmed."""
    organisation = _administered(request, slug)
    team_domain.invite_member(user=request.user, organisation=organisation, email=email_or_422(payload.email),
                              role=payload.role)
    return Status(202, None)


@router.put("/organisations/{slug}/team/{user_id}", response={200: MemberOut, 404: ErrorOut, **BODY_ERRORS})
def change_role(request, slug: str, user_id: int, payload: RoleIn):
    organisation = _administered(request, slug)
    member = _member(organisation, user_id)
    try:
        membership = team_domain.change_member_role(user=request.user, organisation=organisation, member=member,
                                                    role=payload.role)
    except (team_domain.LastAdminError, PermissionDenied) as error:  # the last admin; an unverified address
        raise HttpError(422, f"role: {error}") from None
    return {"user": member.pk, "name": member.public_name, "role": membership.role}


@router.delete("/organisations/{slug}/team/{user_id}", response={204: None, 404: ErrorOut, **ERRORS})
def remove_member(request, slug: str, user_id: int):
    organisation = _administered(request, slug)
    member = _member(organisation, user_id)
    try:
        team_domain.remove_member(user=request.user, organisation=organisation, member=member)
    except team_domain.LastAdminError as error:
        raise HttpError(422, str(error)) from None
    return Status(204, None)

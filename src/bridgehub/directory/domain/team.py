"""Who is on an organisation's team: invitations (the only way in), role changes, removal."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bridgehub.accounts.domain import invitations
from bridgehub.accounts.domain.addresses import has_verified_address
from bridgehub.directory.domain.organisations import check_can_edit
from bridgehub.directory.enums import OrgRole
from bridgehub.directory.models import Organisation, OrganisationInvitation, OrganisationMembership


class LastAdminError(ValueError):
    """The change would leave the organisation without an admin."""


def invite_member(*, user: Any, organisation: Organisation, email: str,
                  role: str = OrgRole.MEMBER) -> OrganisationInvitation:
    """Offer a place on the team to whoever reads `email`. Whether an account uses the address is
    never looked at, so the answer cannot reveal it.

    Side effects: one OrganisationInvitation (an open one for the same address is replaced); after
    commit, the invitation e-mail with its one-time link.
    """
    check_can_edit(user, organisation)
    if role not in OrgRole.values:
        raise ValueError(f"unknown organisation role {role!r}")
    with transaction.atomic():
        return invitations.send_new(
            OrganisationInvitation(organisation=organisation, email=email.strip().lower(), role=role, invited_by=user),
            replacing=OrganisationInvitation.objects.filter(organisation=organisation, email__iexact=email.strip()),
            what=lambda: f"{OrgRole(role).label} – {organisation.name}")


def accept_team_invitation(*, user: Any, invitation: OrganisationInvitation) -> OrganisationMembership:
    """The invited person, logged in with the invited address verified, joins the team.

    Side effects: the membership (an existing one keeps the stronger role), the invitation marked accepted.
    """

    def grant(locked: OrganisationInvitation) -> OrganisationMembership:
        membership, _created = OrganisationMembership.objects.get_or_create(
            organisation=locked.organisation, user=user, defaults={"role": locked.role})
        if locked.role == OrgRole.ADMIN and membership.role != OrgRole.ADMIN:
            membership.role = OrgRole.ADMIN
            membership.save(update_fields=["role"])
        return membership

    return invitations.accept(user, invitation, grant)


def revoke_team_invitation(*, user: Any, invitation: OrganisationInvitation) -> None:
    check_can_edit(user, invitation.organisation)
    with transaction.atomic():
        OrganisationInvitation.objects.filter(pk=invitation.pk, accepted_at=None).update(revoked_at=timezone.now())


def change_member_role(*, user: Any, organisation: Organisation, member: Any, role: str) -> OrganisationMembership:
    """Change the role of someone already on the team. Refuses to demote the last admin.

    Side effects: one membership row.
    """
    check_can_edit(user, organisation)
    if role not in OrgRole.values:
        raise ValueError(f"unknown organisation role {role!r}")
    if role == OrgRole.ADMIN and not has_verified_address(member):
        raise PermissionDenied("roles are given only to verified addresses")
    with transaction.atomic():
        membership = OrganisationMembership.objects.select_for_update().filter(
            organisation=organisation, user=member).first()
        if membership is None:
            raise PermissionDenied("invite newcomers; only existing members change role")
        if role != OrgRole.ADMIN:
            _check_other_admin_remains(organisation, member)
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


def remove_member(*, user: Any, organisation: Organisation, member: Any) -> None:
    """Remove `member` from the organisation. Side effects: deletes the membership row."""
    check_can_edit(user, organisation)
    with transaction.atomic():
        _check_other_admin_remains(organisation, member)
        OrganisationMembership.objects.filter(organisation=organisation, user=member).delete()


def _check_other_admin_remains(organisation: Organisation, member: Any) -> None:
    admins = organisation.memberships.filter(role=OrgRole.ADMIN).exclude(user=member)
    if not admins.exists():
        raise LastAdminError(_("An organisation needs at least one admin."))

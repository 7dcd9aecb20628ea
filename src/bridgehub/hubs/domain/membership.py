"""Changes to who belongs to a hub: invitations (the only way in), role changes, removal."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation

from bridgehub.accounts.domain import invitations
from bridgehub.accounts.domain.addresses import has_verified_address
from bridgehub.hubs.domain.queries import operated_hub_ids
from bridgehub.hubs.enums import HubRole
from bridgehub.hubs.models import Hub, HubInvitation, HubMembership


def check_operator(user: Any, hub: Hub) -> None:
    if hub.pk not in operated_hub_ids(user):
        raise PermissionDenied("only this hub's operators change who belongs to it")


def invite_to_hub(*, user: Any, hub: Hub, email: str, role: str) -> HubInvitation:
    """Offer `role` in `hub` to whoever reads `email`. Whether an account uses the address is never
    looked at, so the answer cannot reveal it.

    Side effects: one HubInvitation (an open one for the same address and hub is replaced); after
    commit, the invitation e-mail with its one-time link.
    """
    check_operator(user, hub)
    if role not in HubRole.values:
        raise ValueError(f"unknown hub role {role!r}")
    with transaction.atomic():
        return invitations.send_new(
            HubInvitation(hub=hub, email=email.strip().lower(), role=role, invited_by=user),
            replacing=HubInvitation.objects.filter(hub=hub, email__iexact=email.strip()),
            what=lambda: f"{HubRole(role).label} – {hub.name_for(translation.get_language())}")


def accept_hub_invitation(*, user: Any, invitation: HubInvitation) -> HubMembership:
    """The invited person, logged in with the invited address verified, takes the role.

    Side effects: the membership (an existing one keeps the stronger role), the invitation marked accepted.
    """

    def grant(locked: HubInvitation) -> HubMembership:
        membership, _created = HubMembership.objects.get_or_create(hub=locked.hub, user=user,
                                                                   defaults={"role": locked.role})
        if locked.role == HubRole.OPERATOR and membership.role != HubRole.OPERATOR:
            membership.role = HubRole.OPERATOR
            membership.save(update_fields=["role"])
        return membership

    return invitations.accept(user, invitation, grant)


def revoke_hub_invitation(*, user: Any, invitation: HubInvitation) -> None:
    check_operator(user, invitation.hub)
    with transaction.atomic():
        HubInvitation.objects.filter(pk=invitation.pk, accepted_at=None).update(revoked_at=timezone.now())


def set_hub_role(*, user: Any, hub: Hub, member: Any, role: str) -> HubMembership:
    """Change the role of someone already in `hub` (newcomers come in by invitation only).

    Side effects: writes one HubMembership row.
    """
    check_operator(user, hub)
    if role not in HubRole.values:
        raise ValueError(f"unknown hub role {role!r}")
    if not has_verified_address(member):
        raise PermissionDenied("roles are given only to verified addresses")
    with transaction.atomic():
        membership = HubMembership.objects.select_for_update().filter(hub=hub, user=member).first()
        if membership is None:
            raise PermissionDenied("invite newcomers; only existing members change role")
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


def remove_from_hub(*, user: Any, hub: Hub, member: Any) -> bool:
    """Side effects: deletes the membership row (the person's own organisations stay in the hub)."""
    check_operator(user, hub)
    with transaction.atomic():
        deleted, _ = HubMembership.objects.filter(hub=hub, user=member).delete()
    return deleted > 0

"""What the hubs app holds about a person: hub roles, and invitations sent to their address."""

from __future__ import annotations

from typing import Any

from bridgehub.hubs.models import HubInvitation, HubMembership


def export(user: Any) -> dict[str, Any]:
    return {
        "memberships": [{"hub": m.hub.slug, "role": m.role, "since": m.created_at.isoformat()}
                        for m in HubMembership.objects.filter(user=user).select_related("hub")],
        "invitations_received": [{"hub": i.hub.slug, "role": i.role, "created_at": i.created_at.isoformat(),
                                  "accepted": i.accepted_at is not None}
                                 for i in HubInvitation.objects.filter(email__iexact=user.email).select_related("hub")],
    }


def erase(user: Any) -> None:
    HubMembership.objects.filter(user=user).delete()
    HubInvitation.objects.filter(email__iexact=user.email).delete()

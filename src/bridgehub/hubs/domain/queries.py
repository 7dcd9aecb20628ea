"""Who holds which role in which hub."""

from __future__ import annotations

from typing import Any

from bridgehub.hubs.enums import HubRole
from bridgehub.hubs.models import Hub, HubMembership


def operated_hub_ids(user: Any) -> frozenset[int]:
    """Ids of the hubs `user` operates; cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_operated_hub_ids", None)
    if cached is None:
        cached = frozenset(
            HubMembership.objects.filter(user=user, role=HubRole.OPERATOR).values_list("hub_id", flat=True)
        )
        user._operated_hub_ids = cached
    return cached


def hubs_operated_by(user: Any):
    return Hub.objects.filter(pk__in=operated_hub_ids(user))


def access_hub_for_operator(user: Any, slug: str) -> Hub | None:
    """The hub with `slug` if `user` operates it; None for missing and forbidden alike."""
    hub = Hub.objects.filter(slug=slug).first()
    if hub is None or hub.pk not in operated_hub_ids(user):
        return None
    return hub


def hub_member(hub: Hub, user_id: int) -> Any:
    """The account `user_id` if it is a member of `hub` (any role), else None."""
    from bridgehub.accounts.models import User

    return User.objects.filter(pk=user_id, hub_memberships__hub=hub).first()

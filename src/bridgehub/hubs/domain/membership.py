"""Changes to who belongs to a hub."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from bridgehub.hubs.enums import HubRole
from bridgehub.hubs.models import Hub, HubMembership


def set_hub_role(*, user: Any, hub: Hub, member: Any, role: str) -> HubMembership:
    """Give `member` the `role` in `hub` (creating or changing the membership).

    Side effects: writes one HubMembership row.
    """
    if role not in HubRole.values:
        raise ValueError(f"unknown hub role {role!r}")
    with transaction.atomic():
        membership, _created = HubMembership.objects.update_or_create(
            hub=hub, user=member, defaults={"role": role}
        )
    return membership


def remove_from_hub(*, user: Any, hub: Hub, member: Any) -> bool:
    with transaction.atomic():
        deleted, _ = HubMembership.objects.filter(hub=hub, user=member).delete()
    return deleted > 0

"""Who holds which role in which hub."""

from __future__ import annotations

from typing import Any

from bridgehub.common.statements import Part, Select
from bridgehub.directory.domain.viewer import viewer_of
from bridgehub.hubs.models import Hub


def operated_hub_ids(user: Any) -> frozenset[int]:
    """Ids of the hubs `user` operates (cached per request: directory/domain/viewer.py)."""
    return viewer_of(user).operated_hubs


_BY_ID = Select([Part(Hub, "h")], lambda n: f"FROM {n.table(Hub)} h "  # noqa: S608 (model names only)
                f"WHERE h.{n.column(Hub, 'id')} IN (%s) ORDER BY h.{n.column(Hub, 'slug')}")


def hubs_by_id(ids: frozenset[int]) -> list[Hub]:
    """The hubs `ids` by slug (a statement: read on every signals page, for its panel)."""
    return [hub for (hub,) in _BY_ID.rows([sorted(ids)])]


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

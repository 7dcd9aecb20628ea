"""Who holds which role in which hub."""

from __future__ import annotations

from typing import Any

from bridgehub.common.statements import Names, Part, Select
from bridgehub.hubs.enums import HubRole
from bridgehub.hubs.models import Hub, HubMembership


def _roles_of_a_user(n: Names) -> str:
    return (f"FROM {n.table(HubMembership)} m WHERE m.{n.column(HubMembership, 'user')} = %s "  # noqa: S608
            f"AND m.{n.column(HubMembership, 'role')} = %s")


# Read on every page for the top bar's back-office link: a statement (common/statements.py says why).
_OPERATED = Select([Part(HubMembership, "m", ("hub",))], _roles_of_a_user)


def operated_hub_ids(user: Any) -> frozenset[int]:
    """Ids of the hubs `user` operates; cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_operated_hub_ids", None)
    if cached is None:
        cached = frozenset(m.hub_id for (m,) in _OPERATED.rows([user.pk, HubRole.OPERATOR.value]))
        user._operated_hub_ids = cached
    return cached


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

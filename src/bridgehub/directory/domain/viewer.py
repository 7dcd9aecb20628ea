"""Who the signed-in person is, for access rules: read once per request.

Nearly every page asks three things of the viewer: their organisations (with their role in each), the
hubs they hold a role in (member, operator), and the hubs that approved one of their organisations.
They were three statements; here they are one, three index lookups joined by UNION ALL, cached on the
user object for the request (`forget` after a change made within it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bridgehub.common.statements import Names, Values
from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import OrganisationHub, OrganisationMembership
from bridgehub.hubs.enums import HubRole
from bridgehub.hubs.models import HubMembership

_ORGANISATION, _HUB_ROLE, _APPROVED = "o", "h", "a"


@dataclass(frozen=True)
class Viewer:
    organisation_roles: dict[int, str]  # {organisation id: role}
    member_hubs: frozenset[int]  # a role held in the hub (any), or one of their organisations approved there
    operated_hubs: frozenset[int]


NOBODY = Viewer({}, frozenset(), frozenset())


def _facts(n: Names) -> str:
    memberships, organisation = n.table(OrganisationMembership), n.column(OrganisationMembership, "organisation")
    member = n.column(OrganisationMembership, "user")
    return (f"SELECT '{_ORGANISATION}', m.{organisation}, m.{n.column(OrganisationMembership, 'role')} "  # noqa: S608
            f"FROM {memberships} m WHERE m.{member} = %s "
            f"UNION ALL SELECT '{_HUB_ROLE}', h.{n.column(HubMembership, 'hub')}, h.{n.column(HubMembership, 'role')} "
            f"FROM {n.table(HubMembership)} h WHERE h.{n.column(HubMembership, 'user')} = %s "
            f"UNION ALL SELECT '{_APPROVED}', a.{n.column(OrganisationHub, 'hub')}, '' "
            f"FROM {n.table(OrganisationHub)} a JOIN {memberships} m "
            f"ON m.{organisation} = a.{n.column(OrganisationHub, 'organisation')} "
            f"WHERE m.{member} = %s AND a.{n.column(OrganisationHub, 'status')} = %s")


# Read on nearly every page: a statement (common/statements.py says why).
_FACTS = Values(_facts)


def viewer_of(user: Any) -> Viewer:
    """The viewer's organisations and hubs (NOBODY when signed out); cached on `user` for the request."""
    if not getattr(user, "is_authenticated", False):
        return NOBODY
    cached = getattr(user, "_viewer", None)
    if cached is None:
        organisations, member_hubs, operated_hubs = {}, set(), set()
        for kind, key, role in _FACTS.rows([user.pk, user.pk, user.pk, ApprovalStatus.APPROVED.value]):
            if kind == _ORGANISATION:
                organisations[key] = role
            else:  # a hub role held directly, or a hub that approved one of their organisations
                member_hubs.add(key)
                if kind == _HUB_ROLE and role == HubRole.OPERATOR:
                    operated_hubs.add(key)
        cached = user._viewer = Viewer(organisations, frozenset(member_hubs), frozenset(operated_hubs))
    return cached


def forget(user: Any) -> None:
    """After the viewer joined or created an organisation, or took a hub role, within the request."""
    user._viewer = None

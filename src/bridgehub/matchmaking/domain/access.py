"""Who acts for a match profile: its organisation's members read and act on matches; only its
admins change what the organisation states (capacity, sectors). A talent acts for themselves."""

from __future__ import annotations

from typing import Any

from bridgehub.directory.domain.queries import own_organisation_roles
from bridgehub.directory.enums import OrgRole
from bridgehub.matchmaking.models import MatchProfile


def is_reader(user: Any, profile: MatchProfile) -> bool:
    if profile.organisation_id:
        return profile.organisation_id in own_organisation_roles(user)
    return profile.person is not None and profile.person.user_id == getattr(user, "pk", None)


def is_profile_admin(user: Any, profile: MatchProfile) -> bool:
    if profile.organisation_id:
        return own_organisation_roles(user).get(profile.organisation_id) == OrgRole.ADMIN
    return is_reader(user, profile)

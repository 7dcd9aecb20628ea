"""Reading the pipeline: relationships a person may see, and a hub's funnel as of a date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from bridgehub.directory.domain.queries import own_organisation_roles
from bridgehub.engines.pipeline import funnel as engine
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.domain.relationships import state_of
from bridgehub.pipeline.enums import STEP_OF_STAGE
from bridgehub.pipeline.models import Relationship

STEPS = max(STEP_OF_STAGE.values())


def relationships_for_user(user: Any) -> QuerySet[Relationship]:
    """The relationships `user` is a side of (through their organisations, or as the talent)."""
    if not getattr(user, "is_authenticated", False):
        return Relationship.objects.none()
    organisations = list(own_organisation_roles(user))
    return Relationship.objects.filter(
        Q(organisation_id__in=organisations) | Q(counterpart_id__in=organisations) | Q(person__user=user))


def hub_funnel(hub: Hub, as_of: dt.datetime) -> engine.Funnel:
    """Relationships of the hub opened by `as_of`, counted by the furthest step each had reached then."""
    relationships = (Relationship.objects.filter(hub=hub, opened_at__lte=as_of)
                     .prefetch_related("events__confirmations"))
    return engine.funnel([state_of(relationship, as_of) for relationship in relationships], steps=STEPS)

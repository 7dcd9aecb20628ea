"""Stalled relationships: open, at a stage for longer than the hub allows, with no next step ahead.

A relationship is stalled when nothing moved (no stage recorded, whatever its date) for more than the
hub's limit for its current stage, and nobody set a next step dated today or later: a dated next step
means someone is on it. Closed ones and those that reached an outcome (investment, hire, order) never
stall.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from bridgehub.hubs.domain.queries import operated_hub_ids
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.enums import OUTCOME_STAGES, Stage
from bridgehub.pipeline.models import PipelineSettings, Relationship


def settings_for(hub: Hub | int) -> PipelineSettings:
    """The hub's settings (the defaults, unsaved, where an operator never changed them)."""
    hub_id = hub if isinstance(hub, int) else hub.pk
    return PipelineSettings.objects.filter(hub_id=hub_id).first() or PipelineSettings(hub_id=hub_id)


def last_moved_on(relationship: Relationship, zone: dt.tzinfo) -> dt.date:
    """The day of the latest stage (effective or recorded, whichever is later) or the opening
    (uses prefetched events)."""
    days = [relationship.opened_at.astimezone(zone).date()]
    for event in relationship.events.all():
        days.extend((event.effective_on, event.recorded_at.astimezone(zone).date()))
    return max(days)


def idle_days(relationship: Relationship, current: str | None, lost: bool, settings: PipelineSettings,
              today: dt.date, zone: dt.tzinfo) -> int | None:
    """Days since the relationship last moved when that is past the hub's limit (None: not stalled)."""
    if lost or current in OUTCOME_STAGES or current == Stage.CLOSED_LOST:
        return None
    if relationship.next_step_on is not None and relationship.next_step_on >= today:
        return None
    limit = settings.stale_after(current)
    if not limit:
        return None
    idle = (today - last_moved_on(relationship, zone)).days
    return idle if idle > limit else None


def save_stale_limits(*, user: Any, hub: Hub, limits: dict[str, int]) -> PipelineSettings:
    """An operator sets the days after which a relationship at each stage counts as stalled.

    Side effects: the hub's pipeline settings row (created on first save).
    """
    if hub.pk not in operated_hub_ids(user):
        raise PermissionDenied
    with transaction.atomic():
        settings, _created = PipelineSettings.objects.select_for_update().get_or_create(hub=hub)
        for field, days in limits.items():
            if not field.startswith("stale_after_") or not 0 <= int(days) <= 3650:
                raise ValueError(f"{field}: {days}")
            setattr(settings, field, int(days))
        settings.save()
    return settings

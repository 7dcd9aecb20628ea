"""A hub's screening settings, changed by its operators: thresholds, rules off, rule weights."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bridgehub.engines.trust.rules import DEFAULT_RULES
from bridgehub.hubs.domain.queries import operated_hub_ids
from bridgehub.hubs.models import Hub
from bridgehub.trust.models import TrustSettings


class SettingsError(ValidationError):
    pass


def _score(data: Mapping[str, Any], key: str, label: str, allow_empty: bool = False) -> float | None:
    raw = str(data.get(key, "")).strip().replace(",", ".")
    if raw == "" and allow_empty:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError({key: _("%(field)s: a number between 0 and 1, like 0.5.") % {"field": label}}) from None
    if not 0.0 <= value <= 1.0:
        raise SettingsError({key: _("%(field)s: a number between 0 and 1, like 0.5.") % {"field": label}})
    return value


@transaction.atomic
def save_settings(*, user: Any, hub: Hub, data: Mapping[str, Any]) -> TrustSettings:
    """`data` holds caution_at, hold_at (empty: never hold), on_<code> for each rule left on and
    weight_<code>. Nothing changes when a value is wrong. Side effects: the hub's settings row."""
    if hub.pk not in operated_hub_ids(user):
        raise PermissionDenied
    caution_at = _score(data, "caution_at", _("Caution from score"))
    hold_at = _score(data, "hold_at", _("Hold for review from score"), allow_empty=True)
    if hold_at is not None and caution_at is not None and hold_at < caution_at:
        raise SettingsError({"hold_at": _("Hold for review from score: at least the caution score.")})
    codes = list(dict.fromkeys(rule.code for rule in DEFAULT_RULES))
    defaults = {rule.code: rule.weight for rule in reversed(DEFAULT_RULES)}
    weights = {}
    for code in codes:
        if f"weight_{code}" in data:
            weight = _score(data, f"weight_{code}", code)
            if weight is not None and abs(weight - defaults[code]) > 1e-9:
                weights[code] = weight
    settings, _created = TrustSettings.objects.get_or_create(hub=hub)
    settings.caution_at = caution_at if caution_at is not None else 0.5
    settings.hold_at = hold_at
    settings.disabled_rules = [code for code in codes if f"on_{code}" not in data]
    settings.weights = weights
    settings.updated_by = user
    settings.save()
    return settings

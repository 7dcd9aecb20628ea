"""A hub's stage history in memory, as the columns `engines/pipeline/columns.py` counts from.

Each process keeps the columns of the hubs it reported on and rebuilds them when the hub's history
token changes. Every write to the history (opening, a stage, a confirmation, a verification, a deletion)
sets a new token in the same transaction (`history_changed`), so a report never reads a history older
than the token it saw; anything that writes pipeline rows outside the domain functions (demo builders,
tests that move dates) calls `history_changed` too.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading

from django.db.models import Min

from bridgehub.common.money import CURRENCIES
from bridgehub.engines.pipeline.amounts import Rate, RateTable
from bridgehub.engines.pipeline.columns import LOST, NEVER, History, build
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.enums import STEP_OF_STAGE, Stage
from bridgehub.pipeline.models import ExchangeRate, PipelineSettings, Relationship, StageEvent

STEPS = max(STEP_OF_STAGE.values())
STAGES = tuple(Stage.values)
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_lock = threading.Lock()
_kept: dict[int, tuple[tuple, History]] = {}  # hub id → ((token, currency, zone), columns)


def _new_token() -> int:
    return secrets.randbits(62) + 1


def history_changed(hub_id: int) -> None:
    """Marks the hub's history changed: every process rebuilds its columns on its next report.

    Only updates: where the hub has no token yet, no process keeps its columns (a process sets the token
    before it reads the history it keeps under it)."""
    PipelineSettings.objects.filter(hub_id=hub_id).update(history_token=_new_token())


def _current_token(hub_id: int) -> int:
    token = PipelineSettings.objects.filter(hub_id=hub_id).values_list("history_token", flat=True).first()
    if token:
        return int(token)
    settings, _created = PipelineSettings.objects.get_or_create(hub_id=hub_id)
    if not settings.history_token:
        PipelineSettings.objects.filter(pk=settings.pk, history_token=0).update(history_token=_new_token())
    return int(PipelineSettings.objects.filter(pk=settings.pk).values_list("history_token", flat=True).get())


def hub_history(hub: Hub) -> History:
    token = (_current_token(hub.pk), hub.currency, hub.time_zone)
    with _lock:
        kept = _kept.get(hub.pk)
        if kept is not None and kept[0] == token:
            return kept[1]
    history = build_history(hub)
    with _lock:
        _kept[hub.pk] = (token, history)
    return history


def micros(moment: dt.datetime) -> int:
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def build_history(hub: Hub) -> History:
    """The hub's columns, amounts converted into its currency at the rate of each one's day."""
    hub_id, zone, rates = hub.pk, hub.zone, rate_table()
    relationships = []
    for pk, opened_at, round_id, organisation_id, counterpart_id in (
            Relationship.objects.filter(hub_id=hub_id).order_by("pk")
            .values_list("pk", "opened_at", "round_id", "organisation_id", "counterpart_id")):
        day = opened_at.astimezone(zone).date()
        relationships.append((pk, micros(opened_at), day.toordinal(),
                              round_id if round_id else -(day.year * 100 + day.month),
                              organisation_id, counterpart_id or 0))
    rows = (StageEvent.objects.filter(relationship__hub_id=hub_id).order_by().values("pk")
            .annotate(first_confirmed=Min("confirmations__at"))
            .values_list("relationship_id", "pk", "stage", "effective_on", "recorded_at", "first_confirmed",
                         "amount", "currency"))
    return build(relationships, ((relationship_id, pk, stage, STEP_OF_STAGE.get(Stage(stage), LOST),
                                  effective_on.toordinal(), micros(recorded_at),
                                  NEVER if confirmed is None else micros(confirmed), amount, currency,
                                  None if amount is None else rates.convert(amount, currency, hub.currency,
                                                                            effective_on))
                                 for relationship_id, pk, stage, effective_on, recorded_at, confirmed, amount, currency
                                 in rows),
                 STAGES, STEPS, CURRENCIES)


def rate_table() -> RateTable:
    return RateTable(Rate(currency, valid_from, per_usd) for currency, valid_from, per_usd
                     in ExchangeRate.objects.values_list("currency", "valid_from", "per_usd"))


def exchange_rates_changed() -> None:
    """Converted totals depend on the rates: every hub's columns are rebuilt."""
    PipelineSettings.objects.update(history_token=_new_token())

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
from typing import Any

import numpy as np
from django.db import connection
from django.db.models import BigIntegerField, F, Func, Min, QuerySet, TextField
from django.db.models.functions import Cast

from bridgehub.common.money import CURRENCIES
from bridgehub.engines.pipeline.amounts import Rate, RateTable
from bridgehub.engines.pipeline.columns import LOST, NEVER, History, from_arrays
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.enums import STEP_OF_STAGE, STEPS, Stage
from bridgehub.pipeline.models import ExchangeRate, PipelineSettings, Relationship, StageConfirmation, StageEvent

STAGES = tuple(Stage.values)
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_lock = threading.Lock()
_kept: dict[int, tuple[tuple, History]] = {}  # hub id → ((token, currency, zone), columns)


def _new_token() -> int:
    return secrets.randbits(62) + 1


def history_changed(hub_id: int) -> None:
    """Marks the hub's history changed: every process rebuilds its columns on its next report. The hub's
    settings row is made here, on a write, where it is missing (a report never writes)."""
    if not PipelineSettings.objects.filter(hub_id=hub_id).update(history_token=_new_token()):
        PipelineSettings.objects.get_or_create(hub_id=hub_id)
        PipelineSettings.objects.filter(hub_id=hub_id).update(history_token=_new_token())


def _current_token(hub_id: int) -> int:
    """The hub's history token; 0 while nothing marked it changed (columns built under 0 are rebuilt as
    soon as a write sets a token)."""
    token = PipelineSettings.objects.filter(hub_id=hub_id).values_list("history_token", flat=True).first()
    return int(token or 0)


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


def _raw(queryset: QuerySet) -> list[tuple]:
    """The query's rows as the database driver returns them, without Django's per-value converters (at a
    quarter of a million rows, parsing each date and time in Python took most of the build)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _moment(expression: Any) -> Any:
    """A date-time column in the form its driver returns fastest and numpy reads in one call: microseconds
    since the epoch from PostgreSQL, UTC text from SQLite (whose stored form it is)."""
    if connection.vendor == "postgresql":
        return Func(expression, template="(EXTRACT(EPOCH FROM %(expressions)s) * 1000000)::bigint",
                    output_field=BigIntegerField())
    if connection.vendor == "sqlite":
        return Cast(expression, TextField())
    return expression


def _day(field: str) -> Any:
    """A date column as a proleptic ordinal (PostgreSQL) or ISO text (SQLite)."""
    if connection.vendor == "postgresql":
        return Func(F(field), template="(%(expressions)s - DATE '0001-01-01' + 1)", output_field=BigIntegerField())
    if connection.vendor == "sqlite":
        return Cast(field, TextField())
    return F(field)


def _micros(values: list) -> np.ndarray:
    """UTC moments (microseconds, text or datetimes; None → NEVER) as microseconds since the epoch."""
    result = np.full(len(values), NEVER, dtype=np.int64)
    present = [index for index, value in enumerate(values) if value is not None]
    if not present:
        return result
    first = values[present[0]]
    if isinstance(first, int):
        result[present] = [values[index] for index in present]
    elif isinstance(first, str):  # SQLite keeps UTC as "YYYY-MM-DD HH:MM:SS[.ffffff]"
        result[present] = np.array([values[index] for index in present], dtype="datetime64[us]").astype(np.int64)
    else:
        result[present] = [micros(values[index] if values[index].tzinfo else values[index].replace(tzinfo=dt.UTC))
                           for index in present]
    return result


def _days(values: list) -> np.ndarray:
    """Dates (ordinals, ISO text or date objects) as ordinals."""
    if values and isinstance(values[0], int):
        return np.array(values, dtype=np.int64)
    return np.array(values, dtype="datetime64[D]").astype(np.int64) + _EPOCH_ORDINAL


def build_history(hub: Hub) -> History:
    """The hub's columns, amounts converted into its currency at the rate of each one's day."""
    rates = rate_table()
    relationships = _raw(Relationship.objects.filter(hub_id=hub.pk).order_by("pk")
                         .annotate(opened=_moment(F("opened_at")))
                         .values_list("pk", "opened", "round_id", "organisation_id", "counterpart_id"))
    ids, opened, rounds, organisations, counterparts = (list(column) for column in zip(*relationships, strict=True)) \
        if relationships else ([], [], [], [], [])
    opened_at = _micros(opened)
    local_days = [(_EPOCH + dt.timedelta(microseconds=int(moment))).astimezone(hub.zone).date() for moment in opened_at]
    events = _raw(StageEvent.objects.filter(relationship__hub_id=hub.pk).order_by("pk")
                  .annotate(day=_day("effective_on"), recorded=_moment(F("recorded_at")))
                  .values_list("relationship_id", "pk", "stage", "day", "recorded", "amount", "currency"))
    columns = list(zip(*events, strict=True)) if events else [()] * 7
    # The first confirmation or verification of each event (two plain scans are faster than one grouped join).
    confirmations = _raw(StageConfirmation.objects.filter(event__relationship__hub_id=hub.pk).order_by()
                         .values("event_id").annotate(first=_moment(Min("at"))).values_list("event_id", "first"))
    event_ids = np.array(columns[1], dtype=np.int64)
    confirmed = np.full(len(events), NEVER, dtype=np.int64)
    if confirmations:
        confirmed_ids, firsts = zip(*confirmations, strict=True)
        confirmed[np.searchsorted(event_ids, np.array(confirmed_ids, dtype=np.int64))] = _micros(list(firsts))
    stage_index = {stage: position for position, stage in enumerate(STAGES)}
    currency_index = {currency: position for position, currency in enumerate(CURRENCIES)}
    days = _days(list(columns[3]))
    amounts = np.array([-1 if amount is None else amount for amount in columns[5]], dtype=np.int64)
    values = np.full(len(events), -1, dtype=np.int64)
    for index in np.flatnonzero(amounts >= 0).tolist():
        value = rates.convert(int(amounts[index]), columns[6][index], hub.currency,
                              dt.date.fromordinal(int(days[index])))
        values[index] = -1 if value is None else value
    return from_arrays(
        relationship_ids=np.array(ids, dtype=np.int64), opened_at=opened_at,
        opened_day=np.array([day.toordinal() for day in local_days], dtype=np.int64),
        cohort=np.array([round_id if round_id else -(day.year * 100 + day.month)
                         for round_id, day in zip(rounds, local_days, strict=True)], dtype=np.int64),
        organisation=np.array(organisations, dtype=np.int64),
        counterpart=np.array([pk or 0 for pk in counterparts], dtype=np.int64),
        event_relationship_id=np.array(columns[0], dtype=np.int64), event_id=event_ids,
        event_stage=np.array([stage_index[stage] for stage in columns[2]], dtype=np.int64), event_day=days,
        event_recorded=_micros(list(columns[4])), event_confirmed=confirmed, event_amount=amounts,
        event_currency=np.array([currency_index.get(currency, -1) for currency in columns[6]], dtype=np.int64),
        event_value=values, stages=STAGES, currencies=CURRENCIES, steps=STEPS,
        step_of_stage=np.array([STEP_OF_STAGE.get(Stage(stage), LOST) for stage in STAGES], dtype=np.int8))


def rate_table() -> RateTable:
    return RateTable(Rate(currency, valid_from, per_usd) for currency, valid_from, per_usd
                     in ExchangeRate.objects.values_list("currency", "valid_from", "per_usd"))


def exchange_rates_changed() -> None:
    """Converted totals depend on the rates: every hub's columns are rebuilt."""
    PipelineSettings.objects.update(history_token=_new_token())

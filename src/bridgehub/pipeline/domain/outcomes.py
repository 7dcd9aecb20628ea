"""A hub's outcomes as of a date: the funnel, time-to-step figures, cohorts and converted totals.

Reads plain rows (two queries: relationships, their events with the first confirmation) rather than
model instances, so a hub with tens of thousands of relationships is counted in one pass; the
relationships a page lists are fetched separately, one page at a time.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Min, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from bridgehub.engines.pipeline import cohorts as cohort_engine
from bridgehub.engines.pipeline import funnel as engine
from bridgehub.engines.pipeline.amounts import Rate, RateTable, Total
from bridgehub.exchanges.models import Round
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.domain.queries import STEP_LABELS, STEPS, PipelineFilters
from bridgehub.pipeline.enums import AMOUNT_STAGES, STEP_OF_STAGE, Stage
from bridgehub.pipeline.models import ExchangeRate, Relationship, StageEvent

# "Substantive cooperation": a PoC or anything further. The cohort table and headline count it.
COOPERATION_STEP = STEP_OF_STAGE[Stage.POC]
CONVERSION_WINDOW_DAYS = 90


@dataclass
class Amounts:
    """Claimed and confirmed amounts of one stage, per currency and converted into the hub's currency."""

    stage: str
    claimed: Total
    confirmed: Total


@dataclass
class HubOutcomes:
    as_of: dt.datetime
    today: dt.date  # the report's day in the hub's zone
    currency: str
    states: dict[int, engine.State]  # relationship id → state as of the date
    funnel: engine.Funnel
    steps: list[tuple[int, str, int, int]]  # (step, label, reached, confirmed)
    conversions: list[cohort_engine.Conversion]
    incidence: list[tuple[int, str, dict[int, float | None]]]  # (step, label, horizon → share)
    medians: list[cohort_engine.TimeToStep]
    cohorts: list[tuple[str, cohort_engine.CohortRow]]  # (label, row)
    amounts: list[Amounts] = field(default_factory=list)

    @property
    def lost(self) -> int:
        return sum(1 for state in self.states.values() if state.lost)

    def ids_at_step(self, step: int | None) -> list[int]:
        """Relationships that reached `step` or further (all for None), newest first."""
        return sorted((pk for pk, state in self.states.items() if step is None or state.furthest_step >= step),
                      reverse=True)


def chosen_relationships(hub: Hub, as_of: dt.datetime, filters: PipelineFilters | None = None,
                         ) -> QuerySet[Relationship]:
    chosen = Relationship.objects.filter(hub=hub, opened_at__lte=as_of)
    return chosen if filters is None else filters.apply(chosen, hub)


def rate_table() -> RateTable:
    return RateTable(Rate(currency, valid_from, per_usd) for currency, valid_from, per_usd
                     in ExchangeRate.objects.values_list("currency", "valid_from", "per_usd"))


def hub_outcomes(hub: Hub, as_of: dt.datetime, filters: PipelineFilters | None = None) -> HubOutcomes:
    """Every figure counts only rows recorded by `as_of`, so a past date's report never changes."""
    chosen = chosen_relationships(hub, as_of, filters)
    relationships = list(chosen.order_by().distinct().values_list("pk", "opened_at", "round_id"))
    events: dict[int, list[engine.Event]] = defaultdict(list)
    amount_rows = []
    rows = (StageEvent.objects.filter(relationship__in=chosen.order_by().values("pk"), recorded_at__lte=as_of)
            .order_by().values("pk").annotate(first_confirmed=Min("confirmations__at"))
            .values_list("relationship_id", "stage", "effective_on", "recorded_at", "first_confirmed", "amount",
                         "currency"))
    for relationship_id, stage, effective_on, recorded_at, confirmed_at, amount, currency in rows:
        events[relationship_id].append(engine.Event(stage, STEP_OF_STAGE.get(Stage(stage)), effective_on, recorded_at,
                                                    confirmed_at))
        if amount is not None and stage in AMOUNT_STAGES:
            amount_rows.append((stage, effective_on, amount, currency,
                                confirmed_at is not None and confirmed_at <= as_of))
    today = (as_of - dt.timedelta(microseconds=1)).astimezone(hub.zone).date()
    round_labels = _round_labels({round_id for _pk, _at, round_id in relationships if round_id})
    states: dict[int, engine.State] = {}
    courses = []
    for pk, opened_at, round_id in relationships:
        history = events.get(pk, [])
        states[pk] = engine.state_as_of(history, as_of)
        opened_on = opened_at.astimezone(hub.zone).date()
        cohort = round_labels[round_id] if round_id else _("Outside rounds, opened %(month)s") % {
            "month": opened_on.strftime("%Y-%m")}
        courses.append(cohort_engine.course_of(history, opened_on, as_of, STEPS, cohort))
    funnel = engine.funnel(list(states.values()), steps=STEPS)
    return HubOutcomes(
        as_of=as_of, today=today, currency=hub.currency, states=states, funnel=funnel,
        steps=[(k, str(STEP_LABELS[k]), funnel.reached[k], funnel.confirmed[k]) for k in range(STEPS + 1)],
        conversions=cohort_engine.windowed_conversions(courses, today, STEPS, CONVERSION_WINDOW_DAYS),
        incidence=[(k, str(STEP_LABELS[k]), cohort_engine.cumulative_incidence(courses, today, k))
                   for k in range(1, STEPS + 1)],
        medians=cohort_engine.median_days(courses, STEPS),
        cohorts=[(row.cohort, row) for row in cohort_engine.cohort_table(courses, today, COOPERATION_STEP)],
        amounts=_amounts(amount_rows, hub.currency))


def _round_labels(round_ids: set[int]) -> dict[int, str]:
    language = translation.get_language()
    rounds = Round.objects.filter(pk__in=round_ids).select_related("programme")
    return {one.pk: one.label_for(language) for one in rounds}


def _amounts(rows: list[tuple[str, dt.date, int, str, bool]], currency: str) -> list[Amounts]:
    rates = rate_table()
    by_stage: dict[str, Amounts] = {}
    for stage, effective_on, amount, amount_currency, confirmed in sorted(rows, key=lambda row: row[:2]):
        totals = by_stage.setdefault(stage, Amounts(stage, Total(currency), Total(currency)))
        totals.claimed.add(amount, amount_currency, effective_on, rates)
        if confirmed:
            totals.confirmed.add(amount, amount_currency, effective_on, rates)
    return [by_stage[stage] for stage in AMOUNT_STAGES if stage in by_stage]

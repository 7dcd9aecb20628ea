"""A hub's outcomes as of a date: the funnel, time-to-step figures, cohorts and converted totals.

Counted from the hub's history columns (domain/history.py, kept in memory until the history changes)
for any report date and any filter; per report, the database is asked only for small things (the
token, round names, the organisations a filter names) and for the relationships a page lists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from bridgehub.common.statements import Names, Part, Select
from bridgehub.directory.models import Organisation
from bridgehub.engines.pipeline import cohorts as cohort_engine
from bridgehub.engines.pipeline import funnel as engine
from bridgehub.engines.pipeline.amounts import Total
from bridgehub.engines.pipeline.columns import History, Snapshot
from bridgehub.exchanges.models import Programme, Round
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.domain.history import hub_history, micros
from bridgehub.pipeline.domain.queries import STEP_LABELS, PipelineFilters
from bridgehub.pipeline.enums import AMOUNT_STAGES, STEP_OF_STAGE, STEPS, Origin, Stage
from bridgehub.pipeline.models import Relationship

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
    snapshot: Snapshot
    funnel: engine.Funnel
    steps: list[tuple[int, str, int, int]]  # (step, label, reached, confirmed)
    conversions: list[cohort_engine.Conversion]
    incidence: list[tuple[int, str, dict[int, float | None]]]  # (step, label, horizon → share)
    medians: list[cohort_engine.TimeToStep]
    cohorts: list[tuple[str, cohort_engine.CohortRow]]  # (label, row)
    amounts: list[Amounts] = field(default_factory=list)
    rounds: list[tuple[int, str]] = field(default_factory=list)  # the hub's rounds, newest first: (id, title)

    @property
    def count(self) -> int:
        return self.snapshot.count

    @property
    def lost(self) -> int:
        return int((self.snapshot.lost & self.snapshot.chosen).sum())

    def ids_at_step(self, step: int | None) -> list[int]:
        """Relationships that reached `step` or further (all for None), newest first."""
        return self.snapshot.ids_at_step(step)

    def state_of(self, pk: int) -> engine.State:
        snapshot = self.snapshot
        index = snapshot.history.index_of[pk]
        current = int(snapshot.current[index])
        return engine.State(current=snapshot.history.stages[current] if current >= 0 else None,
                            furthest_step=int(snapshot.furthest[index]),
                            furthest_confirmed_step=int(snapshot.furthest_confirmed[index]),
                            lost=bool(snapshot.lost[index]))

    @cached_property
    def states(self) -> dict[int, engine.State]:
        """Every counted relationship's state (for the spreadsheets and checks; pages use `state_of`)."""
        return {pk: self.state_of(pk) for pk in self.ids_at_step(None)}


def listing(outcomes: HubOutcomes, ids: list[int]) -> list[tuple[str, str, str]]:
    """The relationships `ids` (in that order) as the page lists them: (sides, origin, stage as of the
    report), in the active language. Read as plain values: fifty rows of three models each cost more
    than the rest of the listing; labels looked up once, not once per row."""
    sides = {pk: (f"{organisation} · {counterpart or person}", origin)
             for pk, organisation, counterpart, person, origin in Relationship.objects.filter(pk__in=ids).values_list(
                 "pk", "organisation__name", "counterpart__name", "person__name", "origin")}
    origins = {value: str(label) for value, label in Origin.choices}
    stages = {value: str(label) for value, label in Stage.choices}
    rows = []
    for pk in ids:
        current = outcomes.state_of(pk).current
        names, origin = sides[pk]
        rows.append((names, origins[origin], stages[current] if current else str(STEP_LABELS[0])))
    return rows


def _organisations(condition: Q) -> np.ndarray:
    return np.fromiter(Organisation.objects.filter(condition).order_by().values_list("pk", flat=True), dtype=np.int64)


def chosen_mask(history: History, hub: Hub, filters: PipelineFilters | None) -> np.ndarray:
    """The relationships a report counts under `filters` (see PipelineFilters)."""
    chosen = np.ones(len(history.relationship_ids), dtype=bool)
    if filters is None:
        return chosen
    if filters.round_id is not None:
        chosen &= history.cohort == filters.round_id
    if filters.programme_id is not None:
        rounds = np.fromiter(Round.objects.filter(programme_id=filters.programme_id).values_list("pk", flat=True),
                             dtype=np.int64)
        chosen &= np.isin(history.cohort, rounds)
    if filters.sector:
        in_sector = _organisations(Q(sectors__code=filters.sector) | Q(sectors__parent__code=filters.sector))
        chosen &= np.isin(history.organisation, in_sector) | np.isin(history.counterpart, in_sector)
    if filters.countries is not None:
        # One read for both countries, unordered (the organisations' default order is by name).
        by_country: dict[str, list[int]] = {code: [] for code in filters.countries}
        for pk, country in Organisation.objects.filter(country__in=filters.countries).order_by().values_list(
                "pk", "country"):
            by_country[country].append(pk)
        first, second = (np.array(by_country[code], dtype=np.int64) for code in filters.countries)
        chosen &= ((np.isin(history.organisation, first) & np.isin(history.counterpart, second))
                   | (np.isin(history.organisation, second) & np.isin(history.counterpart, first)))
    if filters.opened_from is not None:
        chosen &= history.opened_day >= filters.opened_from.toordinal()
    if filters.opened_to is not None:
        chosen &= history.opened_day <= filters.opened_to.toordinal()
    return chosen


def hub_outcomes(hub: Hub, as_of: dt.datetime, filters: PipelineFilters | None = None) -> HubOutcomes:
    """Every figure counts only rows recorded by `as_of`, so a past date's report never changes.

    Remembered with the history it was counted from (settings.PIPELINE_MEMO_SIZE reports per process):
    the memo goes with the history the moment anything in the hub's pipeline changes."""
    history = hub_history(hub)
    limit = settings.PIPELINE_MEMO_SIZE
    key = (micros(as_of), filters, translation.get_language())
    if limit > 0 and (remembered := history.memo.get(key)) is not None:
        return remembered
    outcomes = _count(hub, history, as_of, filters)
    if limit > 0:
        if len(history.memo) >= limit:
            history.memo.clear()
        history.memo[key] = outcomes
    return outcomes


def _count(hub: Hub, history: History, as_of: dt.datetime, filters: PipelineFilters | None) -> HubOutcomes:
    today = (as_of - dt.timedelta(microseconds=1)).astimezone(hub.zone).date()
    snapshot = Snapshot(history, micros(as_of), today.toordinal(), chosen_mask(history, hub, filters))
    reached, confirmed = snapshot.funnel()
    rounds = round_labels(hub)  # the cohorts' names, and the page's round filter
    funnel = engine.Funnel(reached, confirmed)
    horizons = cohort_engine.HORIZONS
    return HubOutcomes(
        as_of=as_of, today=today, currency=hub.currency, snapshot=snapshot, funnel=funnel,
        steps=[(k, str(STEP_LABELS[k]), reached[k], confirmed[k]) for k in range(STEPS + 1)],
        conversions=snapshot.conversions(CONVERSION_WINDOW_DAYS),
        incidence=[(k, str(STEP_LABELS[k]), snapshot.cumulative_incidence(k, horizons)) for k in range(1, STEPS + 1)],
        medians=[cohort_engine.TimeToStep(step, count, median) for step, count, median in snapshot.medians()],
        cohorts=_cohort_rows(snapshot.cohorts(COOPERATION_STEP, horizons), dict(rounds)),
        amounts=_amounts(hub, snapshot), rounds=rounds)


def _hub_rounds(n: Names) -> str:
    return (f"FROM {n.table(Round)} r JOIN {n.table(Programme)} p "  # noqa: S608 (model names only)
            f"ON p.{n.column(Programme, 'id')} = r.{n.column(Round, 'programme')} "
            f"WHERE p.{n.column(Programme, 'hub')} = %s ORDER BY r.{n.column(Round, 'starts_at')} DESC")


# Read on every report (a statement: as a queryset its compiling cost more than the rest of the read).
HUB_ROUNDS = Select([Part(Round, "r", fields=("title", "title_zh_hant", "title_ja", "title_en"))], _hub_rounds)


def round_labels(hub: Hub) -> list[tuple[int, str]]:
    """The hub's rounds, newest first, as (id, title in the active language)."""
    language = translation.get_language()
    return [(one.pk, one.label_for(language)) for (one,) in HUB_ROUNDS.rows([hub.pk])]


def _cohort_rows(cells: list, rounds: dict[int, str]) -> list[tuple[str, cohort_engine.CohortRow]]:
    rows = []
    for row in cells:
        if row.cohort > 0:
            label = rounds.get(row.cohort, str(row.cohort))
        else:
            month = -row.cohort
            label = _("Outside rounds, opened %(month)s") % {"month": f"{month // 100}-{month % 100:02d}"}
        rows.append((label, cohort_engine.CohortRow(
            label, row.size, dt.date.fromordinal(row.opened_from),
            tuple(cohort_engine.CohortCell(reached, row.size, pending)
                  for reached, pending in zip(row.reached, row.pending, strict=True)))))
    return sorted(rows, key=lambda pair: (pair[1].opened_from, pair[0]))


def _amounts(hub: Hub, snapshot: Snapshot) -> list[Amounts]:
    """Amounts of the counted relationships' stages recorded by the report date, at the rate of each one's
    date (the claimed amount of every stage that has one; the confirmed once confirmed or verified)."""
    result = []
    for stage in AMOUNT_STAGES:
        claimed, claimed_total, claimed_missing, confirmed, confirmed_total, confirmed_missing = snapshot.amounts(stage)
        if claimed:
            result.append(Amounts(stage, Total(hub.currency, claimed, claimed_total, claimed_missing),
                                  Total(hub.currency, confirmed, confirmed_total, confirmed_missing)))
    return result

"""The outcome report of a hub as of a date: the operator page's figures, for the funding body.

Deterministic: the same hub, date and filters give the same report byte for byte, whatever was recorded
after that date (the report reads only rows recorded by the end of the day, in the hub's zone). The
JSON, the spreadsheets and the PDF are written from the same `HubOutcomes`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from bridgehub.common.csvsafe import escape_cell
from bridgehub.common.text import whole_percent
from bridgehub.engines.pipeline.amounts import Total
from bridgehub.engines.pipeline.cohorts import HORIZONS
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.domain.outcomes import CONVERSION_WINDOW_DAYS, COOPERATION_STEP, HubOutcomes, hub_outcomes
from bridgehub.pipeline.domain.queries import STEP_LABELS, PipelineFilters
from bridgehub.pipeline.enums import Stage
from bridgehub.pipeline.models import Relationship

FORMAT = "bridgehub-outcomes/2"


def end_of_day(hub: Hub, day: dt.date) -> dt.datetime:
    """"As of 31 March" includes everything recorded on the 31st in the hub's zone."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=hub.zone)


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _total(total: Total) -> dict[str, Any]:
    return {"by_currency": dict(sorted(total.by_currency.items())), "converted": total.converted,
            "amounts_without_rate": total.unconverted}


def outcomes_report(hub: Hub, as_of: dt.date, language: str = "en",
                    filters: PipelineFilters | None = None) -> dict[str, Any]:
    """The report as plain data (what `--format json` writes and the API returns)."""
    with translation.override(language):
        outcomes = hub_outcomes(hub, end_of_day(hub, as_of), filters)
        conversions = {conversion.step: conversion for conversion in outcomes.conversions}
        return {
            "format": FORMAT,
            "hub": hub.slug,
            "as_of": as_of.isoformat(),
            "language": language,
            "currency": outcomes.currency,
            "filters": {key: (str(value) if isinstance(value, dt.date) else value)
                        for key, value in vars(filters or PipelineFilters()).items() if value not in (None, "")},
            "relationships": outcomes.count,
            "closed_without_result": outcomes.lost,
            "steps": [{"step": step, "label": label, "reached": reached, "confirmed": confirmed,
                       "conversion_within_days": None if step == 0 else {
                           "days": CONVERSION_WINDOW_DAYS, "judged": conversions[step].judged,
                           "went_on": conversions[step].went_on, "too_young": conversions[step].too_young,
                           "share": _share(conversions[step].share)}}
                      for step, label, reached, confirmed in outcomes.steps],
            "cumulative_incidence": [{"step": step, "label": label,
                                      "by_days": {str(days): _share(value) for days, value in shares.items()}}
                                     for step, label, shares in outcomes.incidence],
            "median_days": [{"step": time.step, "label": str(STEP_LABELS[time.step]), "reached": time.reached,
                             "median_days": time.median_days} for time in outcomes.medians],
            "cohorts": {"step": COOPERATION_STEP, "label": str(STEP_LABELS[COOPERATION_STEP]),
                        "rows": [{"cohort": label, "size": row.size, "opened_from": row.opened_from.isoformat(),
                                  "by_days": {str(days): None if cell.pending else {
                                      "reached": cell.reached, "share": _share(cell.share)}
                                      for days, cell in zip(HORIZONS, row.cells, strict=True)}}
                                 for label, row in outcomes.cohorts]},
            # Keyed by stage code (machines read this file), with the label in the report's language beside it.
            "amounts": {amounts.stage: {"label": str(Stage(amounts.stage).label),
                                        "claimed": _total(amounts.claimed), "confirmed": _total(amounts.confirmed)}
                        for amounts in outcomes.amounts},
        }


@dataclass
class Table:
    """A titled table in the report's language: what the spreadsheet sheets and the PDF are made of."""

    title: str
    header: list[str]
    rows: list[list[Any]]
    note: str = ""


def _percent(value: float | None) -> str:
    return "—" if value is None else whole_percent(value)


def summary_tables(outcomes: HubOutcomes) -> list[Table]:
    """The report's figures as tables, in the active language."""
    conversions = {conversion.step: conversion for conversion in outcomes.conversions}
    funnel = Table(_("Relationships by step reached"),
                   [_("Step"), _("Reached (claimed)"), _("Confirmed"),
                    _("Went on within %(days)d days") % {"days": CONVERSION_WINDOW_DAYS}, _("Judged"), _("Too recent")],
                   [[label, reached, confirmed, *(["", "", ""] if step == 0 else [
                       _percent(conversions[step].share), conversions[step].judged, conversions[step].too_young])]
                    for step, label, reached, confirmed in outcomes.steps],
                   _("Each step counts the relationships that reached it or went further. “Went on” counts only "
                     "relationships that reached the step before long enough ago to judge."))
    days = [_("%(days)d days") % {"days": horizon} for horizon in HORIZONS]
    incidence = Table(_("Share reaching each step, by days after opening"), [_("Step"), *days],
                      [[label, *(_percent(value) for value in shares.values())]
                       for _step, label, shares in outcomes.incidence],
                      _("Cumulative incidence: closing without result competes, recent relationships count for the "
                        "time they have had. “—”: no relationship has been followed that long."))
    medians = Table(_("Days from opening to each step"), [_("Step"), _("Reached"), _("Median days")],
                    [[str(STEP_LABELS[time.step]), time.reached, "—" if time.median_days is None
                      else f"{time.median_days:g}"] for time in outcomes.medians],
                    _("Median among the relationships that reached the step."))
    cohorts = Table(_("Cohorts: share reaching “%(step)s” or further") % {"step": STEP_LABELS[COOPERATION_STEP]},
                    [_("Cohort"), _("Relationships"), *days],
                    [[label, row.size, *(_("pending") if cell.pending else f"{_percent(cell.share)} ({cell.reached})"
                                         for cell in row.cells)] for label, row in outcomes.cohorts],
                    _("A cell is pending until every relationship of the cohort is that old."))
    amounts = Table(_("Amounts (%(currency)s at the rate of each amount’s date)") % {"currency": outcomes.currency},
                    [_("Stage"), _("Claimed"), _("Confirmed"), _("As recorded (confirmed)"), _("Without a rate")],
                    [[str(Stage(a.stage).label), a.claimed.converted, a.confirmed.converted,
                      ", ".join(f"{currency} {value:,}" for currency, value in sorted(a.confirmed.by_currency.items())),
                      a.claimed.unconverted] for a in outcomes.amounts])
    return [funnel, incidence, medians, cohorts, amounts]


def relationships_table(hub: Hub, outcomes: HubOutcomes) -> Table:
    rows = []
    for relationship in _relationships(sorted(outcomes.ids_at_step(None))):
        state = outcomes.state_of(relationship.pk)
        other = relationship.counterpart.name if relationship.counterpart else (
            relationship.person.name if relationship.person else "")
        rows.append([relationship.pk, relationship.organisation.name, other, str(relationship.get_origin_display()),
                     relationship.opened_at.astimezone(hub.zone).date().isoformat(),
                     str(Stage(state.current).label) if state.current else str(_("Introduced")),
                     str(STEP_LABELS[state.furthest_step]), str(STEP_LABELS[state.furthest_confirmed_step]),
                     str(_("yes")) if state.lost else "", relationship.next_step,
                     relationship.next_step_on.isoformat() if relationship.next_step_on else ""])
    return Table(_("Relationships"), [
        _("Relationship"), _("Organisation"), _("Counterpart"), _("Origin"), _("Opened"), _("Stage"),
        _("Furthest step reached"), _("Furthest step confirmed"), _("Closed without result"), _("Next step"),
        _("next step by")], rows)


def _relationships(ids: list[int], chunk: int = 1000) -> Iterator[Relationship]:
    for start in range(0, len(ids), chunk):
        yield from (Relationship.objects.filter(pk__in=ids[start:start + chunk])
                    .select_related("organisation", "counterpart", "person").order_by("pk"))


def relationships_csv(hub: Hub, as_of: dt.date, language: str = "en", filters: PipelineFilters | None = None) -> str:
    """The relationships of the report as a spreadsheet: UTF-8 with a byte-order mark, so that Excel shows
    Chinese and Japanese names; cells a spreadsheet would run as formulas are escaped."""
    with translation.override(language):
        outcomes = hub_outcomes(hub, end_of_day(hub, as_of), filters)
        table = relationships_table(hub, outcomes)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(table.header)
        for row in table.rows:
            writer.writerow([escape_cell(value) for value in row])
        return "\ufeff" + buffer.getvalue()

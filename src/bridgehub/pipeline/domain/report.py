"""The outcome report of a hub as of a date: the operator page's figures, for the funding body.

Deterministic: the same hub and date give the same report byte for byte, whatever was recorded after
that date (the report reads only rows recorded by the end of the day, in the hub's zone).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from bridgehub.common.csvsafe import escape_cell
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.domain.queries import STEP_LABELS, PipelineFilters, hub_pipeline
from bridgehub.pipeline.enums import OUTCOME_STAGES, Stage

FORMAT = "bridgehub-outcomes/1"


def end_of_day(hub: Hub, day: dt.date) -> dt.datetime:
    """"As of 31 March" includes everything recorded on the 31st in the hub's zone."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=hub.zone)


def outcomes_report(hub: Hub, as_of: dt.date, language: str = "en") -> dict[str, Any]:
    with translation.override(language):
        report = hub_pipeline(hub, end_of_day(hub, as_of))
        cutoff = report.as_of
        confirmed_totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        claimed_totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for relationship, _state in report.relationships:
            for event in relationship.events.all():
                if event.recorded_at > cutoff or event.stage not in OUTCOME_STAGES or event.amount is None:
                    continue
                claimed_totals[event.stage][event.currency] += event.amount
                if any(c.at <= cutoff for c in event.confirmations.all()):
                    confirmed_totals[event.stage][event.currency] += event.amount
        return {
            "format": FORMAT,
            "hub": hub.slug,
            "as_of": as_of.isoformat(),
            "language": language,
            "relationships": len(report.relationships),
            "closed_without_result": sum(1 for _r, state in report.relationships if state.lost),
            "steps": [{"step": step, "label": label, "reached": reached, "confirmed": confirmed,
                       "conversion_from_previous": (None if step == 0 or report.funnel.conversion(step) is None
                                                    else round(report.funnel.conversion(step) or 0.0, 4))}
                      for step, label, reached, confirmed in report.steps],
            # Keyed by stage code (machines read this file), with the label in the report's language beside it.
            "amounts": {
                str(stage): {"label": str(Stage(stage).label),
                             "claimed": dict(sorted(claimed_totals[stage].items())),
                             "confirmed": dict(sorted(confirmed_totals[stage].items()))}
                for stage in OUTCOME_STAGES if stage in claimed_totals},
        }


def relationships_csv(hub: Hub, as_of: dt.date, language: str = "en", filters: PipelineFilters | None = None) -> str:
    """The relationships of the report as a spreadsheet: UTF-8 with a byte-order mark, so that Excel shows
    Chinese and Japanese names; cells a spreadsheet would run as formulas are escaped."""
    with translation.override(language):
        report = hub_pipeline(hub, end_of_day(hub, as_of), filters)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([str(_("Relationship")), str(_("Organisation")), str(_("Counterpart")), str(_("Origin")),
                         str(_("Opened")), str(_("Stage")), str(_("Furthest step reached")),
                         str(_("Furthest step confirmed")), str(_("Closed without result")), str(_("Next step")),
                         str(_("next step by"))])
        for relationship, state in sorted(report.relationships, key=lambda pair: pair[0].pk):
            other = relationship.counterpart.name if relationship.counterpart else (
                relationship.person.name if relationship.person else "")
            writer.writerow([escape_cell(value) for value in (
                relationship.pk, relationship.organisation.name, other, str(relationship.get_origin_display()),
                relationship.opened_at.astimezone(hub.zone).date().isoformat(),
                str(Stage(state.current).label) if state.current else str(_("Introduced")),
                str(STEP_LABELS[state.furthest_step]), str(STEP_LABELS[state.furthest_confirmed_step]),
                str(_("yes")) if state.lost else "", relationship.next_step,
                relationship.next_step_on.isoformat() if relationship.next_step_on else "")])
        return "\ufeff" + buffer.getvalue()

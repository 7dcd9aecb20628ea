"""The operator's pipeline page below its navigation, as a Jinja2 fragment (web/jinja.py says why).

As a Django template this content cost ~35 ms a page (filters, chart, five tables, fifty listed
relationships), as much as counting the report itself. Here every figure arrives formatted and every
word translated from Python with the message ids the template had, so the fragment holds structure only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bridgehub.common.templatetags.bridgehub import grouped
from bridgehub.common.text import whole_percent


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


@dataclass(frozen=True)
class PageLinks:
    """The query strings the page's links keep: the report's day and the filters."""

    as_of: str
    query: str

    def step(self, step: int | str, page: int | None = None) -> str:
        paged = f"&page={page}" if page is not None else ""
        return f"?as_of={self.as_of}&step={step}{paged}&{self.query}#relationships"

    def export(self, hub_slug: str, fmt: str) -> str:
        return f"{reverse('manage:pipeline_export', args=[hub_slug, fmt])}?as_of={self.as_of}&{self.query}"


def words(window_days: int, currency: str, cooperation_label: str) -> dict[str, str]:
    return {
        "pipeline": _("Pipeline"), "settings": _("Pipeline settings"), "as_of": _("As of"),
        "programme": _("Programme"), "all_programmes": _("All programmes"), "round": _("Exchange round"),
        "all_rounds": _("All rounds"), "sector": _("Sector"), "all_sectors": _("All sectors"),
        "countries": _("Countries"), "all_countries": _("All countries"), "opened_from": _("Opened from"),
        "to": _("to"), "show": _("Show"), "download": _("Download:"), "pdf": _("Report (PDF)"),
        "xlsx": _("Figures and relationships (Excel)"), "csv": _("Relationships (CSV)"),
        "steps_note": _("Each step counts the relationships that reached it or went further, so the steps never "
                        "rise. Claimed: recorded by one side. Confirmed: confirmed by the other side or evidence "
                        "verified by the hub."),
        "by_step": _("Relationships by step reached"), "bars": _("Bars: claimed (light) and confirmed (dark)."),
        "step": _("Step"), "reached_claimed": _("Reached (claimed)"), "confirmed": _("Confirmed"),
        "went_on": _("Went on within %(days)s days") % {"days": window_days},
        "incidence": _("Share reaching each step, by days after opening"),
        "incidence_note": _("Cumulative incidence: closing without result competes, recent relationships count for "
                            "the time they have had. “—”: no relationship has been followed that long."),
        "days_to_step": _("Days from opening to each step"), "reached": _("Reached"), "median": _("Median days"),
        "cohorts": _("Cohorts: share reaching “%(step)s” or further") % {"step": cooperation_label},
        "cohort": _("Cohort"), "relationships": _("Relationships"), "pending": _("pending"), "none": _("None."),
        "cohort_note": _("A cell is pending until every relationship of the cohort is that old."),
        "amounts": _("Amounts in %(currency)s") % {"currency": currency}, "stage": _("Stage"),
        "claimed": _("Claimed"), "without_rate": _("Without a rate"),
        "amounts_note": _("Converted at the exchange rate of each amount’s date; an amount dated before any known "
                          "rate is left out and counted under “Without a rate”."),
        "sides": _("Sides"), "origin": _("Origin"), "previous": _("Previous"), "next": _("Next"),
    }


def _conversion_text(conversion: Any) -> tuple[str, bool]:
    """The "went on" cell and whether it is muted."""
    if conversion is None:
        return "—", False
    if conversion.share is None:
        return _("none to judge yet (%(young)s too recent)") % {"young": grouped(conversion.too_young)}, True
    return _("%(share)s of %(judged)s (%(young)s too recent to judge)") % {
        "share": whole_percent(conversion.share), "judged": grouped(conversion.judged),
        "young": grouped(conversion.too_young)}, False


def render_content(*, hub: Any, outcomes: Any, links: PageLinks, filters: Any, options: dict[str, SafeString],
                   bars: list[dict[str, Any]], rows: list[tuple], totals: list[tuple[str, Any]],
                   medians: list[tuple[str, Any]], horizons: tuple[int, ...], window_days: int,
                   cooperation_label: str, listed: list[tuple[str, str, str]], page: Any, step_label: str,
                   chosen_step: int | str) -> SafeString:
    """The content below the navigation. `options`: the filters' <option> lists, made by select_options;
    `listed`: the relationships of the listing page as (sides, origin, stage) texts."""
    values: dict[str, Any] = {
        "words": words(window_days, outcomes.currency, cooperation_label), "options": options,
        "settings_url": reverse("manage:pipeline_settings", args=[hub.slug]),
        "as_of": links.as_of, "opened_from": _day(filters.opened_from), "opened_to": _day(filters.opened_to),
        "exports": {fmt: links.export(hub.slug, fmt) for fmt in ("pdf", "xlsx", "csv")},
        "headline": ngettext("%(shown)s relationship, %(lost)s closed without result.",
                             "%(shown)s relationships, %(lost)s closed without result.", outcomes.count)
        % {"shown": grouped(outcomes.count), "lost": grouped(outcomes.lost)},
        "total_lines": [_("%(stage)s: %(currency)s %(confirmed)s confirmed (%(claimed)s claimed)") % {
            "stage": label, "currency": outcomes.currency, "confirmed": grouped(amounts.confirmed.converted),
            "claimed": grouped(amounts.claimed.converted)} for label, amounts in totals],
        "bars": [{**bar, "value": f"{grouped(bar['reached'])} / {grouped(bar['confirmed'])}"} for bar in bars],
        "chart_height": 24 * len(bars),
        "steps": [(links.step(step), label, grouped(reached), grouped(confirmed), *_conversion_text(conversion))
                  for step, label, reached, confirmed, conversion in rows],
        "horizon_heads": [_("%(days)s days") % {"days": days} for days in horizons],
        "cohort_heads": [_("+%(days)s days") % {"days": days} for days in horizons],
        "incidence": [(label, ["—" if value is None else whole_percent(value) for value in shares.values()])
                      for _step, label, shares in outcomes.incidence],
        "medians": [(label, grouped(time.reached),
                     "—" if time.median_days is None else floatformat(time.median_days, "-1"))
                    for label, time in medians],
        "cohorts": [(label, grouped(row.size),
                     [None if cell.pending else f"{whole_percent(cell.share)} ({grouped(cell.reached)})"
                      for cell in row.cells]) for label, row in outcomes.cohorts],
        "amounts": [(label, grouped(amounts.confirmed.converted), grouped(amounts.claimed.converted),
                     grouped(amounts.claimed.unconverted)) for label, amounts in totals],
        "listed_title": (_("Relationships that reached “%(step)s”") % {"step": step_label} if step_label
                         else _("All relationships")),
        "listed": listed,
        "pager": None,
    }
    if page.has_other_pages():
        values["pager"] = {
            "previous": links.step(chosen_step, page.previous_page_number()) if page.has_previous() else "",
            "next": links.step(chosen_step, page.next_page_number()) if page.has_next() else "",
            "position": _("Page %(number)s of %(total)s") % {"number": page.number,
                                                             "total": page.paginator.num_pages}}
    return SafeString(render_to_string("manage/pipeline.jinja", values, using="jinja2"))

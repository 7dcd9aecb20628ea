"""The operator's funnel of a hub: relationships by the furthest step reached, as of a date."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from bridgehub.manage.views.common import operator_view
from bridgehub.pipeline.domain.queries import STEP_LABELS, hub_pipeline
from bridgehub.pipeline.domain.report import end_of_day, relationships_csv
from bridgehub.pipeline.enums import Stage

BAR_WIDTH = 360  # px of the longest bar in the chart's 640-wide view box


@operator_view
@require_safe
def pipeline(request, hub):
    as_of_date = parse_date(request.GET.get("as_of", "") or "") or timezone.localdate(timezone=hub.zone)
    report = hub_pipeline(hub, end_of_day(hub, as_of_date))
    largest = max(report.funnel.reached) or 1
    bars = [{"y": 24 * index, "label": label, "reached": reached, "confirmed": confirmed,
             "claimed_width": round(BAR_WIDTH * reached / largest),
             "confirmed_width": round(BAR_WIDTH * confirmed / largest),
             "text_x": 208 + round(BAR_WIDTH * reached / largest)}
            for index, (_step, label, reached, confirmed) in enumerate(report.steps)]
    rows = [(step, label, reached, confirmed,
             None if step == 0 or report.funnel.conversion(step) is None else 100 * report.funnel.conversion(step))
            for step, label, reached, confirmed in report.steps]
    step = request.GET.get("step", "")
    chosen = int(step) if step.isdigit() and int(step) in STEP_LABELS else None
    listed = [(relationship, str(Stage(state.current).label) if state.current else _("Introduced"))
              for relationship, state in report.relationships if chosen is None or state.furthest_step >= chosen]
    return render(request, "manage/pipeline.html", {
        "hub": hub, "as_of_date": as_of_date, "bars": bars, "chart_height": 24 * len(bars), "rows": rows,
        "listed": listed, "step_label": STEP_LABELS[chosen] if chosen is not None else ""})


@operator_view
@require_safe
def pipeline_export(request, hub):
    """The relationships as of the page's date, as CSV for Excel (UTF-8 with a byte-order mark)."""
    as_of_date = parse_date(request.GET.get("as_of", "") or "") or timezone.localdate(timezone=hub.zone)
    response = HttpResponse(relationships_csv(hub, as_of_date, request.LANGUAGE_CODE),
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{hub.slug}-relationships-{as_of_date.isoformat()}.csv"'
    return response

"""The operator's funnel of a hub: relationships by the furthest step reached, as of a date."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from bridgehub.directory.enums import Country
from bridgehub.directory.models import Sector
from bridgehub.exchanges.models import Round
from bridgehub.manage.views.common import operator_view
from bridgehub.pipeline.domain.queries import STEP_LABELS, PipelineFilters, hub_pipeline
from bridgehub.pipeline.domain.report import end_of_day, relationships_csv
from bridgehub.pipeline.enums import Stage

BAR_WIDTH = 360  # px of the longest bar in the chart's 640-wide view box


# The pairs a Taiwan–Japan hub reports on (either way round); none chosen is every pair.
COUNTRY_PAIRS = ["TW-JP", "TW-US", "TW-SG", "JP-US", "JP-SG", "TW-TW", "JP-JP"]


def _country_pairs() -> list[tuple[str, str]]:
    return [(pair, " – ".join(str(Country(code).label) for code in pair.split("-"))) for pair in COUNTRY_PAIRS]


def _filters(request, hub) -> PipelineFilters:
    round_id = request.GET.get("round", "")
    pair = request.GET.get("countries", "")
    return PipelineFilters(
        round_id=int(round_id) if round_id.isdigit() and Round.objects.filter(
            pk=int(round_id), programme__hub=hub).exists() else None,
        sector=request.GET.get("sector", "")[:40],
        countries=(pair[:2], pair[3:]) if pair in COUNTRY_PAIRS else None)


def _filter_query(request) -> str:
    """The filters as a query string, kept by the step links and the download."""
    keep = request.GET.copy()
    for key in ("step", "as_of"):
        keep.pop(key, None)
    return keep.urlencode()


@operator_view
@require_safe
def pipeline(request, hub):
    as_of_date = parse_date(request.GET.get("as_of", "") or "") or timezone.localdate(timezone=hub.zone)
    filters = _filters(request, hub)
    report = hub_pipeline(hub, end_of_day(hub, as_of_date), filters)
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
        "hub": hub, "as_of_date": as_of_date, "filters": filters, "query": _filter_query(request),
        "rounds": Round.objects.filter(programme__hub=hub).select_related("programme").order_by("-starts_at"),
        "sectors": [(sector.code, sector.label_for(request.LANGUAGE_CODE), sector.parent_id is not None)
                    for sector in Sector.objects.all()],
        "country_pairs": _country_pairs(), "chosen_pair": request.GET.get("countries", ""),
        "chosen_round": str(filters.round_id or ""), "bars": bars, "chart_height": 24 * len(bars), "rows": rows,
        "listed": listed, "step_label": STEP_LABELS[chosen] if chosen is not None else ""})


@operator_view
@require_safe
def pipeline_export(request, hub):
    """The relationships as of the page's date, as CSV for Excel (UTF-8 with a byte-order mark)."""
    as_of_date = parse_date(request.GET.get("as_of", "") or "") or timezone.localdate(timezone=hub.zone)
    response = HttpResponse(relationships_csv(hub, as_of_date, request.LANGUAGE_CODE, _filters(request, hub)),
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{hub.slug}-relationships-{as_of_date.isoformat()}.csv"'
    return response

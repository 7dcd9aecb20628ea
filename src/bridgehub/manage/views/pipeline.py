"""The operator's funnel of a hub: relationships by the furthest step reached, as of a date."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from bridgehub.directory.models import Sector
from bridgehub.engines.pipeline.cohorts import HORIZONS
from bridgehub.exchanges.models import Programme, Round
from bridgehub.hubs.domain.queries import hubs_operated_by
from bridgehub.manage.views.common import operator_view
from bridgehub.pipeline.domain.outcomes import CONVERSION_WINDOW_DAYS, COOPERATION_STEP, hub_outcomes
from bridgehub.pipeline.domain.queries import STEP_LABELS, PipelineFilters, country_pair_choices
from bridgehub.pipeline.domain.report import end_of_day, relationships_csv
from bridgehub.pipeline.domain.report_files import outcomes_pdf, outcomes_xlsx
from bridgehub.pipeline.domain.stale import save_stale_limits, settings_for
from bridgehub.pipeline.enums import Stage
from bridgehub.pipeline.forms import StaleAfterForm
from bridgehub.pipeline.models import Relationship

BAR_WIDTH = 360  # px of the longest bar in the chart's 640-wide view box
LISTED_PER_PAGE = 50


def _filter_query(request) -> str:
    """The filters as a query string, kept by the step links and the downloads."""
    keep = request.GET.copy()
    for key in ("step", "as_of", "page"):
        keep.pop(key, None)
    return keep.urlencode()


def _as_of_date(request, hub):
    """The report's day from the query; today in the hub where none or no such day (2026-13-01)."""
    try:
        chosen = parse_date(request.GET.get("as_of", "") or "")
    except ValueError:
        chosen = None
    return chosen or timezone.localdate(timezone=hub.zone)


@operator_view
@require_safe
def pipeline(request, hub):
    as_of_date = _as_of_date(request, hub)
    filters = PipelineFilters.from_params(request.GET, hub)
    outcomes = hub_outcomes(hub, end_of_day(hub, as_of_date), filters)
    largest = max(outcomes.funnel.reached) or 1
    bars = [{"y": 24 * index, "label": label, "reached": reached, "confirmed": confirmed,
             "claimed_width": round(BAR_WIDTH * reached / largest),
             "confirmed_width": round(BAR_WIDTH * confirmed / largest),
             "text_x": 208 + round(BAR_WIDTH * reached / largest)}
            for index, (_step, label, reached, confirmed) in enumerate(outcomes.steps)]
    conversions = {conversion.step: conversion for conversion in outcomes.conversions}
    rows = [(step, label, reached, confirmed, conversions.get(step))
            for step, label, reached, confirmed in outcomes.steps]
    step = request.GET.get("step", "")
    chosen = int(step) if step.isdigit() and int(step) in STEP_LABELS else None
    page = Paginator(outcomes.ids_at_step(chosen), LISTED_PER_PAGE).get_page(request.GET.get("page"))
    shown = {relationship.pk: relationship for relationship in Relationship.objects.filter(
        pk__in=list(page.object_list)).select_related("organisation", "counterpart", "person")}
    listed = []
    for pk in page.object_list:
        state = outcomes.state_of(pk)
        listed.append((shown[pk], str(Stage(state.current).label) if state.current else STEP_LABELS[0]))
    totals = [(str(Stage(amounts.stage).label), amounts) for amounts in outcomes.amounts]
    return render(request, "manage/pipeline.html", {
        "hub": hub, "operated_hubs": hubs_operated_by(request.user), "nav_section": "pipeline",
        "as_of_date": as_of_date, "filters": filters, "query": _filter_query(request),
        "rounds": Round.objects.filter(programme__hub=hub).select_related("programme").order_by("-starts_at"),
        "programmes": Programme.objects.filter(hub=hub),
        "sectors": [(sector.code, sector.label_for(request.LANGUAGE_CODE), sector.parent_id is not None)
                    for sector in Sector.objects.all()],
        "country_pairs": country_pair_choices(), "chosen_pair": request.GET.get("countries", ""),
        "chosen_round": str(filters.round_id or ""), "chosen_programme": str(filters.programme_id or ""),
        "bars": bars, "chart_height": 24 * len(bars), "rows": rows, "outcomes": outcomes,
        "window_days": CONVERSION_WINDOW_DAYS, "horizons": HORIZONS,
        "cooperation_label": STEP_LABELS[COOPERATION_STEP], "totals": totals,
        "medians": [(STEP_LABELS[time.step], time) for time in outcomes.medians],
        "listed": listed, "page": page, "chosen_step": "" if chosen is None else chosen,
        "step_label": STEP_LABELS[chosen] if chosen is not None else ""})


@operator_view
def pipeline_settings(request, hub):
    form = StaleAfterForm(request.POST or None, instance=settings_for(hub))
    if request.method == "POST" and form.is_valid():
        save_stale_limits(user=request.user, hub=hub, limits={name: form.cleaned_data[name] for name in form.fields})
        messages.success(request, _("Pipeline settings saved."))
        return redirect("manage:pipeline_settings", hub=hub.slug)
    return render(request, "manage/pipeline_settings.html", {
        "hub": hub, "operated_hubs": hubs_operated_by(request.user), "nav_section": "pipeline", "form": form})


EXPORTS = {
    "csv": ("text/csv; charset=utf-8", lambda hub, day, language, filters: relationships_csv(
        hub, day, language, filters).encode("utf-8")),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", outcomes_xlsx),
    "pdf": ("application/pdf", outcomes_pdf),
}


@operator_view
@require_safe
def pipeline_export(request, hub, fmt: str):
    """The report as of the page's date and with its filters, in the operator's language: the relationships
    as CSV for Excel (UTF-8 with a byte-order mark), the figures and relationships as XLSX, the figures as
    a PDF for the funding body."""
    if fmt not in EXPORTS:
        raise Http404("no such format")
    content_type, write = EXPORTS[fmt]
    as_of_date = _as_of_date(request, hub)
    filters = PipelineFilters.from_params(request.GET, hub)
    response = HttpResponse(write(hub, as_of_date, request.LANGUAGE_CODE, filters), content_type=content_type)
    name = "relationships" if fmt == "csv" else "outcomes"
    response["Content-Disposition"] = f'attachment; filename="{hub.slug}-{name}-{as_of_date.isoformat()}.{fmt}"'
    return response

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

from bridgehub.common.templatetags.bridgehub import select_options
from bridgehub.engines.pipeline.cohorts import HORIZONS
from bridgehub.exchanges.models import Programme
from bridgehub.hubs.domain.queries import hubs_operated_by
from bridgehub.manage.pipeline_page import PageLinks, render_content
from bridgehub.manage.views.common import operator_view
from bridgehub.matchmaking.domain.recommendations import sector_map
from bridgehub.pipeline.domain.outcomes import CONVERSION_WINDOW_DAYS, COOPERATION_STEP, hub_outcomes, listing
from bridgehub.pipeline.domain.queries import STEP_LABELS, PipelineFilters, country_pair_choices
from bridgehub.pipeline.domain.report import end_of_day, relationships_csv
from bridgehub.pipeline.domain.report_files import outcomes_pdf, outcomes_xlsx
from bridgehub.pipeline.domain.stale import save_stale_limits, settings_for
from bridgehub.pipeline.enums import Stage
from bridgehub.pipeline.forms import StaleAfterForm

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
    listed = listing(outcomes, list(page.object_list))
    totals = [(str(Stage(amounts.stage).label), amounts) for amounts in outcomes.amounts]
    language = request.LANGUAGE_CODE
    options = {
        "programmes": select_options([(str(one.pk), one.label_for(language))
                                      for one in Programme.objects.filter(hub=hub)], str(filters.programme_id or "")),
        "rounds": select_options([(str(pk), label) for pk, label in outcomes.rounds], str(filters.round_id or "")),
        "sectors": select_options([(sector.code, sector.label_for(language), sector.parent_id is not None)
                                   for sector in sector_map().values()], filters.sector),
        "countries": select_options(country_pair_choices(), request.GET.get("countries", "")),
    }
    content = render_content(
        hub=hub, outcomes=outcomes, filters=filters, options=options, bars=bars, rows=rows, totals=totals,
        links=PageLinks(as_of=as_of_date.isoformat(), query=_filter_query(request)),
        medians=[(STEP_LABELS[time.step], time) for time in outcomes.medians], horizons=HORIZONS,
        window_days=CONVERSION_WINDOW_DAYS, cooperation_label=str(STEP_LABELS[COOPERATION_STEP]), listed=listed,
        page=page, step_label=str(STEP_LABELS[chosen]) if chosen is not None else "",
        chosen_step="" if chosen is None else chosen)
    return render(request, "manage/pipeline.html", {
        "hub": hub, "operated_hubs": hubs_operated_by(request.user), "nav_section": "pipeline", "content": content})


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

"""Public directory pages: home, search and browse, organisation profiles."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from bridgehub.directory.domain import queries
from bridgehub.directory.domain.listing import listing_rows
from bridgehub.directory.domain.search import DirectoryFilters, search_directory
from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import Organisation, Sector
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.domain import queries as pipeline_queries
from bridgehub.signals.domain import queries as signal_queries
from bridgehub.trust.domain.queries import report_hub_for
from bridgehub.web.choices import enum_choices
from bridgehub.web.directory_cards import render_results

PAGE_SIZE = 20


@require_safe
def home(request):
    if request.user.is_authenticated:
        # A member's home is their day (next meeting, what waits for them), not the public front page.
        return redirect("web:dashboard")
    hubs = Hub.objects.order_by("pk")
    counts = {
        row["hub_links__hub_id"]: row["total"]
        for row in Organisation.objects.filter(hub_links__status=ApprovalStatus.APPROVED)
        .values("hub_links__hub_id").annotate(total=Count("pk"))
    }
    hub_rows = [(hub, counts.get(hub.pk, 0)) for hub in hubs]
    return render(request, "web/home.html", {"hub_rows": hub_rows, "sectors": Sector.objects.filter(parent=None)})


@require_safe
def directory(request):
    filters = DirectoryFilters(**{
        key: request.GET.get(key, "").strip()[:200]
        for key in ("query", "kind", "sector", "stage", "country", "hub", "ask", "offer")
    } | {"query": request.GET.get("q", "").strip()[:200]})
    found = search_directory(request.user, filters)
    page = Paginator(found.ids, PAGE_SIZE).get_page(request.GET.get("page"))
    language = translation.get_language()

    def results_html() -> str:
        return render_results(listing_rows(found.index, list(page.object_list), language), page, request.GET,
                              language)

    # The result list depends only on the directory (the index version), the language, the
    # query string and the viewer's extra visible rows: popular searches are rendered once.
    results = found.index.remember(
        ("directory-results", language, request.GET.urlencode(), found.viewer_key), results_html)
    if request.htmx:
        response = HttpResponse(results)
    else:
        response = render(request, "web/directory.html", {
            "filters": filters,
            "results": results,
            **enum_choices(language),
            "sectors": [(sector.code, sector.label_for(language), sector.parent_id is not None)
                        for sector in found.index.sectors],
            "hubs": [(hub.slug, hub.name_for(language)) for hub in found.index.hubs],
        })
    # The same URL answers htmx with the result list only: caches must keep the two apart.
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_safe
def organisation_detail(request, slug: str):
    organisation = queries.access_organisation_for_user(request.user, slug)
    if organisation is None:
        raise Http404
    language = translation.get_language()
    texts = list(organisation.texts.all())
    shown = organisation.text_for(language, texts)
    user = request.user
    operated = [link.hub for link in organisation.hub_links.all()
                if user.has_perm("hubs.operate_hub", link.hub)]
    context = {
        "organisation": organisation,
        "text": shown,
        "other_texts": [text for text in texts if shown is None or text.language != shown.language],
        "member_content": user.has_perm("directory.view_member_content", organisation),
        "can_edit": user.has_perm("directory.change_organisation", organisation),
        "asks_offers": queries.visible_asks_offers(user, organisation),
        "approved_links": [link for link in organisation.hub_links.all() if link.status == ApprovalStatus.APPROVED],
        "pending_links": [link for link in organisation.hub_links.all() if link.status != ApprovalStatus.APPROVED],
        "operator_notes": list(queries.operator_notes_for(user, organisation)),
        "operated_hubs": operated,
        "report_hub": report_hub_for(user, organisation),
        "track": (track := pipeline_queries.manual_openings_for(user, organisation)),
        "track_existing": [(hub, own, existing) for hub, own, existing in track if existing],
        "track_new": [(hub, own) for hub, own, existing in track if not existing],
        "signal_items": signal_queries.recent_items_about(user, organisation),
        "signal_follow": signal_queries.follow_state(user, organisation),
        "people": [affiliation for affiliation in organisation.affiliations.select_related("person").prefetch_related(
                       "person__affiliations__organisation__hub_links")
                   if queries.person_group_visible(user, affiliation.person, affiliation.person.profile_visibility)],
    }
    return render(request, "web/organisation.html", context)

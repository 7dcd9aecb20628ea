"""A member's market signals: the news that concerns them, why, and what they follow."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from bridgehub.directory.domain.queries import access_organisation_for_user, member_hub_ids
from bridgehub.directory.models import Sector
from bridgehub.hubs.domain.queries import hubs_by_id
from bridgehub.hubs.models import Hub
from bridgehub.matchmaking.domain.recommendations import sector_map
from bridgehub.signals.domain import queries
from bridgehub.signals.domain.feed_reads import follows_of
from bridgehub.signals.domain.follows import (
    SignalsError,
    follow_organisation,
    report_link,
    set_topics,
    unfollow_organisation,
)
from bridgehub.signals.enums import EventType
from bridgehub.signals.models import ItemLink
from bridgehub.web.signals_page import Panel, render_content

PAGE_SIZE = 20
MAX_PAGE = 10_000


@login_required
@require_safe
def signals(request):
    follows = follows_of(request.user)
    interests = queries.interests_for_user(request.user, follows)
    page_number = min(int(request.GET["page"]), MAX_PAGE) if request.GET.get("page", "").isdigit() else 1
    page_number = max(page_number, 1)
    taxonomy = list(sector_map().values())
    items, has_older, parts = queries.feed_page(request.user, interests, page_number, PAGE_SIZE,
                                                {sector.pk: sector for sector in taxonomy})
    entries = queries.feed_entries(request.user, items, interests, request.LANGUAGE_CODE, parts)
    hubs = hubs_by_id(member_hub_ids(request.user))
    chosen_sectors = {follow.sector_id for follow in follows if follow.sector_id}
    followed = {follow.organisation_id: follow.organisation for follow in follows if follow.organisation_id}
    panel = Panel(
        hubs=hubs,
        organisations=sorted(followed.values(), key=lambda organisation: organisation.name),
        sectors=taxonomy, chosen_sectors=chosen_sectors,
        default_sectors=interests.sectors - chosen_sectors, event_types=EventType.choices,
        chosen_event_types={follow.event_type for follow in follows if follow.event_type},
        sectors_from_profile=interests.sectors_from_profile)
    return render(request, "web/signals.html", {"content": render_content(
        request, entries=entries, page_number=page_number, has_older=has_older, panel=panel)})


@login_required
@require_POST
def signals_topics(request):
    """The sectors and event types the member follows, in one hub (`hub` = its id)."""
    hub = Hub.objects.filter(pk=request.POST.get("hub") or 0, pk__in=member_hub_ids(request.user)).first()
    if hub is None:
        raise Http404
    valid_types = {value for value, _label in EventType.choices}
    sectors = list(Sector.objects.filter(pk__in=[value for value in request.POST.getlist("sector") if value.isdigit()]))
    event_types = [value for value in request.POST.getlist("event_type") if value in valid_types]
    try:
        set_topics(user=request.user, hub=hub, sectors=sectors, event_types=event_types)
    except SignalsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your signal topics are saved."))
    return redirect("web:signals")


@login_required
@require_POST
def signal_link_wrong(request, link_id: int):
    """The member says a link between a story and an organisation is wrong."""
    link = ItemLink.objects.select_related("item").filter(
        pk=link_id, item__hub_id__in=member_hub_ids(request.user)).first()
    if link is None:
        raise Http404
    report_link(user=request.user, link=link)
    messages.success(request, _("Thank you: the link is hidden from your feed and the hub's operators will see it."))
    return redirect("web:signals")


@login_required
@require_POST
def organisation_follow(request, slug: str):
    """Follow (or, with `unfollow`, stop following) an organisation's news."""
    organisation = access_organisation_for_user(request.user, slug)
    if organisation is None:
        raise Http404
    try:
        if request.POST.get("unfollow"):
            unfollow_organisation(user=request.user, organisation=organisation)
            messages.success(request, _("You no longer follow this organisation's news."))
        else:
            follow_organisation(user=request.user, organisation=organisation)
            messages.success(request, _("You follow this organisation's news: it appears in your signals."))
    except SignalsError as error:
        messages.error(request, str(error))
    if request.POST.get("next") == "signals":
        return redirect("web:signals")
    return redirect("web:organisation", slug=organisation.slug)

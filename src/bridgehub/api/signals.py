"""Market signals over the API: a member's feed with its reasons, the hub's items, follows, link reports,
and the operators' sources. The same rules as the pages: a hub's items are its members' (404 to others),
sources are its operators'."""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from django.utils import translation
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from pydantic import BaseModel

from bridgehub.api.auth import TOKEN
from bridgehub.api.pagination import MAX_PAGE, MAX_PAGE_SIZE, BoundedPageNumberPagination
from bridgehub.api.schemas import BODY_ERRORS, ERRORS, ErrorOut
from bridgehub.directory.domain.queries import member_hub_ids
from bridgehub.directory.models import Organisation, Sector
from bridgehub.hubs.domain.queries import access_hub_for_operator
from bridgehub.hubs.models import Hub
from bridgehub.signals.domain import queries
from bridgehub.signals.domain.follows import SignalsError, add_feed, follow, report_link, unfollow
from bridgehub.signals.enums import EventType
from bridgehub.signals.models import Follow, Item, ItemLink, Source

router = Router(tags=["signals"], auth=TOKEN)


# A feed page's twenty stories, their links and copies are validated on the way out: as plain pydantic
# models, not ninja Schemas, which read every value of every nested object through an attribute wrapper
# (a fifth of the feed API's CPU). They are built from dicts, so nothing else changes.
class CopyOut(BaseModel):
    outlet: str
    url: str
    language: str
    published_at: dt.datetime


class LinkOut(BaseModel):
    id: int
    organisation: str  # slug
    name: str
    mention: str  # the words of the story that named it


class ItemOut(BaseModel):
    id: int
    hub: str
    title: str  # as written, in `language`
    language: str
    url: str
    published_at: dt.datetime
    event_type: str
    evidence: str
    sectors: list[str]
    follow_up_of: int | None
    links: list[LinkOut]
    copies: list[CopyOut]
    reasons: list[str]  # why it concerns the reader, in the request's language (feed only)


class FollowOut(Schema):
    id: int
    hub: str
    organisation: str | None
    sector: str | None
    event_type: str


class FollowIn(Schema):
    hub: str
    organisation: str | None = None  # slug
    sector: str | None = None  # code
    event_type: EventType | None = None


class SourceOut(Schema):
    id: int
    name: str
    kind: str
    url: str
    active: bool
    last_checked_at: dt.datetime | None
    last_error: str
    items_added: int


class SourceIn(Schema):
    name: str = ""
    url: str


def _item_out(item: Item, reasons: list[str] | None = None, entry: queries.FeedEntry | None = None) -> dict:
    """An item as the API gives it: its parts from a feed `entry` (the reader's links only) or prefetched
    (`queries.with_feed_data`)."""
    links = item.links.all() if entry is None else entry.links
    sectors = item.sectors.all() if entry is None else entry.sectors
    copies = item.copies.all() if entry is None else entry.copies
    return {"id": item.pk, "hub": item.hub.slug, "title": item.title, "language": item.language, "url": item.url,
            "published_at": item.published_at, "event_type": item.event_type, "evidence": item.evidence,
            "sectors": sorted(sector.code for sector in sectors), "follow_up_of": item.follow_up_of_id,
            "links": [{"id": link.pk, "organisation": link.organisation.slug, "name": link.organisation.name,
                       "mention": link.mention} for link in links],
            "copies": [{"outlet": copy.outlet, "url": copy.url, "language": copy.language,
                        "published_at": copy.published_at} for copy in copies],
            "reasons": reasons or []}


class FeedOut(Schema):
    items: list[ItemOut]
    page: int
    has_next: bool  # an older page follows (a feed has no total: counting it costs more than a page)


@router.get("/signals/feed", response={200: FeedOut, **ERRORS})
def signals_feed(request, page: int = Query(1, ge=1, le=MAX_PAGE), page_size: int = Query(20, ge=1, le=MAX_PAGE_SIZE)):
    """The stories that concern you (your organisations, your relationships, what you follow), newest first,
    each with why."""
    interests = queries.interests_for_user(request.user)
    items, has_next, parts = queries.feed_page(request.user, interests, page, page_size)
    entries = queries.feed_entries(request.user, items, interests, translation.get_language(), parts)
    return {"items": [_item_out(entry.item, entry.reasons, entry) for entry in entries], "page": page,
            "has_next": has_next}


@router.get("/hubs/{slug}/signals/items", response={200: list[ItemOut], 404: ErrorOut, **ERRORS})
@paginate(BoundedPageNumberPagination, page_size=20)
def hub_signal_items(request, slug: str, organisation: str = "", event_type: str = ""):
    """Every story of a hub you are a member of, newest first; filter by an organisation's slug or an event."""
    hub = Hub.objects.filter(slug=slug, pk__in=member_hub_ids(request.user)).first()
    if hub is None:
        raise Http404("no such hub among yours")
    items = queries.items_for_hub(hub.pk).select_related("hub").order_by("-published_at", "-pk")
    if organisation:
        items = items.filter(links__organisation__slug=organisation)
    if event_type:
        items = items.filter(event_type=event_type)
    return [_item_out(item) for item in queries.with_feed_data(items)]


@router.get("/signals/items/{item_id}", response={200: ItemOut, 404: ErrorOut, **ERRORS})
def get_signal_item(request, item_id: int):
    found = queries.with_feed_data(Item.objects.select_related("hub").filter(
        pk=item_id, hub_id__in=member_hub_ids(request.user))).first()
    if found is None:
        raise Http404("no such story in your hubs")
    return _item_out(found)


@router.post("/signals/links/{link_id}/wrong", response={200: dict, 404: ErrorOut, **BODY_ERRORS})
def report_signal_link(request, link_id: int):
    """Say that a story is not about the organisation it was linked to: it leaves your feed and the hub's
    operators see the report."""
    link = ItemLink.objects.select_related("item").filter(
        pk=link_id, item__hub_id__in=member_hub_ids(request.user)).first()
    if link is None:
        raise Http404("no such link in your hubs")
    return {"reported": report_link(user=request.user, link=link)}


def _follow_out(found: Follow) -> dict:
    return {"id": found.pk, "hub": found.hub.slug, "organisation": found.organisation.slug if found.organisation
            else None, "sector": found.sector.code if found.sector else None, "event_type": found.event_type}


@router.get("/signals/follows", response={200: list[FollowOut], **ERRORS})
def list_follows(request):
    """What you follow beyond the defaults (your organisations, their sectors, your relationships)."""
    return [_follow_out(found) for found in queries.follows_for_user(request.user).order_by("pk")]


@router.post("/signals/follows", response={200: FollowOut, 201: FollowOut, **BODY_ERRORS})
def add_follow(request, payload: FollowIn):
    """Follow one organisation, sector or event type in a hub of yours."""
    hub = Hub.objects.filter(slug=payload.hub).first()
    named = [name for name in ("organisation", "sector", "event_type") if getattr(payload, name)]
    if len(named) != 1:
        raise HttpError(422, "organisation, sector, event_type: give exactly one")
    organisation = Organisation.objects.filter(slug=payload.organisation).first() if payload.organisation else None
    sector = Sector.objects.filter(code=payload.sector).first() if payload.sector else None
    if hub is None or (payload.organisation and organisation is None) or (payload.sector and sector is None):
        raise HttpError(422, "hub, organisation, sector: no such " + ("hub" if hub is None else named[0]))
    try:
        found, created = follow(user=request.user, hub=hub, organisation=organisation, sector=sector,
                                event_type=payload.event_type or "")
    except SignalsError as error:
        raise HttpError(422, str(error)) from None
    return Status(201 if created else 200, _follow_out(found))


@router.delete("/signals/follows/{follow_id}", response={204: None, 404: ErrorOut, **ERRORS})
def delete_follow(request, follow_id: int):
    found = Follow.objects.filter(pk=follow_id, user=request.user).first()
    if found is None:
        raise Http404("no such follow of yours")
    unfollow(user=request.user, follow_row=found)
    return Status(204, None)


def _operated(request, slug: str) -> Hub:
    hub = access_hub_for_operator(request.user, slug)
    if hub is None:
        raise Http404("no such hub among those you operate")
    return hub


def _source_out(source: Source) -> dict:
    return {"id": source.pk, "name": source.name, "kind": source.kind, "url": source.url, "active": source.active,
            "last_checked_at": source.last_checked_at, "last_error": source.last_error,
            "items_added": source.items_added}


@router.get("/hubs/{slug}/signals/sources", response={200: list[SourceOut], 404: ErrorOut, **ERRORS})
def list_sources(request, slug: str):
    """The hub's news sources with their last problem (operators)."""
    return [_source_out(source) for source in Source.objects.filter(hub=_operated(request, slug))]


@router.post("/hubs/{slug}/signals/sources", response={201: SourceOut, 404: ErrorOut, **BODY_ERRORS})
def add_source(request, slug: str, payload: SourceIn):
    """Add an RSS or Atom feed; the worker reads it at once and every half hour (operators)."""
    hub = _operated(request, slug)
    try:
        source = add_feed(user=request.user, hub=hub, name=payload.name, url=payload.url)
    except SignalsError as error:
        raise HttpError(422, str(error)) from None
    return Status(201, _source_out(source))

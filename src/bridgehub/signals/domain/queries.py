"""What a member's feed holds and why; what an operator sees of the hub's signals.

A member is concerned by an item that mentions an organisation they follow (by default their own
organisations and the other sides of their relationships, plus any they chose), or that is about a
sector they follow (by default their organisations' sectors; for a person with no organisation, a
talent, the sectors their own profile is read as) and of an event type they follow (all
types when they chose none). Items are the hub's members' business: a member reads only the items of
their own hubs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from bridgehub.common.statements import Names, Part, Select
from bridgehub.directory.domain.queries import member_hub_ids, own_organisation_roles
from bridgehub.directory.models import Organisation, Sector
from bridgehub.matchmaking.domain.page_reads import SECTORS
from bridgehub.matchmaking.models import MatchProfile
from bridgehub.signals.domain import feed_reads
from bridgehub.signals.domain.feed_reads import ShownLink, StoryParts
from bridgehub.signals.enums import EventType
from bridgehub.signals.models import Follow, Item, ItemCopy, ItemLink, ItemSector, LinkReport, Pin


@dataclass(frozen=True)
class Interests:
    """What a person follows: organisation ids by reason, sector ids, event types ("" in none = all)."""

    own: frozenset[int]
    partners: frozenset[int]
    followed: frozenset[int]
    sectors: frozenset[int]
    event_types: frozenset[str]
    sectors_from_profile: bool = False  # the default sectors are the person's own profile's (no organisation)

    @property
    def organisations(self) -> frozenset[int]:
        return self.own | self.partners | self.followed


def interests_for_user(user: Any, follows: list[Follow] | None = None) -> Interests:
    """What `user` follows; `follows`, their Follow rows where the caller has read them already."""
    own = frozenset(own_organisation_roles(user))
    circle = feed_reads.circle_of(user, own)
    if follows is None:
        follows = list(Follow.objects.filter(user=user))
    chosen = [(follow.organisation_id, follow.sector_id, follow.event_type) for follow in follows]
    from_profile = not own
    own_sectors = _profile_sectors(user) if from_profile else set(circle.sectors)
    return Interests(
        own=own, partners=circle.partners,
        followed=frozenset(organisation for organisation, _sector, _type in chosen if organisation),
        sectors=frozenset(own_sectors | {sector for _org, sector, _type in chosen if sector}),
        event_types=frozenset(event_type for _org, _sector, event_type in chosen if event_type),
        sectors_from_profile=from_profile)


def _profile_sectors(user: Any) -> set[int]:
    """The sectors a person's own profile is read as (the matching reader's, as on their match cards):
    what a talent with no organisation follows by default, so that their feed is not empty."""
    facets = MatchProfile.objects.filter(person__user=user).values_list("facets", flat=True).first() or {}
    codes = list(facets.get("sectors") or {})
    return set(Sector.objects.filter(code__in=codes).values_list("pk", flat=True)) if codes else set()


def _concerning(user: Any, interests: Interests, hubs: frozenset[int], dated: bool = True) -> QuerySet:
    """(item_id, published_at) of the stories that concern the user: those naming an organisation they follow
    (less the links they reported wrong), and those about a sector they follow of an event type they
    follow (any when they chose none). Two index lookups joined by UNION, not a test of every story of
    the hub: a hub holds 100,000 stories and a member's feed a few thousand (bench/signals_load.py).
    The feed's pages read the same rule as a prepared statement (`feed_reads.PAGE`); a test
    holds the two to the same answer."""
    columns = ["item_id", "published_at"] if dated else ["item_id"]
    mentions = (ItemLink.objects.filter(organisation_id__in=interests.organisations, hub_id__in=hubs)
                .exclude(Exists(LinkReport.objects.filter(link=OuterRef("pk"), user=user)))
                .values(*columns).order_by())
    topical = ItemSector.objects.filter(sector_id__in=interests.sectors, hub_id__in=hubs)
    if interests.event_types:
        topical = topical.filter(event_type__in=interests.event_types)
    return mentions.union(topical.values(*columns).order_by())


def items_for_user(user: Any, interests: Interests | None = None) -> QuerySet[Item]:
    """The items of the user's hubs that concern them (see `_concerning`)."""
    hubs = member_hub_ids(user)
    if not hubs:
        return Item.objects.none()
    return Item.objects.filter(pk__in=_concerning(user, interests or interests_for_user(user), hubs, dated=False))


def feed_page(user: Any, interests: Interests, page: int, size: int,
              taxonomy: dict[int, Sector] | None = None) -> tuple[list[Item], bool, StoryParts]:
    """One page of the user's feed, newest first, whether an older page follows, and the stories' parts
    (`taxonomy`: every sector by id, where the caller has it). No total: counting a member's whole feed
    costs more than showing a page of it."""
    hubs = member_hub_ids(user)
    if not hubs:
        return [], False, StoryParts({}, {}, {})
    items = feed_reads.concerning_page(user, interests.organisations, interests.sectors, interests.event_types,
                                       hubs, (page - 1) * size, size + 1)
    if taxonomy is None:
        taxonomy = {sector.pk: sector for (sector,) in SECTORS.rows([])}
    shown = items[:size]
    return shown, len(items) > size, feed_reads.parts_of(user, [item.pk for item in shown], taxonomy)


@dataclass
class FeedEntry:
    item: Item
    reasons: list[str] = field(default_factory=list)
    links: list[ItemLink | ShownLink] = field(default_factory=list)  # those the reader has not reported wrong
    copies: list[ItemCopy] = field(default_factory=list)
    sectors: list[Sector] = field(default_factory=list)


def feed_entries(user: Any, items: list[Item], interests: Interests, ui_language: str | None,
                 parts: StoryParts | None = None) -> list[FeedEntry]:
    """Each item with why it concerns the reader, in the reader's language: `parts` as `feed_page` gives
    them, or (None) read from items prefetched by `with_feed_data`."""
    if parts is None:
        parts = StoryParts.prefetched(user, items)
    entries = []
    for item in items:
        links = parts.links.get(item.pk, [])
        reasons = []
        for link in links:
            name = link.organisation.name
            if link.organisation_id in interests.own:
                reasons.append(_("Mentions your organisation %(name)s") % {"name": name})
            elif link.organisation_id in interests.partners:
                reasons.append(_("Mentions %(name)s, with whom you have a relationship") % {"name": name})
            elif link.organisation_id in interests.followed:
                reasons.append(_("Mentions %(name)s, which you follow") % {"name": name})
        item_sectors = parts.sectors.get(item.pk, [])
        sectors = [sector for sector in item_sectors if sector.pk in interests.sectors]
        if sectors and (not interests.event_types or item.event_type in interests.event_types):
            labels = pgettext("list separator", ", ").join(sector.label_for(ui_language) for sector in sectors)
            if item.event_type:
                reasons.append(_("%(sectors)s, %(event)s") % {"sectors": labels,
                                                               "event": EventType(item.event_type).label})
            else:
                reasons.append(_("About %(sectors)s") % {"sectors": labels})
        entries.append(FeedEntry(item, reasons, links, parts.copies.get(item.pk, []), item_sectors))
    return entries


def with_feed_data(queryset: QuerySet[Item]) -> QuerySet[Item]:
    return queryset.prefetch_related(
        Prefetch("links", queryset=ItemLink.objects.select_related("organisation").prefetch_related("reports")),
        "sectors", "copies")


def items_for_hub(hub_id: int) -> QuerySet[Item]:
    """Every item of a hub (the operator's view), newest first."""
    return Item.objects.filter(hub_id=hub_id)


def recent_items_about(user: Any, organisation: Organisation, limit: int = 5) -> list[Item]:
    """The latest items of the user's hubs that mention `organisation` (for profile, match and
    relationship pages)."""
    hubs = member_hub_ids(user)
    if not hubs:
        return []
    reported = LinkReport.objects.filter(link__item=OuterRef("pk"), link__organisation=organisation, user=user)
    return list(Item.objects.filter(hub_id__in=hubs, links__organisation=organisation).exclude(Exists(reported))
                .prefetch_related("copies")[:limit])


def _links_to(n: Names) -> str:
    return (f"FROM {n.table(ItemLink)} l JOIN {n.table(Item)} i "  # noqa: S608 (model names only)
            f"ON i.{n.column(Item, 'id')} = l.{n.column(ItemLink, 'item')} "
            f"WHERE l.{n.column(ItemLink, 'organisation')} IN (%s) AND i.{n.column(Item, 'hub')} IN (%s) "
            f"ORDER BY i.{n.column(Item, 'published_at')} DESC, l.{n.column(ItemLink, 'id')} DESC LIMIT %s")


# On every list of cards (common/statements.py says why a statement); a story's text and signature
# are never shown on a card.
LINKS = Select([Part(ItemLink, "l", ("item", "organisation")), Part(Item, "i", defer=("body", "signature"))],
               _links_to)


def news_by_organisation(user: Any, organisation_ids: list[int], per_organisation: int = 2, scan: int = 200,
                         hub_ids: frozenset[int] | None = None) -> dict[int, list[Item]]:
    """The latest stories of the user's hubs (or of `hub_ids`, hubs the caller knows are the user's) about
    each of these organisations: one query, whatever the number of organisations (a page of match cards)."""
    hubs = member_hub_ids(user) if hub_ids is None else hub_ids
    if not hubs or not organisation_ids:
        return {}
    links = []
    for link, item in LINKS.rows([list(organisation_ids), sorted(hubs), scan]):
        link.item = item
        links.append(link)
    # The links the user reported as wrong, asked only when there are links: most cards have no news,
    # and an Exists() in the first query doubled its cost to compile. They are dropped after the
    # `scan` limit, so a reader who reported hundreds of links may see fewer stories, never wrong ones.
    reported = set(LinkReport.objects.filter(user=user, link_id__in=[link.pk for link in links])
                   .values_list("link_id", flat=True)) if links else set()
    found: dict[int, list[Item]] = {}
    for link in links:
        if link.pk in reported:
            continue
        stories = found.setdefault(link.organisation_id, [])
        if len(stories) < per_organisation:
            stories.append(link.item)
    return found


def follow_state(user: Any, organisation: Organisation) -> str:
    """How the user follows `organisation`'s news: "own", "partner", "followed", "" (could follow), or
    "none" (not in a hub of theirs, or not signed in)."""
    if organisation.pk in own_organisation_roles(user):
        return "own"
    if not member_hub_ids(user):
        return "none"
    if Follow.objects.filter(user=user, organisation=organisation).exists():
        return "followed"
    return ""


def follows_for_user(user: Any) -> QuerySet[Follow]:
    return Follow.objects.filter(user=user).select_related("organisation", "sector", "hub")


def pinned_for_round(round_id: int, programme_id: int) -> list[Item]:
    """The stories operators pinned to a round or to its programme, newest pin first."""
    seen: dict[int, Item] = {}
    for pin in Pin.objects.filter(Q(round_id=round_id) | Q(programme_id=programme_id)).select_related("item"):
        seen.setdefault(pin.item_id, pin.item)
    return list(seen.values())

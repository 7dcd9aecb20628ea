"""A page of a member's feed, and what the reader follows (their follows and their circle), read with
prepared statements (common/statements.py says why).

The page shows twenty stories, each with its links (less those the reader reported wrong), sectors and
copies. Read through the ORM's prefetching, that cost about 60 % of the page's CPU (bench/signals_load.py):
prefetching builds a queryset per story and per link to hold what it found. Here each part is one
statement and plain lists keyed by story.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bridgehub.common.statements import Names, Part, Select, Values
from bridgehub.directory.models import Organisation, Person, Sector
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.models import Relationship
from bridgehub.signals.models import Follow, Item, ItemCopy, ItemLink, ItemSector, LinkReport


@dataclass(frozen=True, slots=True)
class NamedOrganisation:
    pk: int
    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class ShownLink:
    """A story's link as a feed shows it: the attributes of an ItemLink that a card and the API read
    (twenty stories' links as model instances cost more to build than to read)."""

    pk: int
    item_id: int
    organisation_id: int
    mention: str
    organisation: NamedOrganisation


@dataclass(frozen=True)
class StoryParts:
    """Each story's links shown to the reader, its sectors and its copies, by story id."""

    links: dict[int, list[ItemLink | ShownLink]]
    sectors: dict[int, list[Sector]]
    copies: dict[int, list[ItemCopy]]

    @classmethod
    def prefetched(cls, user: Any, items: list[Item]) -> StoryParts:
        """From items loaded with `queries.with_feed_data` (mail, the operator's list)."""
        return cls(
            {item.pk: [link for link in item.links.all()
                       if not any(report.user_id == user.pk for report in link.reports.all())] for item in items},
            {item.pk: list(item.sectors.all()) for item in items},
            {item.pk: list(item.copies.all()) for item in items})


def _reported_pairs(n: Names) -> str:
    """The links (alias `l`) the reader (the next %s) has not reported wrong. By (story, organisation),
    which a link is (one per pair), not by the link's id: the feed index holds the pair, so PostgreSQL
    reads the reader's links from the index alone."""
    return (f"(l.{n.column(ItemLink, 'item')}, l.{n.column(ItemLink, 'organisation')}) NOT IN ("  # noqa: S608
            f"SELECT w.{n.column(ItemLink, 'item')}, w.{n.column(ItemLink, 'organisation')} "
            f"FROM {n.table(LinkReport)} r JOIN {n.table(ItemLink)} w "
            f"ON w.{n.column(ItemLink, 'id')} = r.{n.column(LinkReport, 'link')} "
            f"WHERE r.{n.column(LinkReport, 'user')} = %s)")


def _concerning(with_event_types: bool):
    def sql(n: Names) -> str:
        link, sector = n.table(ItemLink), n.table(ItemSector)
        types = f" AND s.{n.column(ItemSector, 'event_type')} IN (%s)" if with_event_types else ""
        newest = "ORDER BY published_at DESC, item_id DESC LIMIT %s"
        # Each side cut to the page's depth in stories (DISTINCT: a story naming two of the reader's
        # organisations is one story) before the two are joined: deduplicating the whole union, some two
        # thousand rows for a member with thirty organisations and two sectors, cost a third more on
        # PostgreSQL (bench/signals_load.py's member).
        mentions = (f"SELECT DISTINCT l.{n.column(ItemLink, 'item')} AS item_id, "  # noqa: S608 (model names only)
                    f"l.{n.column(ItemLink, 'published_at')} AS published_at FROM {link} l "
                    f"WHERE l.{n.column(ItemLink, 'organisation')} IN (%s) AND l.{n.column(ItemLink, 'hub')} IN (%s) "
                    f"AND {_reported_pairs(n)} {newest}")
        topical = (f"SELECT DISTINCT s.{n.column(ItemSector, 'item')} AS item_id, "  # noqa: S608 (model names only)
                   f"s.{n.column(ItemSector, 'published_at')} AS published_at FROM {sector} s "
                   f"WHERE s.{n.column(ItemSector, 'sector')} IN (%s) AND s.{n.column(ItemSector, 'hub')} IN (%s)"
                   f"{types} {newest}")
        return (f"SELECT item_id, published_at FROM (SELECT item_id, published_at FROM ({mentions}) m "  # noqa: S608
                f"UNION SELECT item_id, published_at FROM ({topical}) t"
                f") feed ORDER BY published_at DESC, item_id DESC LIMIT %s OFFSET %s")
    return sql


def _page(with_event_types: bool):
    def rest(n: Names) -> str:
        return (f"FROM ({_concerning(with_event_types)(n)}) f "  # noqa: S608 (model names only)
                f"JOIN {n.table(Item)} i ON i.{n.column(Item, 'id')} = f.item_id "
                f"JOIN {n.table(Hub)} h ON h.{n.column(Hub, 'id')} = i.{n.column(Item, 'hub')} "
                f"ORDER BY f.published_at DESC, f.item_id DESC")
    return rest


# A page of the stories concerning a reader (see queries._concerning for the rule: two index ranges joined
# by UNION), the page chosen before the stories are joined, each with its hub's slug. Never read for a
# feed: an article's whole text and its copy signature (kilobytes a story).
PAGE = {flag: Select([Part(Item, "i", defer=("body", "signature")), Part(Hub, "h", fields=("slug",))], _page(flag))
        for flag in (False, True)}


def concerning_page(user: Any, organisations: frozenset[int], sectors: frozenset[int], event_types: frozenset[str],
                    hubs: frozenset[int], offset: int, limit: int) -> list[Item]:
    """The stories concerning the reader, newest first, `limit` from `offset`."""
    hub_list = sorted(hubs)
    depth = offset + limit
    params: list[Any] = [sorted(organisations), hub_list, user.pk, depth, sorted(sectors), hub_list]
    if event_types:
        params.append(sorted(event_types))
    params.append(depth)
    found = []
    for item, hub in PAGE[bool(event_types)].rows([*params, limit, offset]):
        item.hub = hub
        found.append(item)
    return found


def _links_and_sectors(n: Names) -> str:
    # One round trip for two row shapes: a link ('l': its id, story, organisation, mention, and the
    # organisation's slug and name) or a sector ('s': the row's id, story, sector).
    link, sector = n.table(ItemLink), n.table(ItemSector)
    return (f"SELECT 'l', l.{n.column(ItemLink, 'id')}, l.{n.column(ItemLink, 'item')}, "  # noqa: S608 (model names only)
            f"l.{n.column(ItemLink, 'organisation')}, l.{n.column(ItemLink, 'mention')}, "
            f"o.{n.column(Organisation, 'slug')}, o.{n.column(Organisation, 'name')} "
            f"FROM {link} l JOIN {n.table(Organisation)} o "
            f"ON o.{n.column(Organisation, 'id')} = l.{n.column(ItemLink, 'organisation')} "
            f"WHERE l.{n.column(ItemLink, 'item')} IN (%s) AND {_reported_pairs(n)} "
            f"UNION ALL SELECT 's', s.{n.column(ItemSector, 'id')}, s.{n.column(ItemSector, 'item')}, "
            f"s.{n.column(ItemSector, 'sector')}, NULL, NULL, NULL FROM {sector} s "
            f"WHERE s.{n.column(ItemSector, 'item')} IN (%s) ORDER BY 1, 2")


LINKS_AND_SECTORS = Values(_links_and_sectors)


def _copies(n: Names) -> str:
    return (f"FROM {n.table(ItemCopy)} c WHERE c.{n.column(ItemCopy, 'item')} IN (%s) "  # noqa: S608
            f"ORDER BY c.{n.column(ItemCopy, 'published_at')}, c.{n.column(ItemCopy, 'id')}")


COPIES = Select([Part(ItemCopy, "c", fields=("item", "url", "outlet", "language", "published_at"))], _copies)


def parts_of(user: Any, ids: list[int], taxonomy: dict[int, Sector]) -> StoryParts:
    """The parts of the stories `ids` as `user` is shown them; `taxonomy`: every sector by id."""
    if not ids:
        return StoryParts({}, {}, {})
    links: dict[int, list[ItemLink | ShownLink]] = {pk: [] for pk in ids}
    sectors: dict[int, list[Sector]] = {pk: [] for pk in ids}
    for kind, pk, item_id, key, mention, slug, name in LINKS_AND_SECTORS.rows([ids, user.pk, ids]):
        if kind == "l":
            links[item_id].append(ShownLink(pk, item_id, key, mention, NamedOrganisation(key, slug, name)))
        else:
            sectors[item_id].append(taxonomy[key])
    for found in sectors.values():
        found.sort(key=lambda sector: (sector.position, sector.pk))
    copies: dict[int, list[ItemCopy]] = {pk: [] for pk in ids}
    for (copy,) in COPIES.rows([ids]):
        copies[copy.item_id].append(copy)
    return StoryParts(links, sectors, copies)


_ORGANISATION_SECTORS = Organisation.sectors.through


def _circle(n: Names) -> str:
    # Two row shapes in one round trip: the two sides of a relationship the reader is a side of ('r'),
    # and a sector of their own organisations ('s', second column NULL).
    organisation, counterpart = n.column(Relationship, "organisation"), n.column(Relationship, "counterpart")
    sides = f"SELECT 'r', r.{organisation}, r.{counterpart} FROM {n.table(Relationship)} r"  # noqa: S608 (model names only)
    own_sectors = (f"SELECT 's', {n.column(_ORGANISATION_SECTORS, 'sector')}, NULL "  # noqa: S608 (model names only)
                   f"FROM {n.table(_ORGANISATION_SECTORS)} "
                   f"WHERE {n.column(_ORGANISATION_SECTORS, 'organisation')} IN (%s)")
    return (f"{sides} WHERE r.{organisation} IN (%s) UNION ALL {sides} WHERE r.{counterpart} IN (%s) "
            f"UNION ALL {sides} JOIN {n.table(Person)} p "
            f"ON p.{n.column(Person, 'id')} = r.{n.column(Relationship, 'person')} "
            f"WHERE p.{n.column(Person, 'user')} = %s UNION ALL {own_sectors}")


# The relationships are pipeline.domain.queries.relationships_for_user's rule (a side through one's
# organisations, or the talent) as three index lookups; a test holds the two to the same relationships.
_CIRCLE = Values(_circle)


@dataclass(frozen=True)
class Circle:
    """What a reader follows without choosing it: the other sides of their relationships and the sectors
    of their own organisations."""

    partners: frozenset[int]
    sectors: frozenset[int]


def circle_of(user: Any, own: frozenset[int]) -> Circle:
    """The reader's circle (`own`: their organisations)."""
    mine = sorted(own)
    partners: set[int] = set()
    sectors: set[int] = set()
    for kind, first, second in _CIRCLE.rows([mine, mine, user.pk, mine]):
        if kind == "s":
            sectors.add(first)
        else:
            partners.update(side for side in (first, second) if side is not None and side not in own)
    return Circle(frozenset(partners), frozenset(sectors))


def _follows(n: Names) -> str:
    return (f"FROM {n.table(Follow)} f LEFT JOIN {n.table(Organisation)} o "  # noqa: S608 (model names only)
            f"ON o.{n.column(Organisation, 'id')} = f.{n.column(Follow, 'organisation')} "
            f"WHERE f.{n.column(Follow, 'user')} = %s ORDER BY f.{n.column(Follow, 'id')}")


FOLLOWS = Select([Part(Follow, "f"), Part(Organisation, "o", fields=("slug", "name"))], _follows)


def follows_of(user: Any) -> list[Follow]:
    """The reader's follows, each followed organisation's slug and name read with it."""
    found = []
    for follow, organisation in FOLLOWS.rows([user.pk]):
        if organisation is not None:
            follow.organisation = organisation
        found.append(follow)
    return found

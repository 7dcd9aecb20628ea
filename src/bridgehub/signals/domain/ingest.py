"""Items into a hub's feed: language, links to the directory, sectors, event type, copies merged.

`ingest` is the one way in for feeds and uploads alike, so every item is read the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import F

from bridgehub.directory.models import Sector
from bridgehub.engines.linking.events import read_event
from bridgehub.engines.linking.language import detect_language
from bridgehub.engines.linking.sectors import read_sectors
from bridgehub.engines.linking.stories import StoryFacts, signature
from bridgehub.hubs.models import Hub
from bridgehub.signals.domain.directory import linker_for_hub
from bridgehub.signals.domain.stories import Copy, RecentStories, day_of
from bridgehub.signals.models import Item, ItemCopy, ItemLink, ItemSector, Source


@dataclass(frozen=True)
class RawItem:
    """An item as a feed or an upload gives it."""

    title: str
    url: str
    published_at: datetime
    body: str = ""
    outlet: str = ""


@dataclass
class IngestResult:
    added: int = 0
    copies: int = 0
    already_known: int = 0
    new_ids: list[int] = field(default_factory=list)


def _add_links(hub: Hub, copy: Copy, mentions: dict[int, str]) -> None:
    """A translation that names organisations its story lacked (the story in English, the directory
    listing them in another script only) adds them to the story, with its mention."""
    if copy.new_organisations:
        published_at = Item.objects.filter(pk=copy.story).values_list("published_at", flat=True).get()
        ItemLink.objects.bulk_create(ItemLink(item_id=copy.story, organisation_id=int(organisation),
                                              mention=mentions[int(organisation)][:200], hub=hub,
                                              published_at=published_at)
                                     for organisation in sorted(copy.new_organisations))


def _sector_ids() -> dict[str, set[int]]:
    # An item about a sub-sector (wafer equipment) is also about its sector (semiconductors): whoever
    # follows the broader one sees it.
    return {code: {pk} | ({parent} if parent else set())
            for code, pk, parent in Sector.objects.values_list("code", "pk", "parent_id")}


def ingest(*, hub: Hub, source: Source | None, raw_items: list[RawItem]) -> IngestResult:
    """Add `raw_items` to the hub's feed. Side effects: Item, ItemCopy and ItemLink rows; the source's
    count of added items; after commit, a task that mails the members the new items concern. An address
    the hub already has is skipped; a copy of a recent story becomes one more copy of it."""
    result = IngestResult()
    linker = linker_for_hub(hub)
    recent = RecentStories(hub, linker)
    sector_ids = _sector_ids()
    known = set(ItemCopy.objects.filter(hub=hub, url__in=[raw.url for raw in raw_items]).values_list("url", flat=True))
    with transaction.atomic():
        for raw in raw_items:
            if raw.url in known:
                result.already_known += 1
                continue
            known.add(raw.url)
            text = f"{raw.title}\n{raw.body}"
            language = detect_language(text)
            outlet = raw.outlet or urlsplit(raw.url).hostname or ""
            packed = signature(text)
            organisations = {int(organisation): text[mention.start:mention.end]
                             for mention in linker.mentions(text) for organisation in mention.ids}
            named = frozenset(map(str, organisations))
            copy = recent.copy_of(text, language, packed, named, day_of(raw.published_at))
            if copy is not None:
                ItemCopy.objects.create(hub=hub, item_id=copy.story, source=source, url=raw.url, outlet=outlet,
                                        title=raw.title[:500], language=language, published_at=raw.published_at)
                _add_links(hub, copy, organisations)
                result.copies += 1
                continue
            event = read_event(raw.title, raw.body)
            story = StoryFacts(named, event.event_type, day_of(raw.published_at))
            item = Item.objects.create(
                hub=hub, title=raw.title[:500], body=raw.body, language=language, url=raw.url,
                published_at=raw.published_at, event_type=event.event_type, evidence=event.evidence[:500],
                signature=packed, follow_up_of_id=recent.follow_up_of(story))
            ItemCopy.objects.create(hub=hub, item=item, source=source, url=raw.url, outlet=outlet,
                                    title=raw.title[:500], language=language, published_at=raw.published_at)
            ItemLink.objects.bulk_create(ItemLink(item=item, organisation_id=organisation, mention=mention[:200],
                                                  hub=hub, published_at=raw.published_at)
                                         for organisation, mention in organisations.items())
            ItemSector.objects.bulk_create(
                ItemSector(item=item, sector_id=sector, hub=hub, event_type=event.event_type,
                           published_at=raw.published_at)
                for sector in {pk for code in read_sectors(text) for pk in sector_ids.get(code, ())})
            recent.add(item, story, packed)
            result.added += 1
            result.new_ids.append(item.pk)
        if source is not None and result.added:
            Source.objects.filter(pk=source.pk).update(items_added=F("items_added") + result.added)
        if result.new_ids:
            transaction.on_commit(partial(_deliver, hub.pk, list(result.new_ids)))
    return result


def _deliver(hub_id: int, item_ids: list[int]) -> None:
    from bridgehub.signals.tasks import deliver_signals_task

    deliver_signals_task.enqueue(hub_id, item_ids)

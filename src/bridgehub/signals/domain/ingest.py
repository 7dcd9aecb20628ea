"""Items into a hub's feed: language, links to the directory, sectors, event type, copies merged.

`ingest` is the one way in for feeds and uploads alike, so every item is read the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from bridgehub.directory.models import Sector
from bridgehub.engines.linking.events import read_event
from bridgehub.engines.linking.language import detect_language
from bridgehub.engines.linking.sectors import read_sectors
from bridgehub.engines.linking.stories import (
    TRANSLATION_DAYS,
    StoryFacts,
    StoryIndex,
    is_follow_up,
    same_subject,
    signature,
    translation_of,
)
from bridgehub.hubs.models import Hub
from bridgehub.signals.domain.directory import linker_for_hub
from bridgehub.signals.models import Item, ItemCopy, ItemLink, ItemSector, Source

# Copies and follow-ups are looked for among the stories of the last weeks, not the whole archive.
STORY_WINDOW = timedelta(days=45)


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


def _day(moment: datetime) -> int:
    return moment.date().toordinal()


class _RecentStories:
    """The hub's stories of the last weeks, as copy and follow-up detection needs them."""

    def __init__(self, hub: Hub):
        recent = list(Item.objects.filter(hub=hub, published_at__gte=timezone.now() - STORY_WINDOW)
                      .prefetch_related("links").only("pk", "signature", "event_type", "published_at", "language"))
        self.index = StoryIndex((str(item.pk), bytes(item.signature)) for item in recent)
        self.facts = {item.pk: StoryFacts(frozenset(str(link.organisation_id) for link in item.links.all()),
                                          item.event_type, _day(item.published_at)) for item in recent}
        self.languages = {item.pk: item.language for item in recent}
        # Follow-ups and translations share an organisation: only those stories are looked at.
        self.naming: dict[str, set[int]] = {}
        for pk, fact in self.facts.items():
            self._index_names(pk, fact)

    def _index_names(self, pk: int, fact: StoryFacts) -> None:
        for organisation in fact.organisations:
            self.naming.setdefault(organisation, set()).add(pk)

    def _sharing(self, named: frozenset[str]) -> set[int]:
        return set().union(*(self.naming.get(organisation, set()) for organisation in named))

    def copy_of(self, text: str, language: str, packed: bytes, named: frozenset[str], day: int) -> int | None:
        """The story this text copies: the same words (MinHash), or the same meaning in another language."""
        found = self.index.copy_of(packed, lambda key: same_subject(self.facts[int(key)].organisations, named))
        if found is not None:
            return int(found)
        candidates = sorted(pk for pk in self._sharing(named) if self.facts[pk].organisations == named
                            and abs(self.facts[pk].day - day) <= TRANSLATION_DAYS and self.languages[pk] != language)
        if not candidates:
            return None  # the encoder is loaded only when a translation is possible
        from bridgehub.matchmaking.domain.refresh import encoder

        texts = {pk: f"{title}\n{body}" for pk, title, body in
                 Item.objects.filter(pk__in=candidates).values_list("pk", "title", "body")}
        vectors = encoder().queries([text] + [texts[pk] for pk in candidates])
        found = translation_of(vectors[0], [(str(pk), vectors[index + 1]) for index, pk in enumerate(candidates)])
        return int(found) if found is not None else None

    def follow_up_of(self, story: StoryFacts) -> int | None:
        earlier = [pk for pk in self._sharing(story.organisations) if is_follow_up(story, self.facts[pk])]
        return max(earlier, key=lambda pk: self.facts[pk].day) if earlier else None

    def add(self, item: Item, story: StoryFacts, packed: bytes) -> None:
        self.index.add(str(item.pk), packed)
        self.facts[item.pk] = story
        self.languages[item.pk] = item.language
        self._index_names(item.pk, story)


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
    recent = _RecentStories(hub)
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
            copy_of = recent.copy_of(text, language, packed, named, _day(raw.published_at))
            if copy_of is not None:
                ItemCopy.objects.create(hub=hub, item_id=copy_of, source=source, url=raw.url, outlet=outlet,
                                        title=raw.title[:500], language=language, published_at=raw.published_at)
                result.copies += 1
                continue
            event = read_event(raw.title, raw.body)
            story = StoryFacts(named, event.event_type, _day(raw.published_at))
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

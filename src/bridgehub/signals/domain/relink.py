"""Stories already in a hub's feed, linked through a name added later, or unlinked when it is removed.

An operator adds an alias when the news calls a member by a name the directory does not list ("Hefeng
Robotics" for 禾峰科技). New stories link through it at once; the stories that taught the operator the
name are already in the feed, and a member following the organisation expects them there too. This
reads the hub's stories of the last year again with the hub's linker as it is now (the same code as
ingestion, context rules included) and adds the links they lack. It runs on the background worker:
a hub's year can be 100,000 stories, some seconds of work (bench/signals_load.py).

An alias added by mistake ("Apple" for a member that is not Apple) links many stories; removing it
removes the links made through it, except where the story names the organisation in a way the hub's
linker still knows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from bridgehub.engines.linking.fold import folded_text
from bridgehub.engines.linking.names import name_keys
from bridgehub.hubs.models import Hub
from bridgehub.signals.domain.directory import linker_for_hub
from bridgehub.signals.models import Item, ItemLink

WINDOW = dt.timedelta(days=365)
BATCH = 1000


@dataclass(frozen=True)
class Relinked:
    read: int  # stories read
    added: int  # links added


def relink_organisation(hub: Hub, organisation_id: int, *, now: dt.datetime | None = None) -> Relinked:
    """Link `organisation_id` to the hub's stories of the last year that name it, where the story lacks the
    link. Side effects: ItemLink rows (a link a member reported wrong stays reported: it is not re-made, as
    it is never deleted)."""
    linker = linker_for_hub(hub)
    key = str(organisation_id)
    linked = ItemLink.objects.filter(hub=hub, organisation_id=organisation_id).values("item_id")
    stories = (Item.objects.filter(hub=hub, published_at__gte=(now or timezone.now()) - WINDOW)
               .exclude(pk__in=linked).values_list("pk", "title", "body", "published_at").order_by("pk"))
    read, found = 0, []
    for pk, title, body, published_at in stories.iterator(chunk_size=BATCH):
        read += 1
        text = f"{title}\n{body}"
        mention = next((mention for mention in linker.mentions(text) if key in mention.ids), None)
        if mention is not None:
            found.append(ItemLink(item_id=pk, organisation_id=organisation_id, hub=hub, published_at=published_at,
                                  mention=text[mention.start:mention.end][:200]))
    with transaction.atomic():
        # A story linked meanwhile by ingestion keeps its link (one per story and organisation).
        ItemLink.objects.bulk_create(found, ignore_conflicts=True, batch_size=BATCH)
    return Relinked(read, len(found))


def unlink_alias(hub: Hub, organisation_id: int, name: str) -> int:
    """After an operator removed the alias `name` of `organisation_id`: the hub's links to it whose words
    are that name are removed where the story names the organisation no other way (the linker as it is
    now, without the alias). Returns the links removed. Side effects: ItemLink rows deleted, with
    members' reports of them."""
    keys = name_keys(name)
    linker = linker_for_hub(hub)
    key = str(organisation_id)
    links = (ItemLink.objects.filter(hub=hub, organisation_id=organisation_id)
             .values_list("pk", "mention", "item__title", "item__body").order_by("pk"))
    doomed, renamed = [], {}
    for pk, mention, title, body in links.iterator(chunk_size=BATCH):
        if folded_text(mention) not in keys:
            continue
        text = f"{title}\n{body}"
        still = next((found for found in linker.mentions(text) if key in found.ids), None)
        if still is None:
            doomed.append(pk)
        else:  # named another way too: the link stays, with the words that name it now
            renamed[pk] = text[still.start:still.end][:200]
    with transaction.atomic():
        for start in range(0, len(doomed), BATCH):
            ItemLink.objects.filter(pk__in=doomed[start:start + BATCH]).delete()
        for pk, mention in renamed.items():
            ItemLink.objects.filter(pk=pk).update(mention=mention)
    return len(doomed)

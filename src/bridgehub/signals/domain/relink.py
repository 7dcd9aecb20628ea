"""Stories already in a hub's feed, linked through a name added later.

An operator adds an alias when the news calls a member by a name the directory does not list ("Hefeng
Robotics" for 禾峰科技). New stories link through it at once; the stories that taught the operator the
name are already in the feed, and a member following the organisation expects them there too. This
reads the hub's stories of the last year again with the hub's linker as it is now (the same code as
ingestion, context rules included) and adds the links they lack. It runs on the background worker:
a hub's year can be 100,000 stories, some seconds of work.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

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

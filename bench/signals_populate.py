"""Fill the configured database with a hub's market signals at scale and print a member's credentials.

A Tokyo hub with 10,000 organisations and 100,000 stories over a year (each naming up to three
organisations, tagged with one or two sectors, one to three outlets' copies), a member whose
organisation has two sectors and twenty relationships and who follows ten more organisations and an
event type: the feed page has to pick theirs out of the hub's 100,000. Rows are bulk-inserted with the
values ingestion would write (ingestion itself is measured by bench/signals_linking.py). Prints
"session<TAB>KEY" and "token<TAB>RAW" lines. Run with the same BRIDGEHUB_* environment as the server.
"""

import argparse
import datetime as dt
import os
import random
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgehub.settings")
django.setup()

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from django.db import connection, transaction  # noqa: E402
from loadkit import print_credentials  # noqa: E402

from bridgehub.accounts.models import User  # noqa: E402
from bridgehub.directory.models import Organisation, OrganisationHub, OrganisationMembership, Sector  # noqa: E402
from bridgehub.engines.linking.stories import signature  # noqa: E402
from bridgehub.hubs.models import Hub  # noqa: E402
from bridgehub.pipeline.models import Relationship  # noqa: E402
from bridgehub.signals.enums import EventType  # noqa: E402
from bridgehub.signals.models import Follow, Item, ItemCopy, ItemLink, ItemSector  # noqa: E402

BATCH = 5000
EVENTS = [value for value, _label in EventType.choices] + [""]


def build(items: int, organisations: int, seed: int) -> User:
    rng = random.Random(seed)  # noqa: S311 - bench data
    hub = Hub.objects.create(slug="tokyo", name_en="Tokyo hub", name_ja="東京ハブ", name_zh_hant="東京樞紐",
                             time_zone="Asia/Tokyo", currency="JPY", country="JP")
    orgs = Organisation.objects.bulk_create(
        [Organisation(slug=f"bench-org-{i}", name=f"Bench organisation {i}", kind="startup" if i % 2 else "corporate",
                      country="TW" if i % 3 else "JP", original_language="en") for i in range(organisations)],
        batch_size=BATCH)
    OrganisationHub.objects.bulk_create([OrganisationHub(organisation=org, hub=hub, status="approved") for org in orgs],
                                        batch_size=BATCH)
    sectors = list(Sector.objects.all())
    member = User.objects.create(email="member@bench.example", display_name="Bench member")
    own = orgs[0]
    OrganisationMembership.objects.create(organisation=own, user=member, role="admin")
    own.sectors.set(sectors[:2])
    for other in orgs[1:21]:
        Relationship.objects.create(hub=hub, organisation=own, counterpart=other, origin="manual", opened_by=member)
    Follow.objects.bulk_create([Follow(user=member, hub=hub, organisation=other) for other in orgs[21:31]]
                               + [Follow(user=member, hub=hub, event_type="funding")])
    now = dt.datetime.now(dt.UTC)
    rows = [Item(hub=hub, title=f"Story {n}: an event in deep tech", body="",
                 language=rng.choice(["ja", "zh-Hant", "en"]),
                 url=f"https://news.example.org/{n}", published_at=now - dt.timedelta(minutes=rng.randint(0, 525_600)),
                 event_type=rng.choice(EVENTS), evidence="", signature=b"") for n in range(items)]
    for row in rows:  # the MinHash ingestion compares new stories with (45 days of them: ~12,000)
        row.signature = signature(row.title)
    with transaction.atomic():
        made = Item.objects.bulk_create(rows, batch_size=BATCH)
    links, copies, tags = [], [], []
    for item in made:
        for organisation in {rng.randrange(organisations) for _ in range(rng.randint(0, 3))}:
            links.append(ItemLink(item=item, organisation=orgs[organisation], mention=orgs[organisation].name,
                                  hub=hub, published_at=item.published_at))
        for outlet in range(rng.randint(1, 3)):
            copies.append(ItemCopy(hub=hub, item=item, url=f"{item.url}/{outlet}", outlet=f"Outlet {outlet}",
                                   title=item.title, language=item.language, published_at=item.published_at))
        for sector in rng.sample(sectors, rng.randint(1, 2)):
            tags.append(ItemSector(item=item, sector=sector, hub=hub, event_type=item.event_type,
                                   published_at=item.published_at))
    with transaction.atomic():
        ItemLink.objects.bulk_create(links, batch_size=BATCH)
        ItemCopy.objects.bulk_create(copies, batch_size=BATCH)
        ItemSector.objects.bulk_create(tags, batch_size=BATCH)
    # Statistics and PostgreSQL's visibility map, as a database in service has them: autovacuum visits
    # tables that take inserts, so their pages are marked all-visible and the feed's covering indexes are
    # read without the table (a freshly bulk-loaded table is not, and every index read visits the heap).
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for model in (Item, ItemLink, ItemCopy, ItemSector):
                cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(model._meta.db_table)}")
        cursor.execute("ANALYZE")
    print(f"items\t{len(made)}\nlinks\t{len(links)}\ncopies\t{len(copies)}", file=sys.stderr)
    return member


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    member = build(args.items, args.organisations, args.seed)
    print_credentials(member)
    return 0


if __name__ == "__main__":
    sys.exit(main())

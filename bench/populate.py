"""Fill the configured database with N organisations made from the demo directory.

The 152 demo organisations are built once, then copied with numbered names until there are N,
keeping their real trilingual texts, sectors, asks/offers and hub links, so that search and
listing work on realistic rows. Run with the same BRIDGEHUB_* environment as the server.
"""

import argparse
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgehub.settings")
django.setup()

from django.db import transaction  # noqa: E402 - after django.setup()

from bridgehub.directory.demo.builder import build_demo, demo_is_loaded  # noqa: E402
from bridgehub.directory.models import AskOffer, Organisation, OrganisationHub, ProfileText  # noqa: E402

BATCH = 500


def copy_rows(target: int) -> int:
    originals = list(Organisation.objects.filter(slug__startswith="demo-").prefetch_related(
        "texts", "sectors", "asks_offers", "hub_links").order_by("pk"))
    existing = Organisation.objects.count()
    made = 0
    copy_number = 0
    while existing + made < target:
        copy_number += 1
        with transaction.atomic():
            for original in originals:
                if existing + made >= target:
                    break
                _copy(original, copy_number)
                made += 1
    return made


def _copy(original: Organisation, number: int) -> None:
    clone = Organisation.objects.get(pk=original.pk)
    clone.pk = None
    clone.slug = f"{original.slug}-c{number}"
    clone.name = f"{original.name} {number}"
    clone.registry_number = ""
    clone.save()
    ProfileText.objects.bulk_create([ProfileText(organisation=clone, language=t.language, tagline=t.tagline,
                                                 summary=t.summary, member_details=t.member_details)
                                     for t in original.texts.all()])
    AskOffer.objects.bulk_create([AskOffer(organisation=clone, direction=a.direction, kind=a.kind,
                                           amount_min=a.amount_min, amount_max=a.amount_max, currency=a.currency,
                                           market=a.market, talent_role=a.talent_role, note=a.note,
                                           visibility=a.visibility) for a in original.asks_offers.all()])
    OrganisationHub.objects.bulk_create([OrganisationHub(organisation=clone, hub_id=link.hub_id, status=link.status)
                                         for link in original.hub_links.all()])
    # Last: setting sectors rebuilds the copy's search document (a model signal), now that its
    # texts, asks/offers and hub links are in place.
    clone.sectors.set(original.sectors.all())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, default=10_000)
    args = parser.parse_args()
    if not demo_is_loaded():
        build_demo()
    made = copy_rows(args.orgs)
    print(f"organisations: {Organisation.objects.count()} (added {made})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

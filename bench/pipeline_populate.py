"""Fill the configured database with a hub's pipeline at scale and print the operator's credentials.

A Tokyo hub with 2,000 organisations, a programme of monthly rounds over 14 months, N relationships
(default 50,000) opened over that time, about five stage events each (met, follow-ups recorded by
either side, NDAs, PoCs, some outcomes with amounts, some closings), 60 % of them confirmed, and monthly
exchange rates. Rows are bulk-inserted (the domain functions would take an hour at this size) with
the values the domain would write. Prints "session<TAB>KEY" and "token<TAB>RAW" lines for the bench.
Run with the same BRIDGEHUB_* environment as the server.
"""

import argparse
import datetime as dt
import os
import random
import sys
from decimal import Decimal

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgehub.settings")
django.setup()

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from django.db import transaction  # noqa: E402
from loadkit import print_credentials  # noqa: E402

from bridgehub.accounts.models import User  # noqa: E402
from bridgehub.directory.models import Organisation, OrganisationHub  # noqa: E402
from bridgehub.exchanges.models import Programme, Round  # noqa: E402
from bridgehub.hubs.models import Hub, HubMembership  # noqa: E402
from bridgehub.pipeline.enums import STEP_OF_STAGE, Stage  # noqa: E402
from bridgehub.pipeline.models import ExchangeRate, Relationship, StageConfirmation, StageEvent  # noqa: E402

TOKYO = dt.timezone(dt.timedelta(hours=9))
LADDER = [Stage.MET, Stage.FOLLOW_UP, Stage.NDA, Stage.POC, Stage.AGREEMENT]
BATCH = 5000


def build(relationships: int, organisations: int, seed: int) -> tuple[User, Hub]:
    rng = random.Random(seed)
    hub = Hub.objects.create(slug="tokyo", name_en="Tokyo hub", name_ja="東京ハブ", name_zh_hant="東京樞紐",
                             time_zone="Asia/Tokyo", currency="JPY", country="JP")
    operator = User.objects.create(email="operator@bench.example", display_name="Bench operator")
    HubMembership.objects.create(hub=hub, user=operator, role="operator")
    orgs = Organisation.objects.bulk_create(
        [Organisation(slug=f"bench-org-{i}", name=f"Bench organisation {i}", kind="startup" if i % 2 else "corporate",
                      country="TW" if i % 3 else "JP", original_language="en") for i in range(organisations)],
        batch_size=BATCH)
    OrganisationHub.objects.bulk_create([OrganisationHub(organisation=org, hub=hub, status="approved") for org in orgs],
                                        batch_size=BATCH)
    programme = Programme.objects.create(hub=hub, name="Bench monthly")
    today = dt.datetime.now(TOKYO).date()
    start = today - dt.timedelta(days=420)
    rounds = [Round.objects.create(programme=programme, title=f"Round {month}", time_zone="Asia/Tokyo",
                                   starts_at=dt.datetime.combine(start + dt.timedelta(days=30 * month), dt.time(14),
                                                                 tzinfo=TOKYO),
                                   slot_minutes=25, slot_count=8, tables=8, status="closed") for month in range(14)]
    pairs: set[tuple[int, int]] = set()
    rows = []
    while len(rows) < relationships:
        first, second = sorted(rng.sample(range(organisations), 2))
        if (first, second) in pairs:
            continue
        pairs.add((first, second))
        round_ = rng.choice(rounds)
        rows.append(Relationship(hub=hub, organisation=orgs[first], counterpart=orgs[second], origin="meeting",
                                 round=round_, opened_at=round_.starts_at, opened_by=operator))
    with transaction.atomic():
        made = Relationship.objects.bulk_create(rows, batch_size=BATCH)
    events = []
    for relationship in made:
        day = relationship.opened_at.date()
        for number in range(rng.randint(1, 9)):  # about five each
            step = min(number, len(LADDER) - 1) if rng.random() < 0.8 else rng.randint(0, len(LADDER) - 1)
            stage = LADDER[step]
            amount, currency = None, ""
            if number == 8:
                stage = rng.choice([Stage.INVESTMENT, Stage.ORDER, Stage.CLOSED_LOST])
                if stage != Stage.CLOSED_LOST:
                    amount, currency = rng.randint(1, 200) * 1_000_000, rng.choice(["JPY", "TWD", "USD"])
            day = min(day + dt.timedelta(days=rng.randint(1, 40)), today - dt.timedelta(days=1))
            side = relationship.organisation if rng.random() < 0.5 else relationship.counterpart
            events.append(StageEvent(relationship=relationship, stage=stage, effective_on=day, side=side,
                                     recorded_at=dt.datetime.combine(day, dt.time(18), tzinfo=TOKYO),
                                     recorded_by=operator, amount=amount, currency=currency,
                                     lost_reason="timing" if stage == Stage.CLOSED_LOST else ""))
    with transaction.atomic():
        saved = StageEvent.objects.bulk_create(events, batch_size=BATCH)
    now = dt.datetime.now(dt.UTC)
    confirmations = [StageConfirmation(event=event, kind="confirmed", by=operator,
                                       at=min(event.recorded_at + dt.timedelta(days=rng.randint(1, 10)), now))
                     for event in saved if STEP_OF_STAGE.get(Stage(event.stage)) and rng.random() < 0.6]
    with transaction.atomic():
        StageConfirmation.objects.bulk_create(confirmations, batch_size=BATCH)
    for month in range(16):
        day = dt.date(start.year, start.month, 1) + dt.timedelta(days=31 * month)
        for currency, per_usd in (("JPY", 150 - month), ("TWD", 32 - month / 10), ("SGD", 1.3)):
            ExchangeRate.objects.get_or_create(currency=currency, valid_from=day.replace(day=1),
                                               defaults={"per_usd": Decimal(str(per_usd))})
    print(f"relationships\t{len(made)}\nevents\t{len(saved)}\nconfirmations\t{len(confirmations)}", file=sys.stderr)
    return operator, hub


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--relationships", type=int, default=50_000)
    parser.add_argument("--organisations", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    operator, _hub = build(args.relationships, args.organisations, args.seed)
    print_credentials(operator)
    return 0


if __name__ == "__main__":
    sys.exit(main())

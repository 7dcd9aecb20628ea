"""The demo programme's first year: relationships from monthly rounds, November 2025 to September 2026.

Calibrated to what public matchmaking programmes report, so the funnel and cohorts look like a real
programme's and not like a sales deck: about one meeting in eight reaches a PoC or more within a year
(Taiwan's SME matching programme: ~30,000 talks → ~3,490 cooperation cases), most relationships stop
after a follow-up or two, some close with a reason, a third of the stages stay claimed by one side,
and outcomes carry amounts in the currencies people deal in. Each relationship moves step by step
with a chance to go on and a delay drawn per step; only what happened before today is recorded, so the
young cohorts are still open — the report must say "pending" for them, not "failed".

The rounds are stored as closed rounds of the programme without their schedules (the demo's October
and December rounds carry full schedules).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from bridgehub.accounts.models import User
from bridgehub.directory.enums import ApprovalStatus, OrganisationKind, OrgRole
from bridgehub.directory.models import Organisation, OrganisationMembership
from bridgehub.exchanges.demo import DEMO_FOUNDER, DEMO_INVESTOR
from bridgehub.exchanges.enums import RoundStatus
from bridgehub.exchanges.models import Programme, Round
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.domain.relationships import confirm_stage, open_relationship, record_stage, verify_stage
from bridgehub.pipeline.enums import LostReason, Origin, Stage
from bridgehub.pipeline.models import ExchangeRate, Relationship, StageConfirmation, StageEvent

MEETINGS_PER_ROUND = 18
# (next stage, chance to go on, days until it happens: low, high)
LADDER = [(Stage.FOLLOW_UP, 0.55, 5, 30), (Stage.NDA, 0.45, 10, 45), (Stage.POC, 0.55, 20, 75),
          (Stage.AGREEMENT, 0.45, 30, 120)]
OUTCOMES = [(Stage.INVESTMENT, 0.35, (20_000_000, 150_000_000), "JPY"), (Stage.ORDER, 0.45, (1_500_000, 9_000_000),
                                                                           "TWD")]
CONFIRMED_SHARE = 0.7
LOST_SHARE = 0.45  # of those that stop, how many say so (the rest just go quiet)
# Monthly reference rates (units per US dollar), rounded: enough to convert the demo's amounts by date.
RATES = {"JPY": [148, 150, 149, 147, 145, 146, 144, 147, 149, 151, 152, 150, 151],
         "TWD": [32.6, 32.8, 32.9, 32.7, 32.3, 31.9, 31.4, 30.6, 30.4, 30.8, 31.0, 31.3, 31.2],
         "SGD": [1.35, 1.35, 1.34, 1.33, 1.32, 1.31, 1.30, 1.29, 1.29, 1.30, 1.30, 1.31, 1.30]}


def _speaker(organisation: Organisation) -> User | None:
    membership = organisation.memberships.filter(role=OrgRole.ADMIN).select_related("user").first()
    return membership.user if membership else None


def _team_account(organisation: Organisation) -> User:
    """The start-up's own account where the demo directory gave it none: a programme of 66 start-ups
    meets with all of them (no password: nobody logs in as it)."""
    user = User.objects.create(email=f"team@{organisation.slug}.demo.bridgehub.example",
                               display_name=f"{organisation.name} team")
    user.set_unusable_password()
    user.save(update_fields=["password"])
    OrganisationMembership.objects.create(organisation=organisation, user=user, role=OrgRole.ADMIN)
    return user


def _rates() -> None:
    for currency, values in RATES.items():
        for month, value in enumerate(values):
            day = dt.date(2025 + (10 + month) // 12, (10 + month) % 12 + 1, 1)
            ExchangeRate.objects.update_or_create(currency=currency, valid_from=day, defaults={
                "per_usd": Decimal(str(value)), "source": "demo: monthly reference rate, rounded"})


def build_history(hub: Hub, programme: Programme, operator: User, seed: int = 2025) -> int:
    """Returns how many relationships the year added."""
    rng = random.Random(seed)  # noqa: S311  (a reproducible demo, not a secret)
    _rates()
    # The demo logins' own organisations keep their short, hand-written story (pipeline/demo.py).
    approved = Organisation.objects.filter(hub_links__hub=hub, hub_links__status=ApprovalStatus.APPROVED).exclude(
        memberships__user__email__in=[DEMO_FOUNDER, DEMO_INVESTOR])
    startups = list(approved.filter(kind=OrganisationKind.STARTUP).order_by("pk"))
    partners = [org for org in approved.exclude(kind=OrganisationKind.STARTUP).order_by("pk") if _speaker(org)]
    speakers = {org.pk: _speaker(org) or _team_account(org) for org in [*startups, *partners]}
    taken = set(Relationship.objects.filter(hub=hub).values_list("organisation_id", "counterpart_id"))
    yesterday = timezone.localdate(timezone=hub.zone) - dt.timedelta(days=1)
    added = 0
    previous = None
    for month in range(11):  # November 2025 … September 2026
        year, number = 2025 + (10 + month) // 12, (10 + month) % 12 + 1
        held = dt.datetime(year, number, 18, 14, 0, tzinfo=hub.zone)
        round_ = Round.objects.create(
            programme=programme, title=f"Tokyo Deep-Tech Bridge — {held:%B %Y}",
            title_en=f"Tokyo Deep-Tech Bridge — {held:%B %Y}", title_zh_hant=f"東京深科技交流會・{year}年{number}月",
            title_ja=f"東京ディープテック交流会・{year}年{number}月", starts_at=held, time_zone=hub.time_zone,
            slot_minutes=25, slot_count=8, tables=8, status=RoundStatus.CLOSED, created_by=operator, previous=previous)
        previous = round_
        for _meeting in range(MEETINGS_PER_ROUND):
            startup, partner = rng.choice(startups), rng.choice(partners)
            key = tuple(sorted((startup.pk, partner.pk)))
            if key in taken:
                continue
            taken.add(key)
            _live(rng, hub, round_, startup, partner, speakers, held, yesterday, operator)
            added += 1
    return added


def _live(rng: random.Random, hub: Hub, round_: Round, startup: Organisation, partner: Organisation,
          speakers: dict[int, User | None], held: dt.datetime, yesterday: dt.date, operator: User) -> None:
    founder, other = speakers[startup.pk], speakers[partner.pk]
    assert founder is not None and other is not None
    relationship, _new = open_relationship(user=founder, hub=hub, organisation=startup, counterpart=partner,
                                           origin=Origin.MEETING, round_=round_, system=True)
    Relationship.objects.filter(pk=relationship.pk).update(opened_at=held)
    day = held.date()
    _record(rng, relationship, Stage.MET, day, founder, other)
    for stage, go_on, low, high in LADDER:
        day = day + dt.timedelta(days=rng.randint(low, high))
        if day > yesterday:
            return  # still open: its next step has not happened yet
        if rng.random() > go_on:
            if rng.random() < LOST_SHARE:
                _record(rng, relationship, Stage.CLOSED_LOST, day, founder, other,
                        lost_reason=rng.choice([LostReason.NO_FIT, LostReason.TIMING, LostReason.BUDGET,
                                                LostReason.WENT_ELSEWHERE, LostReason.NO_RESPONSE]))
            return
        _record(rng, relationship, stage, day, founder, other)
    stage, chance, (low_amount, high_amount), currency = rng.choice(OUTCOMES)
    day = day + dt.timedelta(days=rng.randint(20, 90))
    if day <= yesterday and rng.random() < chance:
        amount = round(rng.randint(low_amount, high_amount), -5)
        event = _record(rng, relationship, stage, day, founder, other, amount=amount, currency=currency,
                        evidence_url="https://example.org/press/bridge-demo-outcome" if rng.random() < 0.5 else "")
        if event.evidence_url:
            verification = verify_stage(user=operator, event=event)
            StageConfirmation.objects.filter(pk=verification.pk).update(
                at=_moment(event.effective_on, 4, held.tzinfo))


def _moment(day: dt.date, later_days: int, zone) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=later_days), dt.time(11), tzinfo=zone)


def _record(rng: random.Random, relationship: Relationship, stage: str, day: dt.date, founder: User, other: User,
            **details) -> StageEvent:
    recorder, confirmer = (founder, other) if rng.random() < 0.6 else (other, founder)
    event = record_stage(user=recorder, relationship=relationship, stage=stage, effective_on=day, **details)
    zone = relationship.hub.zone
    recorded = _moment(day, rng.randint(0, 3), zone)
    StageEvent.objects.filter(pk=event.pk).update(recorded_at=min(recorded, timezone.now()))
    if stage != Stage.CLOSED_LOST and rng.random() < CONFIRMED_SHARE:
        confirmation = confirm_stage(user=confirmer, event=event)
        StageConfirmation.objects.filter(pk=confirmation.pk).update(
            at=min(recorded + dt.timedelta(days=rng.randint(1, 6)), timezone.now()))
    event.refresh_from_db()
    return event

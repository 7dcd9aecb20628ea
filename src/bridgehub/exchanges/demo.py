"""The demo hub's exchange programme: a past round with feedback, a published round, an open one.

Built through the same domain functions as the pages (registration, requests, the scheduler,
publishing), so the demo also exercises them. Deterministic for a seed.
"""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo

from django.db import transaction

from bridgehub.accounts.models import User
from bridgehub.directory.enums import ApprovalStatus, OrganisationKind, OrgRole
from bridgehub.directory.models import Organisation, OrganisationHub, OrganisationMembership
from bridgehub.exchanges.domain import dayof, participation, rounds
from bridgehub.exchanges.domain import scheduling as scheduling_domain
from bridgehub.exchanges.enums import RoundStatus
from bridgehub.exchanges.models import Registration, Round
from bridgehub.hubs.models import Hub

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
LANGUAGES = {"TW": ["zh", "en"], "JP": ["ja"], "US": ["en"], "SG": ["en", "zh"]}
ZONES = {"TW": "Asia/Taipei", "JP": "Asia/Tokyo", "US": "America/Los_Angeles", "SG": "Asia/Singapore"}
DEMO_OPERATOR = "operator@tokyo.bridgehub.example"
DEMO_FOUNDER = "founder@startup.bridgehub.example"
DEMO_INVESTOR = "partner@investor.bridgehub.example"


def _representative(organisation: Organisation) -> User:
    """The organisation's admin, or a demo account for it (no usable password)."""
    admin = organisation.memberships.filter(role=OrgRole.ADMIN).select_related("user").first()
    if admin is not None:
        return admin.user
    person = organisation.affiliations.select_related("person").first()
    user = User.objects.create(email=f"rep-{organisation.slug}@demo.bridgehub.example",
                               display_name=person.person.name if person else organisation.name)
    user.set_unusable_password()
    user.save(update_fields=["password"])
    OrganisationMembership.objects.create(organisation=organisation, user=user, role=OrgRole.ADMIN)
    return user


def _participants(hub: Hub, rng: random.Random) -> list[Organisation]:
    demo_people = list(Organisation.objects.filter(memberships__user__email__in=[DEMO_FOUNDER, DEMO_INVESTOR]))
    pool = list(Organisation.objects.filter(hub_links__status=ApprovalStatus.APPROVED,
                                            kind__in=[OrganisationKind.STARTUP, OrganisationKind.INVESTOR,
                                                      OrganisationKind.CORPORATE])
                .exclude(pk__in=[o.pk for o in demo_people])
                .exclude(hub_links__status=ApprovalStatus.PENDING).distinct().order_by("slug"))
    chosen = demo_people + rng.sample(pool, 34)
    for organisation in chosen:  # Taiwanese start-ups join the Tokyo hub's rounds as members there
        OrganisationHub.objects.get_or_create(organisation=organisation, hub=hub,
                                              defaults={"status": ApprovalStatus.APPROVED})
    return chosen


def _register_all(round_: Round, organisations: list[Organisation], rng: random.Random) -> list[Registration]:
    registrations = []
    for organisation in organisations:
        user = _representative(organisation)
        zone = ZONES.get(organisation.country, "Asia/Tokyo")
        if user.time_zone != zone:  # people set their zone once; the demo gives each one their country's
            user.time_zone = zone
            user.save(update_fields=["time_zone"])
        slots = list(round_.slots)
        if rng.random() < 0.3:  # some arrive late or leave early
            slots = slots[rng.randint(1, 3):] if rng.random() < 0.5 else slots[: -rng.randint(1, 3)]
        registrations.append(participation.register(
            user=user, round_=round_, organisation_id=organisation.pk,
            languages=LANGUAGES.get(organisation.country, ["en"]), available_slots=slots,
            max_meetings=None))
    return registrations


def _requests(registrations: list[Registration], rng: random.Random, *, answer_all: bool) -> None:
    startups = [r for r in registrations if r.organisation.kind == OrganisationKind.STARTUP]
    others = [r for r in registrations if r.organisation.kind != OrganisationKind.STARTUP]
    founder = next((r for r in startups if r.user.email == DEMO_FOUNDER), None)
    investor = next((r for r in others if r.user.email == DEMO_INVESTOR), None)
    if founder and investor:  # the two demo logins have agreed to meet, so both see a meeting
        participation.respond(user=investor.user, accept=True, request=participation.send_request(
            user=founder.user, sender=founder, recipient=investor, note="We would love your view on our round."))
    for sender in startups:
        for recipient in rng.sample(others, 4):
            if recipient.user.email in (DEMO_FOUNDER, DEMO_INVESTOR) and sender.user.email in (
                    DEMO_FOUNDER, DEMO_INVESTOR):
                continue
            try:
                request = participation.send_request(user=sender.user, sender=sender, recipient=recipient)
            except rounds.ExchangeError:
                continue
            roll = rng.random()
            if request.status != "pending":  # met in October: waits until both ask
                continue
            if recipient.user.email == DEMO_INVESTOR and not answer_all and roll < 0.5:
                continue  # the demo investor has requests waiting for an answer
            if roll < 0.72:
                participation.respond(user=recipient.user, request=request, accept=True)
            elif roll < 0.88 or answer_all:
                participation.respond(user=recipient.user, request=request, accept=False,
                                      reason=rng.choice(["not_relevant", "no_time", "not_now"]))


VENUE = {"venue": "Tokyo Innovation Hub, Otemachi", "venue_en": "Tokyo Innovation Hub, Otemachi",
         "venue_zh_hant": "東京創新據點（大手町）", "venue_ja": "東京イノベーションハブ（大手町）"}


def _named(en: str, zh: str, ja: str) -> dict[str, str]:
    """A round's title and venue as the hub writes them in each interface language."""
    return {"title": f"Tokyo Deep-Tech Bridge — {en}", "title_en": f"Tokyo Deep-Tech Bridge — {en}",
            "title_zh_hant": f"東京深科技交流會・{zh}", "title_ja": f"東京ディープテック交流会・{ja}", **VENUE}


@transaction.atomic
def build_exchange_demo(seed: int = 20261125) -> int:
    """Build the Tokyo programme with three rounds; returns the number of published meetings."""
    rng = random.Random(seed)
    hub = Hub.objects.get(slug="tokyo")
    operator = User.objects.get(email=DEMO_OPERATOR)
    programme = rounds.create_programme(user=operator, hub=hub, name="Tokyo Deep-Tech Bridge", cadence="monthly",
                                        description="Monthly 1:1 meetings of Taiwanese and Japanese deep-tech "
                                                    "start-ups with investors and corporate partners.",
                                        name_zh_hant="東京深科技橋接計畫", name_ja="東京ディープテック・ブリッジ")
    organisations = _participants(hub, rng)
    past = Round.objects.create(programme=programme, **_named("October", "10月", "10月"),
                                starts_at=dt.datetime(2026, 10, 15, 13, 0, tzinfo=TOKYO), time_zone="Asia/Tokyo",
                                slot_minutes=25, slot_count=8, tables=8,
                                status=RoundStatus.OPEN, created_by=operator)
    december = Round.objects.create(programme=programme, **_named("December", "12月", "12月"),
                                    starts_at=dt.datetime(2026, 12, 10, 10, 0, tzinfo=TOKYO), time_zone="Asia/Tokyo",
                                    slot_minutes=25, slot_count=10, tables=10,
                                    status=RoundStatus.OPEN, previous=past, created_by=operator)
    for round_ in (past, december):
        for name, languages, slots in (("Lin Yi-chen", ["zh", "ja"], None), ("Sato Mariko", ["ja", "en"], None),
                                       ("Chen Wei", ["zh", "ja"], [0, 1, 2, 3, 4])):
            rounds.add_interpreter(user=operator, round_=round_, name=name, languages=languages,
                                   available_slots=slots or list(round_.slots))
    _requests(_register_all(past, organisations[2:30], rng), rng, answer_all=True)
    _publish(operator, past)
    _past_day(past, rng)
    _requests(_register_all(december, organisations, rng), rng, answer_all=False)
    meetings = _publish(operator, december)
    january = Round.objects.create(programme=programme, **_named("January", "1月", "1月"),
                                   starts_at=dt.datetime(2027, 1, 21, 14, 0, tzinfo=TOKYO), time_zone="Asia/Tokyo",
                                   mode="hybrid", slot_count=8, tables=10,
                                   status=RoundStatus.OPEN, previous=december, created_by=operator)
    rounds.carry_over(user=operator, round_=january, notify_people=False)
    return meetings


def _publish(operator: User, round_: Round) -> int:
    run = scheduling_domain.run_scheduler(user=operator, round_=round_, time_limit=3)
    scheduling_domain.publish(user=operator, run=run, notify_people=False)
    return round_.meetings.count()


def _past_day(round_: Round, rng: random.Random) -> None:
    """The October day happened: most checked in, feedback given, two no-shows."""
    desk = User.objects.get(email=DEMO_OPERATOR)
    meetings = list(round_.meetings.select_related("request__sender__user", "request__recipient__user")
                    .order_by("pk"))
    # Two people missed a meeting (the desk never saw them); their counterparts report it.
    absent = rng.sample(meetings, 2)
    absent_people = {meeting.request.recipient_id for meeting in absent}
    for registration in Registration.objects.filter(round=round_).order_by("pk"):
        if registration.pk not in absent_people and rng.random() < 0.9:
            dayof.check_in(user=desk, registration=registration)
    for meeting in meetings:
        sender, recipient = meeting.sides
        if meeting in absent:
            dayof.report_no_show(user=sender.user, meeting=meeting)
            continue
        for side in (sender, recipient):
            if rng.random() < 0.7:
                dayof.give_feedback(user=side.user, meeting=meeting, useful=rng.random() < 0.8,
                                    next_step=rng.choice(["none", "follow_up", "follow_up", "poc", "mou",
                                                          "investment"]))
    round_.status = RoundStatus.CLOSED
    round_.save(update_fields=["status"])

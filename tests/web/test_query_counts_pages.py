"""N+1 guards on the member and operator pages: each costs the same number of queries with 1 and
with 3 items of what it lists (people, organisations, rounds, recommendations)."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bridgehub.accounts.domain.inbox import notify
from bridgehub.directory.models import Affiliation, OperatorNote
from bridgehub.exchanges.models import Programme
from bridgehub.matchmaking.models import HubMatching, Introduction, MatchProfile, Recommendation
from tests.exchanges.conftest import make_round, register, round_day
from tests.factories.core import (
    AskOfferFactory,
    HubFactory,
    HubMembershipFactory,
    OrganisationFactory,
    OrganisationHubFactory,
    OrganisationMembershipFactory,
    PersonFactory,
    ProfileTextFactory,
    UserFactory,
)


def queries_for(user, url: str, shows: str) -> int:
    client = Client()
    if user is not None:
        client.force_login(user)
    client.get(url)  # the first request fills per-process memos (taxonomy, listing index)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    assert shows in response.content.decode()  # the last item is on the page: the count covers it
    return len(context.captured_queries)


class Base:
    def __init__(self):
        self.hub = HubFactory(slug="tokyo")
        self.operator = HubMembershipFactory(hub=self.hub, user=UserFactory(email="op@example.com")).user
        self.member = UserFactory(email="member@example.com", display_name="Member")
        self.home = OrganisationFactory(slug="home", name="Home KK")
        ProfileTextFactory(organisation=self.home)
        OrganisationHubFactory(organisation=self.home, hub=self.hub)
        OrganisationMembershipFactory(organisation=self.home, user=self.member)

    def organisation(self, index: int, kind: str = "startup"):
        extra = {"investor_type": "vc"} if kind == "investor" else {}
        organisation = OrganisationFactory(slug=f"org-{index}", name=f"Org {index}", kind=kind, **extra)
        ProfileTextFactory(organisation=organisation)
        OrganisationHubFactory(organisation=organisation, hub=self.hub)
        return organisation


def organisation_page(count: int):
    base = Base()
    for index in range(count):
        person = PersonFactory(name=f"Person {index}", profile_visibility="members")
        Affiliation.objects.create(person=person, organisation=base.home, role="CTO")
        AskOfferFactory(organisation=base.home, visibility="members")
        OperatorNote.objects.create(hub=base.hub, organisation=base.home, author=base.operator, text=f"note {index}")
        OrganisationHubFactory(organisation=base.home, hub=HubFactory(slug=f"hub-{index}"))
    return base.operator, "/o/home/", f"note {count - 1}"


def dashboard(count: int):
    base = Base()
    for index in range(count):
        organisation = base.organisation(index)
        OrganisationMembershipFactory(organisation=organisation, user=base.member, role="member")
        notify([base.member.pk], "round_invitation", "/rounds/", round=f"Round {index}")
    return base.member, "/dashboard/", f"Org {count - 1}"


def inbox_page(count: int):
    base = Base()
    for index in range(count):
        notify([base.member.pk], "meeting_requested", "/rounds/", sender=f"Sender {index}", round="December")
    return base.member, "/inbox/", f"Sender {count - 1}"


def rounds_page(count: int):
    base = Base()
    programme = Programme.objects.create(hub=base.hub, name="Monthly", cadence="monthly")
    for index in range(count):
        round_ = make_round(programme, title=f"Round {index}",
                            start=round_day(7 + index, zone=dt.UTC))
        register(base.member, round_, base.home, ["en"], "Asia/Tokyo")
    return base.member, "/rounds/", f"Round {count - 1}"


def _profiles(base: Base, count: int):
    reader = MatchProfile.objects.get_or_create(organisation=base.home, defaults={"kind": "startup"})[0]
    MatchProfile.objects.filter(pk=reader.pk).update(status="ready")
    targets = []
    for index in range(count):
        target = MatchProfile.objects.get_or_create(organisation=base.organisation(index, "investor"),
                                                    defaults={"kind": "investor"})[0]
        MatchProfile.objects.filter(pk=target.pk).update(status="ready")
        Recommendation.objects.create(hub=base.hub, reader=reader, target=target, rank=index + 1,
                                      score=1.0 - index / 10, reasons=["sector:robotics"])
        targets.append(target)
    HubMatching.objects.update_or_create(hub=base.hub, defaults={
        "built_at": dt.datetime(2026, 12, 1, tzinfo=dt.UTC), "exposure": {str(t.pk): 1 for t in targets}})
    return reader, targets


def matches_page(count: int):
    base = Base()
    reader, targets = _profiles(base, count)
    for target in targets:  # introductions waiting for an answer are listed too
        Introduction.objects.create(hub=base.hub, requester=target, recipient=reader)
    return base.member, "/matches/", f"Org {count - 1}"


def operator_matching_page(count: int):
    base = Base()
    _profiles(base, count)
    return base.operator, "/manage/tokyo/matching/", f"Org {count - 1}"


def people_as_member(count: int):
    base = Base()
    for index in range(count):
        person = PersonFactory(name=f"Person {index}", profile_visibility="members", contact_visibility="members")
        Affiliation.objects.create(person=person, organisation=base.organisation(index), role="CEO")
    return base.member, "/people/", f"Person {count - 1}"


PAGES = [
    (organisation_page, 18),  # trust badges: the vetting and the domain proof; news about it and the follow
    (dashboard, 20),  # the pipeline: relationships waiting for the member
    (inbox_page, 6),
    (rounds_page, 6),
    (matches_page, 17),  # trust badges of all cards: two queries; their news: one; introductions asked: two
    (operator_matching_page, 12),
    (people_as_member, 9),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("build", "expected"), PAGES, ids=[build.__name__ for build, _ in PAGES])
def test_the_page_costs_the_same_for_one_and_three_items(build, expected):
    counts = []
    for count in (1, 3):
        counts.append(measure(build, count))
    assert counts == [expected, expected]


def measure(build, count: int) -> int:
    from django.db import transaction

    savepoint = transaction.savepoint()
    try:
        user, url, shows = build(count)
        return queries_for(user, url, shows)
    finally:
        transaction.savepoint_rollback(savepoint)

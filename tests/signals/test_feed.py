"""A member's feed: what concerns them, why, and never another hub's news."""

import html

import pytest
from django.utils import translation

from bridgehub.directory.models import Organisation, Sector
from bridgehub.hubs.enums import HubRole
from bridgehub.matchmaking.enums import SubjectKind
from bridgehub.matchmaking.models import MatchProfile
from bridgehub.pipeline.domain.relationships import open_relationship
from bridgehub.pipeline.models import Relationship
from bridgehub.signals.domain import queries
from bridgehub.signals.domain.follows import SignalsError, follow_organisation, report_link, set_topics
from bridgehub.signals.domain.ingest import ingest
from bridgehub.signals.models import Item, ItemLink, ItemSector
from tests.conftest import client_for
from tests.factories.core import (
    HubMembershipFactory,
    OrganisationFactory,
    OrganisationHubFactory,
    PersonFactory,
    UserFactory,
)
from tests.signals.conftest import DISTINCT_NEWS, raw


def _feed(user):
    interests = queries.interests_for_user(user)
    items = list(queries.with_feed_data(queries.items_for_user(user, interests)))
    with translation.override("en"):
        return {entry.item.url.rsplit("/", 1)[1]: entry.reasons
                for entry in queries.feed_entries(user, items, interests, "en")}


@pytest.fixture
def news(world):
    partner = OrganisationFactory(slug="partner", name="Kumamoto Robotics")
    OrganisationHubFactory(organisation=partner, hub=world.tokyo)
    other = OrganisationFactory(slug="other", name="Osaka Lidar")
    OrganisationHubFactory(organisation=other, hub=world.tokyo)
    world.organisation.sectors.set([Sector.objects.get(code="robotics")])
    ingest(hub=world.tokyo, source=None, raw_items=[
        raw("Secret Chips opens an office in Taipei", "https://n.example/own"),
        raw("Kumamoto Robotics wins an order from Toyota", "https://n.example/partner"),
        raw("Osaka Lidar launches a new sensor", "https://n.example/other"),
        raw("Care robots startup raises a seed round", "https://n.example/sector-funding"),
        raw("Humanoid robot maker opens a factory in Aichi", "https://n.example/sector-facility"),
    ])
    ingest(hub=world.taipei, source=None, raw_items=[raw("Taipei Org raises funding", "https://n.example/taipei")])
    open_relationship(user=world.owner, hub=world.tokyo, organisation=world.organisation, counterpart=partner)
    return other


@pytest.mark.django_db
def test_the_feed_holds_what_concerns_the_member_and_says_why(world, news):
    assert _feed(world.owner) == {
        "own": ["Mentions your organisation Secret Chips"],
        "partner": ["Mentions Kumamoto Robotics, with whom you have a relationship", "Robotics, Contract or order"],
        "sector-funding": ["Robotics, Funding"],
        "sector-facility": ["Robotics, Facility or expansion"],
    }
    follow_organisation(user=world.owner, organisation=news)
    set_topics(user=world.owner, hub=world.tokyo, sectors=[], event_types=["funding"])
    feed = _feed(world.owner)
    assert feed["other"] == ["Mentions Osaka Lidar, which you follow"]
    assert "sector-facility" not in feed and "sector-funding" in feed  # sector news narrowed to funding
    assert feed["partner"] == ["Mentions Kumamoto Robotics, with whom you have a relationship"]  # not for its sector


@pytest.mark.django_db
def test_another_hubs_news_never_reaches_a_member(world, news):
    assert "taipei" not in _feed(world.owner)
    assert list(_feed(world.taipei_member)) == ["taipei"]
    assert _feed(world.taipei_operator) == {}  # an operator follows nothing by default
    with pytest.raises(SignalsError):
        follow_organisation(user=world.taipei_member, organisation=news)
    with pytest.raises(SignalsError):
        set_topics(user=world.taipei_member, hub=world.tokyo, sectors=[], event_types=["funding"])
    link = ItemLink.objects.get(organisation=world.organisation)
    with pytest.raises(SignalsError):
        report_link(user=world.taipei_member, link=link)


@pytest.mark.django_db
def test_a_link_reported_wrong_leaves_the_reporters_feed(world, news):
    link = ItemLink.objects.get(organisation=world.organisation)
    response = client_for(world.owner).post(f"/signals/links/{link.pk}/wrong/")
    assert response.status_code == 302
    assert "own" not in _feed(world.owner)
    assert link.reports.count() == 1
    page = client_for(world.tokyo_operator).get("/manage/tokyo/signals/")
    assert "Links members marked wrong" in page.content.decode()


@pytest.mark.django_db
def test_the_signals_page_shows_reasons_and_sources(world, news):
    Item.objects.filter(url__endswith="/own").update(title="セクレットチップス、台北に拠点", language="ja")
    with translation.override("en"):
        page = client_for(world.owner).get("/signals/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Mentions your organisation Secret Chips" in page
    assert '<span class="lang-badge" lang="ja"' in page  # the title stays in its language, marked
    assert "1 source" in page and "n.example" in page
    organisation_page = client_for(world.owner).get("/o/partner/").content.decode()
    assert "Kumamoto Robotics wins an order from Toyota" in organisation_page
    relationship = Relationship.objects.get()
    relationship_page = client_for(world.owner).get(f"/relationships/{relationship.pk}/").content.decode()
    assert 'id="news"' in relationship_page and "Kumamoto Robotics wins an order from Toyota" in relationship_page


def test_a_talent_with_no_organisation_follows_the_sectors_their_profile_is_read_as(world, news):
    talent = UserFactory()
    HubMembershipFactory(hub=world.tokyo, user=talent, role=HubRole.MEMBER)
    person = PersonFactory(user=talent, name="Aiko Talent", open_to_roles=True)
    assert _feed(talent) == {}  # no profile read yet: nothing to go on
    MatchProfile.objects.update_or_create(person=person, defaults={"kind": SubjectKind.TALENT,
                                                                   "facets": {"sectors": {"robotics": 0.8}}})
    assert _feed(talent) == {"sector-funding": ["Robotics, Funding"],
                             "sector-facility": ["Robotics, Facility or expansion"],
                             "partner": ["Robotics, Contract or order"]}  # a robotics story, not their partner
    with translation.override("en"):
        page = html.unescape(client_for(talent).get("/signals/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert "the sectors your profile is read as" in page and "(from your profile)" in page
    assert "(your organisation's)" not in page
    owner_page = html.unescape(client_for(world.owner).get("/signals/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert "(your organisation's)" in owner_page  # a member with an organisation: its sectors, as before


@pytest.mark.django_db
@pytest.mark.parametrize(("count", "queries_expected"), [(1, 11), (3, 11)])
def test_the_signals_page_costs_the_same_queries_for_one_or_three_items(world, django_assert_num_queries, count,
                                                                       queries_expected):
    ingest(hub=world.tokyo, source=None, raw_items=[
        raw(f"Secret Chips {news}", f"https://n.example/{n}") for n, news in enumerate(DISTINCT_NEWS[:count])])
    client = client_for(world.owner)
    client.get("/signals/")
    with django_assert_num_queries(queries_expected):
        assert client.get("/signals/").status_code == 200


@pytest.mark.django_db
def test_an_operator_pins_a_story_to_a_programme_and_members_see_it_on_its_rounds(world):
    from bridgehub.exchanges.models import Programme, Round
    from tests.exchanges.conftest import make_round, round_day

    tokyo_programme = Programme.objects.create(hub=world.tokyo, name="Monthly", cadence="monthly")
    taipei_programme = Programme.objects.create(hub=world.taipei, name="Taipei", cadence="monthly")
    round_ = make_round(tokyo_programme, start=round_day())
    ingest(hub=world.tokyo, source=None, raw_items=[raw("METI opens a call for robotics PoCs", "https://n.example/call")])
    item = Item.objects.get()
    client = client_for(world.tokyo_operator)
    assert client.post("/manage/tokyo/signals/action/", {"action": "pin", "item": item.pk,
                                                        "target": f"programme:{tokyo_programme.pk}"}).status_code == 302
    page = client_for(world.owner).get(f"/rounds/{round_.pk}/").content.decode()
    assert 'id="pinned-news"' in page and "METI opens a call for robotics PoCs" in page
    client.post("/manage/tokyo/signals/action/", {"action": "pin", "item": item.pk,
                                                  "target": f"programme:{taipei_programme.pk}"})
    assert item.pins.count() == 1  # another hub's programme is refused
    client.post("/manage/tokyo/signals/action/", {"action": "unpin", "pin": item.pins.get().pk})
    assert not item.pins.exists() and Round.objects.count() == 1


@pytest.mark.django_db
def test_news_on_a_list_of_cards_is_the_latest_of_each_organisation_in_the_readers_hub(world, news):
    """news_by_organisation (one statement for a whole card list) against the queryset it stands for:
    the latest stories per organisation, the reader's hubs only, minus links the reader reported."""
    partner = news.__class__.objects.get(slug="partner")
    ingest(hub=world.tokyo, source=None, raw_items=[
        raw(f"Kumamoto Robotics {story}", f"https://n.example/partner-{n}", days=n)
        for n, story in enumerate(DISTINCT_NEWS, start=1)])
    ingest(hub=world.taipei, source=None, raw_items=[raw("Kumamoto Robotics opens in Hsinchu",
                                                         "https://n.example/partner-taipei", days=9)])
    ids = [world.organisation.pk, partner.pk, news.pk]

    def expected(user, hubs, per):
        found: dict[int, list[str]] = {}
        for link in (ItemLink.objects.filter(organisation_id__in=ids, item__hub_id__in=hubs)
                     .exclude(reports__user=user).select_related("item").order_by("-item__published_at", "-pk")):
            stories = found.setdefault(link.organisation_id, [])
            if len(stories) < per:
                stories.append(link.item.url)
        return found

    def got(user, per, hubs=None):
        return {org: [item.url for item in items]
                for org, items in queries.news_by_organisation(user, ids, per_organisation=per, hub_ids=hubs).items()}

    report_link(user=world.owner, link=ItemLink.objects.get(organisation=partner, item__url__endswith="partner-3"))
    assert got(world.owner, 2) == expected(world.owner, [world.tokyo.pk], 2)
    assert got(world.owner, 2)[partner.pk] == ["https://n.example/partner-2", "https://n.example/partner-1"]
    assert got(world.tokyo_member, 5)[partner.pk][0] == "https://n.example/partner-3"  # reported by another
    assert got(world.owner, 5, frozenset({world.tokyo.pk, world.taipei.pk})) == expected(
        world.owner, [world.tokyo.pk, world.taipei.pk], 5)
    assert queries.news_by_organisation(world.owner, []) == {}


@pytest.mark.django_db
@pytest.mark.parametrize("event_types", [[], ["contract"]])
def test_the_feed_page_statement_and_the_queryset_give_the_same_stories(world, news, event_types):
    """The feed's pages read the rule as a prepared statement, mail and counts as a queryset."""
    set_topics(user=world.owner, hub=world.tokyo, sectors=[], event_types=event_types)
    report_link(user=world.owner, link=ItemLink.objects.get(item__url="https://n.example/own"))
    interests = queries.interests_for_user(world.owner)
    expected = list(queries.items_for_user(world.owner, interests).order_by("-published_at", "-pk")
                    .values_list("url", flat=True))
    pages, page, has_older = [], 0, True
    while has_older:
        page += 1
        items, has_older, _parts = queries.feed_page(world.owner, interests, page, 2)
        pages.append([item.url for item in items])
    assert sum(pages, []) == expected
    assert "https://n.example/own" not in expected  # its one link was reported wrong
    # With no event type chosen: the partner's story and both robotics stories, over two pages.
    assert [len(found) for found in pages] == ([1] if event_types else [2, 1])


@pytest.mark.django_db
def test_a_story_met_twice_on_one_side_of_the_rule_takes_one_place_on_a_page(world, news):
    """A story naming two organisations the reader follows, or about two of their sectors, is one story:
    the feed statement cuts each side of its rule to the page's depth in stories, not in links."""
    follow_organisation(user=world.owner, organisation=news)  # Osaka Lidar, beside the partner Kumamoto Robotics
    ingest(hub=world.tokyo, source=None, raw_items=[
        raw(f"Kumamoto Robotics and Osaka Lidar: {story}", f"https://n.example/both-{n}", days=n + 1)
        for n, story in enumerate(DISTINCT_NEWS)])
    assert ItemLink.objects.filter(item__url__contains="/both-").count() == 2 * len(DISTINCT_NEWS)
    second = Sector.objects.exclude(code="robotics").order_by("pk").first()
    set_topics(user=world.owner, hub=world.tokyo, sectors=[second], event_types=[])
    for item in Item.objects.filter(url__contains="/sector-"):
        ItemSector.objects.create(item=item, sector=second, hub=item.hub, event_type=item.event_type,
                                  published_at=item.published_at)
    interests = queries.interests_for_user(world.owner)
    expected = list(queries.items_for_user(world.owner, interests).order_by("-published_at", "-pk")
                    .values_list("url", flat=True))
    assert expected[:3] == ["https://n.example/both-2", "https://n.example/both-1", "https://n.example/both-0"]
    for size in (1, 2, 3):
        pages, page, has_older = [], 0, True
        while has_older:
            page += 1
            items, has_older, _parts = queries.feed_page(world.owner, interests, page, size)
            pages.extend(item.url for item in items)
        assert pages == expected, size


@pytest.mark.django_db
def test_the_readers_circle_statement_follows_the_relationships_rule(world, news):
    """feed_reads.circle_of reads relationships_for_user's rule as a statement: both give the same other
    sides, for an organisation on either side of a relationship and for a talent."""
    from bridgehub.directory.domain.queries import own_organisation_roles
    from bridgehub.pipeline.domain.queries import relationships_for_user
    from bridgehub.signals.domain.feed_reads import Circle, circle_of

    talent_user = UserFactory()
    talent = PersonFactory(user=talent_user, name="Aiko Talent")
    open_relationship(user=world.owner, hub=world.tokyo, organisation=world.organisation, person=talent)
    neighbour = Organisation.objects.get(slug="neighbour")
    open_relationship(user=world.tokyo_member, hub=world.tokyo, organisation=neighbour, counterpart=news, system=True)
    open_relationship(user=world.tokyo_member, hub=world.tokyo, organisation=news, counterpart=world.organisation,
                      system=True)
    for user in (world.owner, world.tokyo_member, talent_user, world.taipei_member, world.tokyo_operator):
        own = frozenset(own_organisation_roles(user))
        by_rule = {side for pair in relationships_for_user(user).values_list("organisation_id", "counterpart_id")
                   for side in pair if side is not None and side not in own}
        assert circle_of(user, own).partners == by_rule, user.email
    assert circle_of(talent_user, frozenset()) == Circle(frozenset({world.organisation.pk}), frozenset())
    assert circle_of(world.owner, frozenset(own_organisation_roles(world.owner))) == Circle(
        frozenset({Organisation.objects.get(slug="partner").pk, news.pk}),
        frozenset({Sector.objects.get(code="robotics").pk}))  # their organisation's sector, read with them

"""N+1 guard: each list costs the same number of queries for 1 and for 3 items."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bridgehub.accounts.domain.tokens import issue_token
from bridgehub.directory.domain.search import refresh_search_fields
from bridgehub.directory.models import Affiliation, DirectoryVersion, ImportBatch
from tests.factories.core import (
    AskOfferFactory,
    HubFactory,
    HubMembershipFactory,
    OrganisationFactory,
    OrganisationHubFactory,
    PersonFactory,
    ProfileTextFactory,
    UserFactory,
)


def populate(count: int):
    hub = HubFactory(slug="tokyo")
    operator = HubMembershipFactory(hub=hub, user=UserFactory(email="op@example.com")).user
    for index in range(count):
        organisation = OrganisationFactory(slug=f"o{index}", name=f"Org {index}")
        ProfileTextFactory(organisation=organisation, language="en")
        ProfileTextFactory(organisation=organisation, language="ja")
        organisation.sectors.set([index % 3 + 1, 5])
        AskOfferFactory(organisation=organisation)
        OrganisationHubFactory(organisation=organisation, hub=hub)
        OrganisationHubFactory(organisation=OrganisationFactory(slug=f"p{index}"), hub=hub, status="pending")
        person = PersonFactory(name=f"Person {index}")
        Affiliation.objects.create(person=person, organisation=organisation, role="CEO")
        ImportBatch.objects.create(hub=hub, kind="organisations", filename=f"{index}.csv", created_by=operator)
        refresh_search_fields(organisation)
    return operator


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def cold_and_warm(client: Client, url: str) -> tuple[int, int]:
    """Queries of a first request (listing index loaded, page built) and of the same request again
    (pages remembered by the listing index until the directory changes)."""
    DirectoryVersion.bump()
    return count_queries(client, url), count_queries(client, url)


PAGES = [
    # (url, logged in as operator, expected queries)
    ("/people/", False, 5),
    ("/api/v1/people", False, 4),
    ("/manage/tokyo/", True, 10),
    ("/manage/tokyo/imports/", True, 7),
    ("/manage/tokyo/members/", True, 10),
]
INDEXED_LISTS = [
    # (url, queries of a first request, queries once the page is remembered). A first request
    # reads the directory version, loads the listing index (seven queries: organisations,
    # sectors, their links, hubs, hub links, asks and offers, taglines) and the page's texts; a
    # remembered page reads the version only.
    ("/directory/", 9, 1),
    ("/directory/?q=org&sector=semiconductors", 9, 1),
    ("/api/v1/organisations", 9, 1),
]


@pytest.mark.django_db
@pytest.mark.parametrize("items", [1, 3])
@pytest.mark.parametrize(("url", "as_operator", "expected"), PAGES)
def test_list_query_count_does_not_grow_with_items(items, url, as_operator, expected):
    operator = populate(items)
    client = Client()
    if as_operator:
        client.force_login(operator)
    assert count_queries(client, url) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("items", [1, 3])
@pytest.mark.parametrize(("url", "cold", "warm"), INDEXED_LISTS)
def test_indexed_lists_cost_the_same_for_any_number_of_items(items, url, cold, warm):
    populate(items)
    assert cold_and_warm(Client(), url) == (cold, warm)


@pytest.mark.django_db
@pytest.mark.parametrize("items", [1, 3])
def test_api_list_with_token(items):
    operator = populate(items)
    _token, raw = issue_token(user=operator, name="n")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    # Warm: the token's use was recorded by the first request, not again within the minute.
    assert cold_and_warm(client, "/api/v1/organisations") == (13, 4)

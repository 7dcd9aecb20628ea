"""N+1 guard: each list costs the same number of queries for 1 and for 3 items."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bridgehub.accounts.domain.tokens import issue_token
from bridgehub.directory.domain.search import refresh_search_fields
from bridgehub.directory.models import Affiliation, ImportBatch
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
    client.get(url)  # warm the process's listing index, as in a running server
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


PAGES = [
    # (url, logged in as operator, expected queries)
    ("/directory/", False, 8),
    ("/directory/?q=org&sector=semiconductors", False, 8),
    ("/people/", False, 5),
    ("/api/v1/organisations", False, 6),
    ("/api/v1/people", False, 4),
    ("/manage/tokyo/", True, 10),
    ("/manage/tokyo/imports/", True, 7),
    ("/manage/tokyo/members/", True, 9),
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
def test_api_list_with_token(items):
    operator = populate(items)
    _token, raw = issue_token(user=operator, name="n")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert count_queries(client, "/api/v1/organisations") == 11

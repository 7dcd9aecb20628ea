"""The signals API: the feed with reasons in the reader's language, follows, and bounded query counts."""

import pytest

from bridgehub.signals.domain.ingest import ingest
from bridgehub.signals.models import Follow
from tests.api.test_api import api_client
from tests.signals.conftest import DISTINCT_NEWS, raw


@pytest.mark.django_db
def test_the_feed_gives_each_story_with_why_in_the_readers_language(world):
    ingest(hub=world.tokyo, source=None, raw_items=[
        raw("Secret Chips opens an office in Taipei", "https://n.example/own", outlet="Nikkei Asia")])
    response = api_client(world, "owner").get("/api/v1/signals/feed", HTTP_ACCEPT_LANGUAGE="zh-hant")
    assert response.status_code == 200
    (story,) = response.json()["items"]
    assert (story["title"], story["language"], story["event_type"]) == (
        "Secret Chips opens an office in Taipei", "en", "facility")
    assert story["reasons"] == ["提及您的組織 Secret Chips"]
    assert [(link["organisation"], link["mention"]) for link in story["links"]] == [("secret-chips", "Secret Chips")]
    assert [copy["outlet"] for copy in story["copies"]] == ["Nikkei Asia"]
    assert api_client(world, "taipei_member").get("/api/v1/signals/feed").json()["items"] == []
    assert api_client(world, "taipei_member").get(f"/api/v1/signals/items/{story['id']}").status_code == 404


@pytest.mark.django_db
def test_follows_name_exactly_one_thing_of_ones_own_hub(world):
    client = api_client(world, "tokyo_member")
    made = client.post("/api/v1/signals/follows", {"hub": "tokyo", "sector": "robotics"},
                       content_type="application/json")
    assert made.status_code == 201 and made.json()["sector"] == "robotics"
    assert client.post("/api/v1/signals/follows", {"hub": "tokyo", "sector": "robotics", "event_type": "funding"},
                       content_type="application/json").json() == {
        "detail": "organisation, sector, event_type: give exactly one"}
    assert client.post("/api/v1/signals/follows", {"hub": "taipei", "event_type": "funding"},
                       content_type="application/json").json() == {"detail": "You are not a member of this hub."}
    assert client.post("/api/v1/signals/follows", {"hub": "tokyo", "organisation": "taipei-org"},
                       content_type="application/json").json() == {
        "detail": "This organisation is not a member of the hub."}
    assert [row["sector"] for row in client.get("/api/v1/signals/follows").json()] == ["robotics"]
    assert client.delete(f"/api/v1/signals/follows/{made.json()['id']}").status_code == 204
    assert not Follow.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_the_feed_and_the_hubs_items_cost_the_same_queries_for_one_or_three(world, django_assert_num_queries,
                                                                           count):
    ingest(hub=world.tokyo, source=None, raw_items=[
        raw(f"Secret Chips {news}", f"https://n.example/{n}") for n, news in enumerate(DISTINCT_NEWS[:count])])
    client = api_client(world, "owner")
    with django_assert_num_queries(9):
        assert len(client.get("/api/v1/signals/feed").json()["items"]) == count
    with django_assert_num_queries(8):  # the token's use was recorded by the first request (once a minute)
        assert len(client.get("/api/v1/hubs/tokyo/signals/items").json()["items"]) == count

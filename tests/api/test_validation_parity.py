"""The API refuses exactly what the pages refuse (the same form and rules), with the field named."""

import pytest
from django.test import Client

from bridgehub.directory.models import Organisation, ProfileText
from tests.api.test_api import api_client
from tests.conftest import client_for

CASES = [
    # (what the texts say, the page's message, the API's field)
    ({"tagline": "長" * 201, "summary": "ok"}, "Ensure this value has at most 200 characters (it has 201).",
     "texts[0].tagline"),
    ({"tagline": "", "summary": "", "member_details": ""}, "Write the profile in at least one language.", "texts"),
    ({"tagline": "nul\x00here", "summary": "x"}, "Null characters are not allowed.", "texts[0].tagline"),
]


def page_post(world, text):
    fields = {"name": "Parity KK", "kind": "startup", "country": "JP", "original_language": "ja",
              "hubs": [world.tokyo.pk]}
    for language in ("zh-Hant", "ja", "en"):
        for name in ("tagline", "summary", "member_details"):
            fields[f"text-{language}-{name}"] = text.get(name, "") if language == "ja" else ""
    return client_for(world.owner).post("/o/new/", fields, follow=True)


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "message", "field"), CASES)
def test_what_the_page_refuses_the_api_refuses(world, text, message, field):
    page = page_post(world, text).content.decode()
    assert message in page.replace("&#x27;", "'")
    api = api_client(world, "owner").post("/api/v1/organisations", {
        "name": "Parity KK", "kind": "startup", "country": "JP", "original_language": "ja",
        "texts": [{"language": "ja", **text}]}, content_type="application/json")
    assert (api.status_code, api.json()["detail"]) == (422, f"{field}: {message}")
    assert not Organisation.objects.filter(name="Parity KK").exists()


@pytest.mark.django_db
def test_an_organisation_needs_a_text_through_the_api_too(world):
    api = api_client(world, "owner").post("/api/v1/organisations", {"name": "Silent", "kind": "startup",
                                                                    "country": "JP"}, content_type="application/json")
    assert (api.status_code, api.json()["detail"]) == (422, "texts: Write the profile in at least one language.")


@pytest.mark.django_db
def test_patch_may_empty_one_language_but_not_the_last(world):
    client = api_client(world, "owner")
    client.patch("/api/v1/organisations/secret-chips", {"texts": [{"language": "ja", "summary": "日本語"}]},
                 content_type="application/json")
    emptied = client.patch("/api/v1/organisations/secret-chips", {"texts": [{"language": "en"}]},
                           content_type="application/json")
    assert emptied.status_code == 200
    assert list(ProfileText.objects.filter(organisation__slug="secret-chips").values_list("language", flat=True)) \
        == ["ja"]
    last = client.patch("/api/v1/organisations/secret-chips", {"texts": [{"language": "ja"}]},
                        content_type="application/json")
    assert (last.status_code, last.json()["detail"]) == (422, "texts: Write the profile in at least one language.")
    assert ProfileText.objects.filter(organisation__slug="secret-chips").count() == 1


@pytest.mark.django_db
def test_a_nul_character_in_a_name_is_a_422_not_a_database_error(world):
    api = api_client(world, "owner").post("/api/v1/organisations", {
        "name": "Bad\x00Name", "kind": "startup", "country": "JP", "texts": [{"language": "en", "summary": "x"}]},
        content_type="application/json")
    assert api.status_code == 422 and api.json()["detail"].startswith("name:")


@pytest.mark.django_db
def test_an_unconfirmed_address_cannot_create_an_organisation_through_the_api(world):
    from bridgehub.accounts.domain.tokens import issue_token
    from tests.factories.core import UserFactory

    _token, raw = issue_token(user=UserFactory(verified=False), name="t")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").post("/api/v1/organisations", {
        "name": "Fresh", "kind": "startup", "country": "JP", "texts": [{"language": "en", "summary": "x"}]},
        content_type="application/json")
    assert api.status_code == 403
    assert not Organisation.objects.filter(name="Fresh").exists()


@pytest.mark.django_db
def test_a_page_number_past_any_database_integer_is_a_clear_422(world):
    response = Client().get("/api/v1/people?page=36893488147419103233")
    assert (response.status_code, response.json()["detail"]) == (
        422, "query.page: Input should be less than or equal to 1000000")
    garbled = Client().post("/api/v1/organisations", "not json", content_type="application/json",
                            HTTP_AUTHORIZATION="Bearer bh_not-a-token")
    assert garbled.status_code == 401

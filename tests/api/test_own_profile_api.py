"""A member writes their own directory entry through the API, with the profile page's rules."""

import pytest

from bridgehub.directory.models import Person
from tests.api.test_api import api_client


def put(client, body):
    return client.put("/api/v1/people/me", body, content_type="application/json")


@pytest.mark.django_db
def test_create_then_change_ones_own_entry_field_by_field(world):
    client = api_client(world, "owner")
    made = put(client, {"name": "林美", "languages": ["zh-Hant", "en"], "original_language": "zh-Hant",
                        "bio": {"zh-Hant": "負責晶圓檢測。", "en": "Runs wafer inspection."}})
    assert made.status_code == 200 and made.json()["name"] == "林美"
    person = Person.objects.get(user=world.owner)
    assert person.bio == {"zh-Hant": "負責晶圓檢測。", "en": "Runs wafer inspection."}
    changed = put(client, {"title": "CTO", "bio": {"en": ""}})  # the rest stays; an empty text drops English
    assert changed.status_code == 200
    person.refresh_from_db()
    assert (person.name, person.title, person.bio) == ("林美", "CTO", {"zh-Hant": "負責晶圓檢測。"})
    wrong = put(client, {"profile_visibility": "everyone", "bio": {"fr": "Bonjour"}})
    assert wrong.status_code == 422 and wrong.json()["detail"] == "bio: unknown language(s) fr"
    wrong = put(client, {"profile_visibility": "everyone"})
    assert wrong.status_code == 422 and wrong.json()["detail"].startswith("profile_visibility:")
    assert Person.objects.filter(user=world.owner).count() == 1

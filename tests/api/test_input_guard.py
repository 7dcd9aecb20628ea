"""Input the database cannot hold is refused before any endpoint."""

import pytest

from tests.api.test_api import api_client


@pytest.mark.django_db
def test_text_with_a_nul_character_is_refused_with_its_place(world):
    """PostgreSQL cannot hold U+0000: a body carrying one is refused before any endpoint, naming where."""
    owner = api_client(world, "owner")
    response = owner.post("/api/v1/organisations", {"name": "Chips", "sectors": ["ai", "semi\u0000"]},
                          content_type="application/json")
    assert response.status_code == 422 and response.json()["detail"].startswith("sectors[1]:")

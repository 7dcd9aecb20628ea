import pytest

from tests.conftest import client_for


@pytest.mark.django_db
def test_home_and_directory_render_for_anonymous(world):
    client = client_for(None)
    assert client.get("/").status_code == 200
    response = client.get("/directory/?q=chips")
    assert response.status_code == 200
    assert "Secret Chips" in response.content.decode()

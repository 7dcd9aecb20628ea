import pytest

from tests.conftest import client_for


@pytest.mark.django_db
def test_home_and_directory_render_for_anonymous(world):
    client = client_for(None)
    assert client.get("/").status_code == 200
    response = client.get("/directory/?q=chips")
    assert response.status_code == 200
    assert "Secret Chips" in response.content.decode()


@pytest.mark.django_db
def test_stylesheet_and_vendored_htmx_are_served(world):
    client = client_for(None)
    for path in ("/static/bridgehub/app.css", "/static/bridgehub/htmx.min.js"):
        response = client.get(path)
        body = b"".join(response.streaming_content)
        response.close()
        assert (path, response.status_code, len(body) > 1000) == (path, 200, True)


@pytest.mark.django_db
def test_the_models_and_their_migrations_agree():
    """A model change without its migration would reach a database only as a surprise on the next deploy."""
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)

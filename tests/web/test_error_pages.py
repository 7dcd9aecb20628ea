"""Error pages in the reader's language, in the site's frame (404, 403) or standing alone (500)."""

import pytest
from django.test import Client, override_settings
from django.urls import path

from tests.conftest import client_for


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "words"), [("ja", "ページが見つかりません"), ("zh-hant", "找不到頁面"),
                                                 ("en", "Page not found")])
def test_a_missing_page_says_so_in_the_readers_language(world, language, words):
    world.owner.language = language
    world.owner.save(update_fields=["language"])
    response = client_for(world.owner).get("/o/no-such-organisation/")
    assert response.status_code == 404
    page = response.content.decode()
    assert words in page and f'<html lang="{language}">' in page and 'href="/directory/"' in page


def _broken(request):
    raise RuntimeError("a bug")


urlpatterns = [path("broken/", _broken)]


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_an_error_page_stands_alone_in_the_browsers_language():
    client = Client(raise_request_exception=False)
    response = client.get("/broken/", HTTP_ACCEPT_LANGUAGE="zh-hant")
    assert response.status_code == 500
    page = response.content.decode()
    assert "發生錯誤" in page or "出了點問題" in page
    assert "RuntimeError" not in page and "a bug" not in page

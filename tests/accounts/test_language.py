"""Each person's language: taken from the browser at sign-up, kept on the account, followed after login."""

import pytest
from django.test import Client

from bridgehub.accounts.models import User
from tests.api.test_api import api_client
from tests.conftest import client_for

JA_NEEDS_TEXT = "少なくとも1つの言語でプロフィールを書いてください。"
ZH_NEEDS_TEXT = "請至少以一種語言撰寫檔案。"


@pytest.mark.django_db
def test_sign_up_keeps_the_browsers_language_and_writes_the_confirmation_mail_in_it(mailoutbox):
    client = Client(HTTP_ACCEPT_LANGUAGE="ja,en;q=0.5")
    client.post("/accounts/signup/", {"email": "new@example.com", "password1": "a long passphrase 7",
                                      "password2": "a long passphrase 7", "display_name": "Sato",
                                      "time_zone": "Asia/Tokyo"})
    assert User.objects.get(email="new@example.com").language == "ja"
    assert [message.to for message in mailoutbox] == [["new@example.com"]]
    assert "Confirm" not in mailoutbox[0].subject and "確認" in mailoutbox[0].subject


@pytest.mark.django_db
def test_the_account_language_follows_the_person_to_another_device(world):
    phone = client_for(world.owner)
    phone.post("/i18n/setlang/", {"language": "zh-hant", "next": "/dashboard/"})
    world.owner.refresh_from_db()
    assert world.owner.language == "zh-hant"
    laptop = client_for(world.owner)  # no cookie, an English browser
    page = laptop.get("/dashboard/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="zh-hant">' in page


@pytest.mark.django_db
def test_an_anonymous_reader_gets_the_browsers_language_and_the_switcher_still_works():
    client = Client()
    assert '<html lang="ja">' in client.get("/directory/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/directory/"})
    assert '<html lang="en">' in client.get("/directory/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "header", "expected"), [
    ("?lang=ja", "en", JA_NEEDS_TEXT),  # the explicit parameter wins
    ("", "zh-Hant,en;q=0.3", ZH_NEEDS_TEXT),  # otherwise the header
    ("?lang=xx", "ja", JA_NEEDS_TEXT),  # an unknown code is ignored
])
def test_the_api_answers_in_the_language_asked_for(world, query, header, expected):
    world.owner.language = "en"  # the token's account reads English: the request's choice still wins
    world.owner.save(update_fields=["language"])
    response = api_client(world, "owner").post(f"/api/v1/organisations{query}", {
        "name": "Silent", "kind": "startup", "country": "JP"}, content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 422 and response.json()["detail"] == f"texts: {expected}"

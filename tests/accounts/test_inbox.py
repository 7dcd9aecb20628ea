"""The inbox: entries written after commit by the apps, read in the reader's language, unread until
opened, counted in the navigation, private to their owner, and scrubbed when someone deletes their account."""

import pytest
from django.test import Client
from django.utils import translation

from bridgehub.accounts.domain import inbox
from bridgehub.accounts.inbox_texts import every_language, sentence
from bridgehub.accounts.models import Notification
from bridgehub.exchanges.domain import participation
from tests.conftest import client_for
from tests.exchanges.conftest import exchange  # noqa: F401 - the round fixture


def test_a_meeting_request_reaches_the_recipients_inbox_in_their_language(exchange,  # noqa: F811
                                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        participation.send_request(user=exchange.world.owner, sender=exchange.owner_reg,
                                   recipient=exchange.taipei_reg, note="Let us talk about wafers.")
    entry = Notification.objects.get()
    assert (entry.user, entry.kind, entry.url) == (exchange.world.taipei_member, "meeting_requested",
                                                   f"/rounds/{exchange.round.pk}/#incoming")
    texts = {}
    for language in ("en", "ja", "zh-hant"):
        with translation.override(language):
            texts[language] = sentence(entry.kind, entry.params)
    sender = f"{exchange.world.owner} (Secret Chips)"
    assert texts["en"] == f"{sender} asks to meet you in December deep-tech round."
    assert sender in texts["ja"] and sender in texts["zh-hant"] and len(set(texts.values())) == 3

    page = client_for(exchange.world.taipei_member).get("/inbox/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert texts["en"] in page and "Let us talk about wafers." in page
    assert '<span class="count"' in page  # the unread count in the navigation


def test_opening_an_entry_marks_it_read_and_goes_where_to_act(world):
    inbox.notify([world.owner.pk], "round_invitation", "/rounds/", round="January")
    inbox.notify([world.owner.pk], "agenda_changed", "/rounds/7/#agenda", round="December")
    first, second = Notification.objects.order_by("pk")
    assert inbox.unread_count(world.owner) == 2
    client = client_for(world.owner)
    response = client.post(f"/inbox/{second.pk}/")
    assert (response.status_code, response["Location"]) == (302, "/rounds/7/#agenda")
    assert inbox.unread_count(world.owner) == 1
    # Someone else's entry does not exist for them; marking all read reads only one's own.
    assert client_for(world.tokyo_member).post(f"/inbox/{first.pk}/").status_code == 404
    client.post("/inbox/read-all/")
    assert inbox.unread_count(world.owner) == 0
    assert Notification.objects.get(pk=first.pk).read_at is not None


def test_an_entry_never_redirects_off_the_site(world):
    entry = Notification.objects.create(user=world.owner, kind="round_invitation", url="//evil.example/x",
                                        params={"round": "x"})
    response = client_for(world.owner).post(f"/inbox/{entry.pk}/")
    assert response["Location"] == "/inbox/"


def test_a_missing_name_shows_as_a_question_mark_and_phrases_follow_the_reader(world):
    assert sentence("meeting_requested", {"round": "December"}) == "? asks to meet you in December."
    hub = every_language(lambda: translation.gettext("the hub"))
    assert hub["ja"] != hub["en"]
    with translation.override("ja"):
        assert sentence("meeting_cancelled", {"by": hub, "other": "A", "round": "R"}).startswith(hub["ja"])


@pytest.mark.django_db
def test_anonymous_visitors_have_no_inbox():
    assert Client().get("/inbox/").status_code == 302

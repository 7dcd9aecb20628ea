"""Sessions read by a statement (accounts/sessions.py): the same row as the ORM, expired ones refused."""

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from bridgehub.accounts.sessions import SessionStore
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_a_live_session_is_read_as_the_orm_reads_it(world):
    client = client_for(world.owner)
    key = client.cookies["sessionid"].value
    assert client.get("/dashboard/").status_code == 200  # signed in through the statement
    store = SessionStore(key)
    read = store._get_session_from_db()
    stored = Session.objects.get(session_key=key)
    assert (read.session_key, read.session_data, read.expire_date) == (
        stored.session_key, stored.session_data, stored.expire_date)
    assert store.load()["_auth_user_id"] == str(world.owner.pk)


def test_an_expired_or_unknown_session_signs_nobody_in(world):
    client = client_for(world.owner)
    key = client.cookies["sessionid"].value
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    response = client.get("/dashboard/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    store = SessionStore("x" * 32)
    assert store.load() == {} and store.session_key is None

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


def test_the_signed_in_user_is_read_by_the_backend_as_the_orm_reads_it(world):
    from bridgehub.accounts.backends import AuthenticationBackend
    from bridgehub.accounts.models import User

    backend = AuthenticationBackend()
    read, stored = backend.get_user(str(world.owner.pk)), User.objects.get(pk=world.owner.pk)
    fields = [field.attname for field in User._meta.concrete_fields]
    assert [getattr(read, name) for name in fields] == [getattr(stored, name) for name in fields]
    assert backend.get_user(10**9) is None
    User.objects.filter(pk=world.owner.pk).update(is_active=False)
    assert backend.get_user(world.owner.pk) is None  # a deactivated account signs nobody in


def test_sessions_signed_in_before_the_backend_was_renamed_stay_signed_in(world):
    """Migration accounts 0007: live sessions that name allauth's backend name bridgehub's subclass of it."""
    from importlib import import_module

    from django.apps import apps
    from django.contrib.auth import BACKEND_SESSION_KEY

    migration = import_module("bridgehub.accounts.migrations.0007_sessions_keep_their_backend")
    client = client_for(world.owner)
    key = client.cookies["sessionid"].value
    store = SessionStore(key)
    data = store.load()
    data[BACKEND_SESSION_KEY] = migration.OLD
    Session.objects.filter(session_key=key).update(session_data=store.encode(data))
    assert client.get("/dashboard/").status_code == 302  # a backend no longer configured: signed out
    migration.forwards(apps, None)
    assert SessionStore(key).load()[BACKEND_SESSION_KEY] == migration.NEW
    assert client.get("/dashboard/").status_code == 200

"""Signed-in sessions name the backend that logged them in; allauth's became bridgehub's subclass of it
(accounts/backends.py). Without this, every member would be signed out once on upgrade."""

from django.db import migrations
from django.utils import timezone

OLD = "allauth.account.auth_backends.AuthenticationBackend"
NEW = "bridgehub.accounts.backends.AuthenticationBackend"


def _renamed(apps, old: str, new: str) -> None:
    from django.contrib.auth import BACKEND_SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    Session = apps.get_model("sessions", "Session")
    store = SessionStore()
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        data = store.decode(session.session_data)
        if data.get(BACKEND_SESSION_KEY) == old:
            data[BACKEND_SESSION_KEY] = new
            Session.objects.filter(pk=session.pk).update(session_data=store.encode(data))


def forwards(apps, schema_editor):
    _renamed(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _renamed(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_alter_digestitem_topic"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

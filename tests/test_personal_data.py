"""Personal-data rights: a member downloads everything held about them, and deletes their account
while the records others depend on stay, naming a deleted member."""

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from bridgehub.common.models import OutgoingMail
from bridgehub.directory.models import Affiliation, Person
from bridgehub.exchanges.models import Meeting, MeetingFeedback, MeetingRequest
from bridgehub.matchmaking.models import Introduction, MatchProfile
from tests.conftest import client_for
from tests.exchanges.conftest import exchange  # noqa: F401 - the fixture, used by name
from tests.exchanges.test_pages import published
from tests.factories.core import TEST_PASSWORD

NAME, READING, EMAIL = "Zephyrine Quillfeather", "Quillfeather Zephyrine", "owner@example.com"
CONTACT, PHONE = "zq.contact@example.net", "+81 90-5555-0199"
NEEDLES = [NAME, READING, EMAIL, CONTACT, PHONE, "Zephyrine"]


def personal_world(exchange):  # noqa: F811 - the fixture passed in
    owner = exchange.world.owner
    owner.display_name = NAME
    owner.save()
    person = Person.objects.create(user=owner, name=NAME, name_reading=READING, contact_email=CONTACT, phone=PHONE,
                                   bio={"en": f"I am {NAME}, founder."}, open_to_roles=True, sought_role="bd_japan")
    Affiliation.objects.create(person=person, organisation=exchange.world.organisation, role="CEO")
    meeting = published(exchange)
    MeetingRequest.objects.filter(sender=exchange.owner_reg).update(note=f"Hello, {NAME} here ({PHONE}).")
    MeetingFeedback.objects.create(meeting=meeting, author=exchange.owner_reg, useful=True,
                                   comment=f"{NAME}: great talk")
    talent, _new = MatchProfile.objects.update_or_create(  # opening to roles made it (signals)
        person=person, defaults={"kind": "talent", "sentences": [["en", f"I am {NAME}."]]})
    other, _new = MatchProfile.objects.get_or_create(
        organisation=exchange.world.taipei_member.org_memberships.get().organisation, defaults={"kind": "startup"})
    Introduction.objects.create(hub=exchange.world.tokyo, requester=other, recipient=talent, status="accepted",
                                requested_by=exchange.world.taipei_member, answered_by=owner, shared_contact=PHONE)
    Introduction.objects.create(hub=exchange.world.tokyo, requester=talent, recipient=other, requested_by=owner,
                                note=f"{NAME} would like to meet you")
    OutgoingMail.objects.create(subject="Agenda", body=f"Dear {NAME}", from_email="hub@example.org", to=EMAIL)
    return meeting


def test_a_member_downloads_everything_held_about_them(exchange):  # noqa: F811
    personal_world(exchange)
    response = client_for(exchange.world.owner).get("/me/data/export.json")
    assert response["Content-Disposition"].startswith('attachment; filename="bridgehub-my-data-')
    data = json.loads(response.content)
    assert data["format"] == "bridgehub-personal-data/1"
    assert (data["account"]["email"], data["account"]["display_name"]) == (EMAIL, NAME)
    assert data["directory"]["person"]["phone"] == PHONE
    assert data["directory"]["organisation_memberships"] == [
        {"organisation": "secret-chips", "role": "admin", "since": data["directory"]["organisation_memberships"][0][
            "since"]}]
    rounds = data["exchange_rounds"]
    assert [r["requests_sent"][0]["note"] for r in rounds] == [f"Hello, {NAME} here ({PHONE})."]
    assert {i["contact_shared"] for i in data["matching"]["introductions"]} == {PHONE, None}
    assert client_for(None).get("/me/data/export.json").status_code == 302  # login first


def every_text_in_the_database() -> list[tuple[str, str]]:
    """(table, value) for every non-binary value of every row of every table."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - our own table names
            for row in cursor.fetchall():
                found += [(table, str(value)) for value in row
                          if value is not None and not isinstance(value, bytes | memoryview)]
    return found


@pytest.mark.django_db(transaction=True)
def test_after_deletion_no_table_holds_the_persons_name_email_or_phone(exchange):  # noqa: F811
    meeting = personal_world(exchange)
    before = every_text_in_the_database()
    assert {needle for needle in NEEDLES for _table, text in before if needle.lower() in text.lower()} == set(NEEDLES)

    client = client_for(exchange.world.owner)
    refused = client.post("/me/data/", {"password": "wrong", "confirm": "on"})
    assert "That is not your password." in refused.content.decode()
    response = client.post("/me/data/", {"password": TEST_PASSWORD, "confirm": "on"})
    assert (response.status_code, response["Location"]) == (302, "/")
    assert "_auth_user_id" not in client.session

    # The background worker runs what the deletion queued (a talent profile re-read, lists rebuilt).
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    leftovers = [(table, text[:80]) for table, text in every_text_in_the_database()
                 for needle in NEEDLES if needle.lower() in text.lower()]
    assert leftovers == []
    # What the other side depends on is still there, naming a deleted member.
    assert Meeting.objects.filter(pk=meeting.pk).exists() and Introduction.objects.count() == 2
    page = client_for(exchange.world.taipei_member).get(f"/rounds/{exchange.round.pk}/").content.decode()
    assert "deleted member" in page
    assert Client().post("/accounts/login/", {"login": EMAIL, "password": TEST_PASSWORD}).status_code == 200


def test_deleting_needs_the_password_and_a_login(exchange):  # noqa: F811
    assert client_for(None).post("/me/data/", {"password": TEST_PASSWORD, "confirm": "on"}).status_code == 302
    assert exchange.world.owner.__class__.objects.get(pk=exchange.world.owner.pk).deleted_at is None

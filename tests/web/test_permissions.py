"""Every protected page as owner, same-hub member, other-hub operator and anonymous reader.

Expected answers: 200 (allowed), 404 (missing and forbidden look the same), or a redirect to
the login page for anonymous readers of member pages.
"""

import pytest

from bridgehub.directory.models import ImportBatch, OperatorNote, OrganisationHub
from tests.conftest import client_for
from tests.factories.core import OrganisationHubFactory, PersonFactory

ACTORS = ["owner", "tokyo_member", "tokyo_operator", "taipei_operator", "anonymous"]
LOGIN = "login"


def actor(world, name):
    return None if name == "anonymous" else getattr(world, name)


def answer(response):
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


MEMBER_PAGES = ["/dashboard/", "/o/new/", "/me/profile/", "/me/settings/", "/me/tokens/"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", MEMBER_PAGES)
@pytest.mark.parametrize("who", ACTORS)
def test_member_pages_need_a_login(world, url, who):
    expected = LOGIN if who == "anonymous" else 200
    assert answer(client_for(actor(world, who)).get(url)) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("who", ACTORS)
def test_public_pages_are_open(world, who):
    client = client_for(actor(world, who))
    for url in ["/directory/", "/people/", "/o/secret-chips/", "/api/v1/docs"]:
        assert (url, client.get(url).status_code) == (url, 200)
    # The front page is everyone's; a member's own start is their dashboard.
    home = client.get("/")
    expected = (200, None) if who == "anonymous" else (302, "/dashboard/")
    assert (home.status_code, home.headers.get("Location")) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "sees"), [("owner", True), ("tokyo_member", True), ("tokyo_operator", True),
                                           ("taipei_operator", False), ("taipei_member", False),
                                           ("anonymous", False)])
def test_member_only_profile_fields_stay_inside_the_hub(world, who, sees):
    page = client_for(actor(world, who)).get("/o/secret-chips/").content.decode()
    assert ("MEMBERS-ONLY revenue figures" in page) is sees


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "expected"), [("owner", 200), ("tokyo_member", 404), ("tokyo_operator", 404),
                                               ("taipei_operator", 404), ("anonymous", LOGIN)])
def test_only_organisation_admins_edit_the_profile(world, who, expected):
    assert answer(client_for(actor(world, who)).get("/o/secret-chips/edit/")) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "expected"), [("owner", 302), ("tokyo_member", 404), ("tokyo_operator", 404),
                                               ("taipei_operator", 404), ("anonymous", LOGIN)])
def test_only_organisation_admins_apply_to_hubs(world, who, expected):
    response = client_for(actor(world, who)).post("/o/secret-chips/apply/", {"hub": "taipei"})
    assert answer(response) == expected
    applied = OrganisationHub.objects.filter(organisation=world.organisation, hub=world.taipei).exists()
    assert applied is (expected == 302)


def backoffice_urls(world):
    batch = ImportBatch.objects.create(hub=world.tokyo, kind="organisations", filename="x.csv")
    return ["/manage/tokyo/", "/manage/tokyo/members/", "/manage/tokyo/imports/",
            f"/manage/tokyo/imports/{batch.pk}/", "/manage/tokyo/export/organisations.csv",
            "/manage/tokyo/export/people.xlsx"]


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "expected"), [("owner", 404), ("tokyo_member", 404), ("tokyo_operator", 200),
                                               ("taipei_operator", 404), ("anonymous", LOGIN)])
def test_back_office_is_for_this_hubs_operators_only(world, who, expected):
    client = client_for(actor(world, who))
    for url in backoffice_urls(world):
        assert (url, answer(client.get(url))) == (url, expected)


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "expected"), [("owner", 404), ("tokyo_member", 404), ("tokyo_operator", 302),
                                               ("taipei_operator", 404), ("anonymous", LOGIN)])
def test_approving_an_application_is_for_this_hubs_operators_only(world, who, expected):
    link = OrganisationHubFactory(hub=world.tokyo, status="pending")
    response = client_for(actor(world, who)).post(f"/manage/tokyo/applications/{link.pk}/", {"decision": "approve"})
    assert answer(response) == expected
    link.refresh_from_db()
    assert link.status == ("approved" if expected == 302 else "pending")


@pytest.mark.django_db
def test_an_operator_cannot_decide_another_hubs_application_by_id(world):
    link = OrganisationHubFactory(hub=world.tokyo, status="pending")
    client = client_for(world.taipei_operator)
    assert client.post(f"/manage/taipei/applications/{link.pk}/", {"decision": "approve"}).status_code == 404
    link.refresh_from_db()
    assert link.status == "pending"


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "expected"), [("owner", 404), ("tokyo_member", 404), ("tokyo_operator", 302),
                                               ("taipei_operator", 404), ("anonymous", LOGIN)])
def test_writing_operator_notes(world, who, expected):
    response = client_for(actor(world, who)).post("/manage/tokyo/notes/secret-chips/", {"text": "promising"})
    assert answer(response) == expected
    assert OperatorNote.objects.filter(text="promising").count() == (1 if expected == 302 else 0)


@pytest.mark.django_db
def test_operator_notes_are_never_read_by_another_hubs_operator(world):
    # The organisation belongs to both hubs; each hub's notes stay with that hub.
    OrganisationHubFactory(organisation=world.organisation, hub=world.taipei)
    OperatorNote.objects.create(hub=world.tokyo, organisation=world.organisation, text="TOKYO-PRIVATE-NOTE")
    OperatorNote.objects.create(hub=world.taipei, organisation=world.organisation, text="TAIPEI-PRIVATE-NOTE")
    tokyo_page = client_for(world.tokyo_operator).get("/o/secret-chips/").content.decode()
    taipei_page = client_for(world.taipei_operator).get("/o/secret-chips/").content.decode()
    owner_page = client_for(world.owner).get("/o/secret-chips/").content.decode()
    assert ("TOKYO-PRIVATE-NOTE" in tokyo_page, "TAIPEI-PRIVATE-NOTE" in tokyo_page) == (True, False)
    assert ("TOKYO-PRIVATE-NOTE" in taipei_page, "TAIPEI-PRIVATE-NOTE" in taipei_page) == (False, True)
    assert ("TOKYO-PRIVATE-NOTE" in owner_page, "TAIPEI-PRIVATE-NOTE" in owner_page) == (False, False)


@pytest.mark.django_db
def test_pending_organisation_is_visible_to_its_owner_and_the_reviewing_operator_only(world):
    OrganisationHub.objects.filter(organisation=world.organisation).update(status="pending")
    expected = {"owner": 200, "tokyo_operator": 200, "tokyo_member": 404, "taipei_operator": 404, "anonymous": 404}
    seen = {who: client_for(actor(world, who)).get("/o/secret-chips/").status_code for who in expected}
    assert seen == expected


@pytest.mark.django_db
def test_person_field_groups_follow_their_visibility(world):
    from bridgehub.directory.models import Affiliation

    person = PersonFactory(name="Aiko Members", title="CTO-TITLE", contact_email="aiko@example.com",
                           profile_visibility="members", contact_visibility="members")
    Affiliation.objects.create(person=person, organisation=world.organisation)
    seen = {}
    for who in ACTORS:
        response = client_for(actor(world, who)).get(f"/people/{person.pk}/")
        page = response.content.decode() if response.status_code == 200 else ""
        seen[who] = (response.status_code, "CTO-TITLE" in page, "aiko@example.com" in page)
    assert seen == {
        "owner": (200, True, True),
        "tokyo_member": (200, True, True),
        "tokyo_operator": (200, True, True),
        "taipei_operator": (404, False, False),
        "anonymous": (404, False, False),
    }


@pytest.mark.django_db
def test_csrf_is_enforced_on_forms(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.tokyo_operator)
    response = client.post("/manage/tokyo/notes/secret-chips/", {"text": "no token"})
    assert response.status_code == 403
    assert OperatorNote.objects.count() == 0

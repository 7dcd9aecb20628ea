"""Roles reach people only through invitations accepted from a confirmed address."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied

from bridgehub.directory.domain import team
from bridgehub.directory.models import Organisation, OrganisationInvitation
from bridgehub.hubs.domain.membership import set_hub_role
from tests.conftest import client_for
from tests.factories.core import UserFactory


def invite(client, url, email, role, capture):
    with capture(execute=True):
        response = client.post(url, {"invite": "1", "email": email, "role": role}, follow=True)
    return response


def messages_on(response) -> str:
    return response.content.decode().split('<ul class="messages">')[1].split("</ul>")[0]


def link_in(message) -> str:
    return re.search(r"http://127\.0\.0\.1:8000(/invitations/[\w-]+/)", message.body).group(1)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/o/secret-chips/team/", "/manage/tokyo/members/"])
def test_the_invitation_form_never_reveals_whether_an_address_has_an_account(
        world, django_capture_on_commit_callbacks, url):
    admin = world.owner if url.startswith("/o/") else world.tokyo_operator
    client = client_for(admin)
    known = invite(client, url, "tokyo-member@example.com", "member", django_capture_on_commit_callbacks)
    unknown = invite(client, url, "nobody@example.com", "member", django_capture_on_commit_callbacks)
    said = [messages_on(known).replace("tokyo-member@example.com", "ADDRESS"),
            messages_on(unknown).replace("nobody@example.com", "ADDRESS")]
    assert (known.status_code, unknown.status_code) == (200, 200)
    assert said[0] == said[1] and "Invitation sent to ADDRESS." in said[0]
    assert not world.tokyo.memberships.filter(user=world.tokyo_member).exists()
    assert [message.to for message in mail.outbox] == [["tokyo-member@example.com"], ["nobody@example.com"]]


@pytest.mark.django_db
def test_an_invitation_grants_nothing_until_the_confirmed_address_accepts(world, django_capture_on_commit_callbacks):
    invite(client_for(world.owner), "/o/secret-chips/team/", "newcomer@example.com", "admin",
           django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])
    newcomer = UserFactory(email="newcomer@example.com", verified=False)
    org = world.organisation
    assert not org.memberships.filter(user=newcomer).exists()

    # Someone else's account cannot use the link.
    stranger = client_for(world.tokyo_member)
    assert "This invitation was sent to newcomer@example.com" in stranger.post(link).content.decode()
    # The invited address, not yet confirmed: refused with the reason.
    client = client_for(newcomer)
    page = client.post(link).content.decode()
    assert "confirm it with the link we mail to it" in page
    assert not org.memberships.filter(user=newcomer).exists()
    # Confirmed: accepted, once.
    EmailAddress.objects.create(user=newcomer, email="newcomer@example.com", verified=True, primary=True)
    response = client.post(link)
    assert (response.status_code, response["Location"]) == (302, "/o/secret-chips/")
    assert org.memberships.get(user=newcomer).role == "admin"
    assert "already accepted" in client.post(link).content.decode()


@pytest.mark.django_db
def test_anonymous_holder_of_the_link_is_asked_to_log_in(world, django_capture_on_commit_callbacks):
    invite(client_for(world.tokyo_operator), "/manage/tokyo/members/", "op2@example.com", "operator",
           django_capture_on_commit_callbacks)
    page = client_for(None).get(link_in(mail.outbox[0])).content.decode()
    assert "Log in, or sign up, with this address to accept." in page
    assert client_for(None).get("/invitations/not-a-token/").status_code == 404


@pytest.mark.django_db
def test_a_hub_operator_invitation_accepted(world, django_capture_on_commit_callbacks):
    invite(client_for(world.tokyo_operator), "/manage/tokyo/members/", "op2@example.com", "operator",
           django_capture_on_commit_callbacks)
    new_operator = UserFactory(email="op2@example.com")
    response = client_for(new_operator).post(link_in(mail.outbox[0]))
    assert response.status_code == 302
    assert world.tokyo.memberships.get(user=new_operator).role == "operator"
    assert client_for(new_operator).get("/manage/tokyo/").status_code == 200


@pytest.mark.django_db
def test_withdrawn_and_expired_invitations_cannot_be_accepted(world, django_capture_on_commit_callbacks):
    client = client_for(world.owner)
    invite(client, "/o/secret-chips/team/", "late@example.com", "member", django_capture_on_commit_callbacks)
    invite(client, "/o/secret-chips/team/", "late@example.com", "member", django_capture_on_commit_callbacks)
    first, second = link_in(mail.outbox[0]), link_in(mail.outbox[1])
    late = client_for(UserFactory(email="late@example.com"))
    assert "expired or was withdrawn" in late.post(first).content.decode()  # replaced by the second
    OrganisationInvitation.objects.filter(accepted_at=None, revoked_at=None).update(
        expires_at="2020-01-01T00:00:00Z")
    assert "expired or was withdrawn" in late.post(second).content.decode()
    assert not world.organisation.memberships.filter(user__email="late@example.com").exists()


@pytest.mark.django_db
def test_roles_change_only_for_existing_members(world):
    with pytest.raises(PermissionDenied):
        set_hub_role(user=world.tokyo_operator, hub=world.tokyo, member=world.owner, role="operator")
    with pytest.raises(PermissionDenied):
        team.change_member_role(user=world.owner, organisation=world.organisation, member=world.tokyo_member,
                                role="admin")
    with pytest.raises(PermissionDenied):  # a member of another hub's staff cannot change Tokyo's roles
        set_hub_role(user=world.taipei_operator, hub=world.tokyo, member=world.tokyo_operator, role="member")


@pytest.mark.django_db
def test_the_last_admin_stays(world):
    client = client_for(world.owner)
    response = client.post("/o/secret-chips/team/", {"remove": str(world.owner.pk)}, follow=True)
    assert "An organisation needs at least one admin." in response.content.decode()
    response = client.post("/o/secret-chips/team/", {"member": str(world.owner.pk), "role": "member"}, follow=True)
    assert "An organisation needs at least one admin." in response.content.decode()
    assert world.organisation.memberships.get(user=world.owner).role == "admin"


@pytest.mark.django_db
def test_creating_an_organisation_needs_a_confirmed_address(world):
    unconfirmed = UserFactory(email="fresh@example.com", verified=False)
    client = client_for(unconfirmed)
    assert "Confirm your e-mail address" in client.get("/o/new/").content.decode()
    response = client.post("/o/new/", {"name": "Fresh", "kind": "startup", "country": "JP", "original_language": "en",
                                       "hubs": [world.tokyo.pk], "text-en-tagline": "x", "text-en-summary": "y"})
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="Fresh").exists()

"""An organisation's admin manages the team through the API, under the team page's rules."""

import pytest
from django.core import mail

from bridgehub.directory.models import OrganisationInvitation, OrganisationMembership
from tests.api.test_api import api_client
from tests.factories.core import OrganisationMembershipFactory, UserFactory


@pytest.mark.django_db
def test_the_admin_lists_invites_changes_and_removes_without_reading_addresses(world,
                                                                               django_capture_on_commit_callbacks):
    colleague = OrganisationMembershipFactory(organisation=world.organisation, role="member",
                                              user=UserFactory(email="colleague@example.com", display_name="Aya")).user
    admin = api_client(world, "owner")
    base = "/api/v1/organisations/secret-chips/team"
    members = admin.get(base).json()
    assert {m["name"] for m in members} >= {"Aya"} and "@" not in str(members)  # names, never login addresses
    assert api_client(world, "tokyo_member").get(base).status_code == 404

    wrong = admin.post(f"{base}/invitations", {"email": "not-an-address"}, content_type="application/json")
    assert wrong.status_code == 422 and wrong.json()["detail"].startswith("email:")
    with django_capture_on_commit_callbacks(execute=True):
        invited = admin.post(f"{base}/invitations", {"email": "New@Example.com", "role": "admin"},
                             content_type="application/json")
    assert invited.status_code == 202 and OrganisationInvitation.objects.get().email == "new@example.com"
    assert [m.to for m in mail.outbox] == [["new@example.com"]]

    bad_role = admin.put(f"{base}/{colleague.pk}", {"role": "owner"}, content_type="application/json")
    assert bad_role.status_code == 422
    last_admin = admin.put(f"{base}/{world.owner.pk}", {"role": "member"}, content_type="application/json")
    assert last_admin.status_code == 422 and "at least one admin" in last_admin.json()["detail"]
    assert admin.delete(f"{base}/{colleague.pk}").status_code == 204
    assert not OrganisationMembership.objects.filter(user=colleague).exists()
    assert admin.delete(f"{base}/{colleague.pk}").status_code == 404

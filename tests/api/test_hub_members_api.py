"""A hub's operator manages its people through the API, under the members page's rules."""

import pytest
from django.core import mail

from bridgehub.hubs.models import HubInvitation, HubMembership
from tests.api.test_api import api_client
from tests.factories.core import HubMembershipFactory, UserFactory


@pytest.mark.django_db
def test_the_operator_lists_invites_changes_and_removes(world, django_capture_on_commit_callbacks):
    guest = HubMembershipFactory(hub=world.tokyo, role="member", user=UserFactory(display_name="Ken")).user
    operator = api_client(world, "tokyo_operator")
    listed = operator.get("/api/v1/hubs/tokyo/members").json()
    assert {"user": guest.pk, "name": "Ken", "role": "member"} in listed and "@" not in str(listed)
    assert api_client(world, "taipei_operator").get("/api/v1/hubs/tokyo/members").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        invited = operator.post("/api/v1/hubs/tokyo/invitations", {"email": "Guest@Example.com"},
                                content_type="application/json")
    assert invited.status_code == 202 and HubInvitation.objects.filter(email="guest@example.com").exists()
    assert [m.to for m in mail.outbox] == [["guest@example.com"]]
    assert operator.put(f"/api/v1/hubs/tokyo/members/{guest.pk}", {"role": "boss"},
                        content_type="application/json").status_code == 422
    own = operator.delete(f"/api/v1/hubs/tokyo/members/{world.tokyo_operator.pk}")
    assert own.status_code == 404  # another operator removes you, as on the page
    assert operator.delete(f"/api/v1/hubs/tokyo/members/{guest.pk}").status_code == 204
    assert not HubMembership.objects.filter(user=guest).exists()

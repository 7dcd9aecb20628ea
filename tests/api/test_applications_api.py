"""An organisation applies to a hub and the hub's operator decides, all through the API."""

import pytest
from django.core import mail

from bridgehub.directory.models import OrganisationHub
from tests.api.test_api import api_client


def post(client, url, body):
    return client.post(url, body, content_type="application/json")


@pytest.mark.django_db
def test_apply_then_reject_with_a_reason_then_the_admin_reads_it(world, django_capture_on_commit_callbacks):
    applied = post(api_client(world, "owner"), "/api/v1/organisations/secret-chips/applications", {"hub": "taipei"})
    assert applied.status_code == 201 and applied.json()["status"] == "pending"
    assert post(api_client(world, "owner"), "/api/v1/organisations/secret-chips/applications",
                {"hub": "atlantis"}).status_code == 422
    waiting = api_client(world, "taipei_operator").get("/api/v1/hubs/taipei/applications").json()
    assert [(w["organisation"], w["status"]) for w in waiting] == [("secret-chips", "pending")]
    assert api_client(world, "tokyo_operator").get("/api/v1/hubs/taipei/applications").status_code == 404

    url = f"/api/v1/hubs/taipei/applications/{waiting[0]['id']}/decision"
    silent = post(api_client(world, "taipei_operator"), url, {"approve": False})
    assert silent.status_code == 422 and silent.json()["detail"].startswith("reason:")
    assert post(api_client(world, "tokyo_operator"), url, {"approve": True}).status_code == 404  # another hub's
    with django_capture_on_commit_callbacks(execute=True):
        decided = post(api_client(world, "taipei_operator"), url, {"approve": False, "reason": "Not deep-tech yet"})
    assert decided.status_code == 200 and decided.json()["status"] == "rejected"
    assert OrganisationHub.objects.get(pk=waiting[0]["id"]).decision_reason == "Not deep-tech yet"
    assert [m.to for m in mail.outbox] == [["owner@example.com"]] and "Not deep-tech yet" in mail.outbox[0].body

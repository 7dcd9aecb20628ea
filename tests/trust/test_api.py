"""Reports and the review queue over the API: the same checks as the pages."""

import json

import pytest
from django.test import Client

from bridgehub.accounts.domain.personal_data import export_personal_data
from bridgehub.accounts.domain.tokens import issue_token
from bridgehub.trust.models import Restriction
from tests.trust.test_review_queue import send_scam

pytestmark = pytest.mark.django_db


def api(user):
    return Client(HTTP_AUTHORIZATION=f"Bearer {issue_token(user=user, name='t')[1]}")


def test_report_list_and_act_over_the_api(exchange, scam):
    request = send_scam(exchange, scam)
    owner = api(exchange.world.owner)
    bad = owner.post("/api/v1/reports", {"kind": "meeting_request", "subject": request.pk, "reason": "nope"},
                     content_type="application/json")
    assert bad.status_code == 422 and "reason" in bad.json()["detail"]
    made = owner.post("/api/v1/reports", {"kind": "meeting_request", "subject": request.pk,
                                          "reason": "asked_for_fee"}, content_type="application/json")
    assert made.status_code == 201
    assert api(exchange.world.taipei_operator).get("/api/v1/hubs/tokyo/trust/cases").status_code == 404
    operator = api(exchange.world.tokyo_operator)
    listed = operator.get("/api/v1/hubs/tokyo/trust/cases").json()
    report = next(case for case in listed if case["kind"] == "report")
    assert report["organisation"] == "sequoia-partners-asia" and report["evidence"] == request.note
    acted = operator.post(f"/api/v1/hubs/tokyo/trust/cases/{report['id']}/actions",
                          {"action": "suspend", "note": "Advance fee."}, content_type="application/json")
    assert acted.status_code == 200 and acted.json()["status"] == "resolved"
    assert Restriction.objects.get().user == scam.user
    again = operator.post(f"/api/v1/hubs/tokyo/trust/cases/{report['id']}/actions", {"action": "dismiss"},
                          content_type="application/json")
    assert again.status_code == 422


def test_personal_data_holds_reports_made_and_measures(exchange, scam):
    request = send_scam(exchange, scam)
    api(exchange.world.owner).post("/api/v1/reports", {"kind": "meeting_request", "subject": request.pk,
                                                       "reason": "spam", "comment": "many"},
                                   content_type="application/json")
    data = json.loads(json.dumps(export_personal_data(exchange.world.owner)))
    assert data["trust"]["reports_made"][0]["comment"] == "many"

"""Relationships over the API: the pages' rules, refusals as 422 naming what is wrong, the operators' funnel."""

import datetime as dt

import pytest
from django.utils import timezone

from bridgehub.pipeline.domain.relationships import open_relationship
from bridgehub.pipeline.domain.report import outcomes_report
from tests.api.test_api import api_client


@pytest.fixture
def pair(world):
    neighbour = world.tokyo_member.org_memberships.get().organisation
    return open_relationship(user=world.owner, hub=world.tokyo, organisation=world.organisation,
                             counterpart=neighbour)[0]


@pytest.mark.django_db
def test_one_side_records_the_other_confirms_the_operator_reads_the_funnel(world, pair):
    owner, member = api_client(world, "owner"), api_client(world, "tokyo_member")
    today = timezone.localdate().isoformat()
    recorded = owner.post(f"/api/v1/relationships/{pair.pk}/stages",
                          {"stage": "order", "effective_on": today, "amount": 1_500_000, "currency": "JPY",
                           "evidence_url": "https://example.org/po"}, content_type="application/json")
    assert recorded.status_code == 201 and recorded.json()["confirmed"] is False
    event = recorded.json()["id"]
    listed = member.get("/api/v1/relationships").json()
    assert listed[0]["awaiting_my_confirmation"] == [event] and listed[0]["with_name"] == "Secret Chips"
    assert member.post(f"/api/v1/relationships/{pair.pk}/stages/{event}/confirm").json()["confirmed"] is True
    assert owner.post(f"/api/v1/relationships/{pair.pk}/stages/{event}/confirm").status_code == 422
    operator = api_client(world, "tokyo_operator")
    assert operator.post(f"/api/v1/hubs/tokyo/pipeline/stages/{event}/verify").json()["verified"] is True
    report = operator.get("/api/v1/hubs/tokyo/pipeline").json()
    assert report == outcomes_report(world.tokyo, timezone.localdate(timezone=world.tokyo.zone))
    amounts = report["amounts"]["order"]
    assert amounts["claimed"]["by_currency"] == amounts["confirmed"]["by_currency"] == {"JPY": 1_500_000}
    assert amounts["confirmed"]["converted"] == 1_500_000  # the hub's own currency needs no rate
    assert api_client(world, "taipei_operator").get("/api/v1/hubs/tokyo/pipeline").status_code == 404


@pytest.mark.django_db
def test_refusals_name_what_is_wrong_and_write_nothing(world, pair):
    owner = api_client(world, "owner")
    tomorrow = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    for body, words in (({"stage": "poc", "effective_on": tomorrow}, "future"),
                        ({"stage": "order", "effective_on": "2026-01-05", "amount": 5}, "currency"),
                        ({"stage": "signed", "effective_on": "2026-01-05"}, "stage")):
        answer = owner.post(f"/api/v1/relationships/{pair.pk}/stages", body, content_type="application/json")
        assert answer.status_code == 422 and words in answer.content.decode(), body
    assert owner.get(f"/api/v1/relationships/{pair.pk}").json()["events"] == []
    japanese = owner.post(f"/api/v1/relationships/{pair.pk}/notes?lang=ja", {"text": "  "},
                          content_type="application/json")
    assert japanese.status_code == 422 and "empty" not in japanese.content.decode()
    outsider = api_client(world, "taipei_operator")
    assert outsider.get(f"/api/v1/relationships/{pair.pk}").status_code == 404


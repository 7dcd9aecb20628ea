"""A member's exchange round through the API: register, ask, answer, agenda, cancel: the page's rules."""

import datetime as dt

import pytest
from django.utils import timezone

from bridgehub.exchanges.domain import scheduling as scheduling_domain
from bridgehub.exchanges.models import MeetingRequest, Registration, Round
from tests.api.test_api import api_client


def call(client, method, url, body=None, **headers):
    return getattr(client, method)(url, body or {}, content_type="application/json", **headers)


@pytest.mark.django_db
def test_two_members_arrange_a_meeting_through_the_api(exchange):
    owner = api_client(exchange.world, "owner")
    taipei = api_client(exchange.world, "taipei_member")
    base = f"/api/v1/rounds/{exchange.round.pk}"
    listed = owner.get("/api/v1/rounds").json()
    assert [(r["id"], r["registered"]) for r in listed] == [(exchange.round.pk, True)]

    changed = call(owner, "put", f"{base}/registration", {"organisation": "secret-chips", "languages": ["ja", "en"],
                                                         "available_slots": [0, 1], "max_meetings": 3})
    assert changed.status_code == 200 and changed.json()["available_slots"] == [0, 1]
    assert Registration.objects.get(pk=exchange.owner_reg.pk).max_meetings == 3

    others = owner.get(f"{base}/participants").json()
    assert [p["registration"] for p in others] == [exchange.taipei_reg.pk]
    assert all("@" not in p["person"] for p in others)  # display names, never login addresses
    sent = call(owner, "post", f"{base}/requests", {"recipient": exchange.taipei_reg.pk, "note": "Packaging PoC?"})
    assert sent.status_code == 201 and sent.json()["status"] == "pending"
    incoming = taipei.get(f"{base}/requests").json()
    assert [(r["direction"], r["note"]) for r in incoming] == [("incoming", "Packaging PoC?")]

    request_id = sent.json()["id"]
    assert call(owner, "post", f"{base}/requests/{request_id}/answer", {"accept": True}).status_code == 404
    refused = call(taipei, "post", f"{base}/requests/{request_id}/answer", {"accept": False, "reason": "bored"})
    assert refused.status_code == 422 and "reason:" in refused.json()["detail"]
    accepted = call(taipei, "post", f"{base}/requests/{request_id}/answer", {"accept": True})
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"

    run = scheduling_domain.run_scheduler(user=exchange.world.tokyo_operator, round_=exchange.round, time_limit=2)
    scheduling_domain.publish(user=exchange.world.tokyo_operator, run=run, notify_people=False)
    mine = owner.get(f"{base}/agenda").json()
    theirs = taipei.get(f"{base}/agenda").json()
    assert mine[0]["meeting"] == theirs[0]["meeting"]
    assert mine[0]["starts_at"].endswith("+09:00") and theirs[0]["starts_at"].endswith("+08:00")  # own zones

    early = call(owner, "post", f"{base}/meetings/{mine[0]['meeting']}/feedback", {"useful": True})
    assert early.status_code == 422  # feedback opens when the meeting starts
    Round.objects.filter(pk=exchange.round.pk).update(starts_at=timezone.now() - dt.timedelta(hours=3))  # it was
    late = call(owner, "post", f"{base}/meetings/{mine[0]['meeting']}/feedback",
                {"useful": True, "next_step": "poc"})
    assert late.status_code == 204
    assert call(taipei, "post", f"{base}/meetings/{mine[0]['meeting']}/cancel", {"reason": " "}).status_code == 422


@pytest.mark.django_db
def test_refusals_come_in_the_language_asked_for(exchange):
    owner = api_client(exchange.world, "owner")
    base = f"/api/v1/rounds/{exchange.round.pk}"
    sent = call(owner, "post", f"{base}/requests?lang=ja", {"recipient": exchange.taipei_reg.pk})
    again = call(owner, "post", f"{base}/requests", {"recipient": exchange.taipei_reg.pk},
                 HTTP_ACCEPT_LANGUAGE="zh-hant")
    assert sent.status_code == 201 and again.status_code == 422
    assert not again.json()["detail"].isascii()  # the page's sentence, in Chinese
    assert MeetingRequest.objects.count() == 1  # a refused request leaves nothing behind


@pytest.mark.django_db
def test_a_member_of_another_hub_sees_no_round(exchange):
    stranger = api_client(exchange.world, "taipei_operator")
    assert stranger.get(f"/api/v1/rounds/{exchange.round.pk}").status_code == 404
    assert stranger.get("/api/v1/rounds").json() == []

"""Exchange pages: every actor against every page and action; flows through the real views; query counts."""

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bridgehub.exchanges.domain import participation
from bridgehub.exchanges.domain import scheduling as scheduling_domain
from bridgehub.exchanges.domain.scheduling_jobs import run_job
from bridgehub.exchanges.enums import RequestStatus, RoundStatus
from bridgehub.exchanges.models import (
    Meeting,
    MeetingRequest,
    Programme,
    Registration,
    Round,
    ScheduleRun,
    SchedulingJob,
)
from tests.conftest import client_for, run_queued_tasks
from tests.exchanges.conftest import ROUND_START, register
from tests.factories.core import OrganisationFactory, OrganisationHubFactory, OrganisationMembershipFactory, UserFactory

ACTORS = ["owner", "taipei_member", "tokyo_member", "tokyo_operator", "taipei_operator", "anonymous"]


def run_worker():
    """What the background worker does with each queued optimiser run (the queue itself is tested with a
    real worker in test_scheduling_jobs.py; here the transaction never commits, so nothing is queued)."""
    for job_id in SchedulingJob.objects.filter(status="queued").values_list("pk", flat=True):
        run_job(job_id)


def actor(world, name):
    return None if name == "anonymous" else getattr(world, name)


def answer(response):
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return "login"
    return response.status_code


def published(exchange):
    request = participation.send_request(user=exchange.world.owner, sender=exchange.owner_reg,
                                         recipient=exchange.taipei_reg)
    participation.respond(user=exchange.world.taipei_member, request=request, accept=True)
    run = scheduling_domain.run_scheduler(user=exchange.world.tokyo_operator, round_=exchange.round, time_limit=3)
    scheduling_domain.publish(user=exchange.world.tokyo_operator, run=run)
    return Meeting.objects.get()


# Who may open which page: registered participants (owner, taipei_member) see their round; the Tokyo
# member (not registered) sees the round page with a registration form; the Taipei operator is another
# hub's and sees nothing; personal pages (agenda, calendars) belong to registrations only.
ROUND_PAGE = {"owner": 200, "taipei_member": 200, "tokyo_member": 200, "tokyo_operator": 200,
              "taipei_operator": 404, "anonymous": "login"}
PERSONAL = {"owner": 200, "taipei_member": 200, "tokyo_member": 404, "tokyo_operator": 404,
            "taipei_operator": 404, "anonymous": "login"}
OPERATOR = {"owner": 404, "taipei_member": 404, "tokyo_member": 404, "tokyo_operator": 200,
            "taipei_operator": 404, "anonymous": "login"}


@pytest.mark.django_db
@pytest.mark.parametrize("who", ACTORS)
def test_who_sees_which_exchange_page(exchange, who):
    meeting = published(exchange)
    client = client_for(actor(exchange.world, who))
    round_id = exchange.round.pk
    assert answer(client.get(f"/rounds/{round_id}/")) == ROUND_PAGE[who]
    assert answer(client.get(f"/rounds/{round_id}/agenda.ics")) == PERSONAL[who]
    assert answer(client.get(f"/rounds/{round_id}/meetings/{meeting.pk}.ics")) == PERSONAL[who]
    assert answer(client.get("/manage/tokyo/rounds/")) == OPERATOR[who]
    assert answer(client.get(f"/manage/tokyo/rounds/{round_id}/")) == OPERATOR[who]
    assert answer(client.get("/rounds/")) == ("login" if who == "anonymous" else 200)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["tokyo_member", "taipei_operator", "tokyo_operator", "anonymous"])
def test_nobody_else_can_act_on_a_participants_requests_and_meetings(exchange, who):
    meeting = published(exchange)
    client = client_for(actor(exchange.world, who))
    base = f"/rounds/{exchange.round.pk}"
    for url, data in [(f"{base}/requests/{meeting.request_id}/", {"withdraw": "1"}),
                      (f"{base}/meetings/{meeting.pk}/", {"cancel": "1"}),
                      (f"{base}/request/{exchange.owner_reg.pk}/", {"note": "hi"}),
                      (f"{base}/check-in/", {})]:
        assert answer(client.post(url, data)) in (404, "login"), url
    assert Meeting.objects.get().status == "scheduled"
    assert MeetingRequest.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "expected"), [("tokyo_operator", 302), ("owner", 404), ("tokyo_member", 404),
                                               ("taipei_operator", 404), ("anonymous", "login")])
def test_only_the_hubs_operators_run_and_publish(exchange, who, expected):
    participation.respond(user=exchange.world.taipei_member, accept=True, request=participation.send_request(
        user=exchange.world.owner, sender=exchange.owner_reg, recipient=exchange.taipei_reg))
    client = client_for(actor(exchange.world, who))
    url = f"/manage/tokyo/rounds/{exchange.round.pk}/action/"
    assert answer(client.post(url, {"action": "schedule"})) == expected
    run_worker()  # the optimiser runs on the background worker
    run = ScheduleRun.objects.first()
    assert (run is not None) is (expected == 302)
    assert answer(client.post(url, {"action": "publish", "run": run.pk if run else 0})) == expected
    published = expected == 302
    assert Round.objects.get().status == (RoundStatus.PUBLISHED if published else RoundStatus.OPEN)
    assert Meeting.objects.count() == (1 if published else 0)
    assert answer(client.post(url, {"action": "closed"})) == expected
    assert Round.objects.get().status == (RoundStatus.CLOSED if published else RoundStatus.OPEN)


@pytest.mark.django_db
def test_the_calendar_feed_answers_only_to_its_secret(exchange):
    meeting = published(exchange)
    token = Registration.objects.get(pk=exchange.taipei_reg.pk).calendar_token
    response = client_for(None).get(f"/calendar/{token}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    event = next(iter(icalendar.Calendar.from_ical(response.content).walk("VEVENT")))
    assert event["UID"] == f"bridgehub-meeting-{meeting.pk}@tokyo"
    assert client_for(None).get(f"/calendar/{token[:-1]}x.ics").status_code == 404


@pytest.mark.django_db
def test_operator_flow_through_the_pages(world):
    operator = client_for(world.tokyo_operator)
    response = operator.post("/manage/tokyo/rounds/", {"programme": "1", "name": "Tokyo deep-tech monthly",
                                                       "cadence": "monthly", "description": ""})
    assert response.status_code == 302
    programme = Programme.objects.get()
    response = operator.post("/manage/tokyo/rounds/", {
        "round": "1", "programme": programme.pk, "title": "December round",
        "starts_at": f"{ROUND_START:%Y-%m-%d}T10:00",
        "time_zone": "Asia/Tokyo", "venue": "Otemachi", "mode": "in_person", "online_link": "", "slot_minutes": 30,
        "slot_count": 4, "tables": 2, "request_expiry_hours": 72, "max_outstanding_requests": 5,
        "coverage_bonus": 3, "previous": ""})
    assert response.status_code == 302
    round_ = Round.objects.get()
    assert round_.starts_at == ROUND_START  # read in the round's zone (10:00 Tokyo)
    url = f"/manage/tokyo/rounds/{round_.pk}/"
    operator.post(url, {"interpreter": "1", "name": "Lin", "languages": ["zh", "ja"]})
    assert round_.interpreters.get().available_slots == [0, 1, 2, 3]
    operator.post(url + "action/", {"action": "open"})
    assert Round.objects.get().status == RoundStatus.OPEN
    response = operator.post(url + "action/", {"action": "schedule"}, follow=True)
    assert "no accepted requests" in response.content.decode()
    assert not ScheduleRun.objects.exists()


@pytest.mark.django_db
def test_member_flow_through_the_pages(exchange):
    member = client_for(exchange.world.tokyo_member)
    round_url = f"/rounds/{exchange.round.pk}/"
    page = member.get(round_url).content.decode()
    assert 'name="register"' in page and "Neighbour KK" in page
    neighbour = exchange.world.tokyo_member.org_memberships.get().organisation
    response = member.post(round_url, {"register": "1", "organisation_id": neighbour.pk, "languages": ["ja"],
                                       "available_slots": [], "time_zone": "Asia/Tokyo"})
    assert "This field is required" in response.content.decode()
    assert not Registration.objects.filter(user=exchange.world.tokyo_member).exists()
    member.post(round_url, {"register": "1", "organisation_id": neighbour.pk, "languages": ["ja", "en"],
                            "available_slots": [0, 1], "time_zone": "Asia/Tokyo"})
    mine = Registration.objects.get(user=exchange.world.tokyo_member)
    member.post(f"{round_url}request/{exchange.taipei_reg.pk}/", {"note": "Sensors?"})
    sent = MeetingRequest.objects.get(sender=mine)
    taipei = client_for(exchange.world.taipei_member)
    assert "Sensors?" in taipei.get(round_url).content.decode()
    taipei.post(f"{round_url}requests/{sent.pk}/", {"decline": "1", "reason": ""})
    assert MeetingRequest.objects.get(pk=sent.pk).status == RequestStatus.PENDING
    taipei.post(f"{round_url}requests/{sent.pk}/", {"decline": "1", "reason": "not_now"})
    assert MeetingRequest.objects.get(pk=sent.pk).status == RequestStatus.DECLINED


def crowd(exchange, count):
    for index in range(count):
        org = OrganisationFactory(name=f"Crowd {index}")
        OrganisationHubFactory(organisation=org, hub=exchange.world.tokyo)
        user = UserFactory(email=f"crowd{index}@example.com")
        OrganisationMembershipFactory(organisation=org, user=user)
        theirs = register(user, exchange.round, org, ["en"], "Asia/Tokyo")
        request = participation.send_request(user=user, sender=theirs, recipient=exchange.owner_reg)
        if index % 2 == 0:
            participation.respond(user=exchange.world.owner, request=request, accept=True)


@pytest.mark.django_db
# 25: with requests waiting for an answer, their senders' trust badges add two (vettings, domain proofs); the
# stories pinned by the hub, one.
@pytest.mark.parametrize(("count", "expected"), [(3, 25), (5, 25)])
def test_round_page_costs_the_same_for_any_number_of_participants(exchange, count, expected):
    crowd(exchange, count)
    scheduling_domain.publish(user=exchange.world.tokyo_operator, run=scheduling_domain.run_scheduler(
        user=exchange.world.tokyo_operator, round_=exchange.round, time_limit=2))
    client = client_for(exchange.world.owner)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/rounds/{exchange.round.pk}/").status_code == 200
    assert len(queries) == expected


@pytest.mark.django_db
# 17: the participants' days in the preview add two (their requests' pairs, their registrations); the optimiser's
# latest run (progress or failure) one.
@pytest.mark.parametrize(("count", "expected"), [(1, 17), (3, 17)])
def test_operator_round_page_costs_the_same_for_any_number_of_participants(exchange, count, expected):
    crowd(exchange, count)
    scheduling_domain.run_scheduler(user=exchange.world.tokyo_operator, round_=exchange.round, time_limit=2)
    client = client_for(exchange.world.tokyo_operator)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/manage/tokyo/rounds/{exchange.round.pk}/").status_code == 200
    assert len(queries) == expected


@pytest.mark.django_db
def test_no_login_address_reaches_the_other_side(exchange, django_capture_on_commit_callbacks):
    """Round page, suggestions, agenda, .ics files, the token feed and every e-mail name people by display
    name; the other side's login address appears nowhere."""
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        meeting = published(exchange)
    run_queued_tasks()  # the worker sends the agendas
    owner = client_for(exchange.world.owner)
    base = f"/rounds/{exchange.round.pk}"
    seen = {
        "round page": owner.get(f"{base}/").content.decode(),
        "agenda .ics": owner.get(f"{base}/agenda.ics").content.decode(),
        "meeting .ics": owner.get(f"{base}/meetings/{meeting.pk}.ics").content.decode(),
        "feed": client_for(None).get(f"/calendar/{exchange.owner_reg.calendar_token}.ics").content.decode(),
    }
    seen |= {f"mail {number}: {m.subject}": m.subject + m.body + "".join(str(a[1]) for a in m.attachments)
             for number, m in enumerate(mail.outbox) if m.to == ["owner@example.com"]}
    assert len(seen) >= 6  # the request's answer and the agenda reached the owner by e-mail
    assert {where: "taipei-member@example.com" in text for where, text in seen.items()} == {w: False for w in seen}
    shown_as = f"member {exchange.world.taipei_member.pk}"  # no display name given: never the address instead
    assert shown_as in seen["round page"] and shown_as in seen["agenda .ics"]


@pytest.mark.django_db
def test_the_calendar_feed_can_be_renewed_and_dies_when_the_person_leaves_the_hub(exchange):
    from bridgehub.directory.domain.team import remove_member
    from tests.factories.core import OrganisationMembershipFactory

    published(exchange)
    old = exchange.owner_reg.calendar_token
    owner = client_for(exchange.world.owner)
    assert owner.post(f"/rounds/{exchange.round.pk}/calendar-link/").status_code == 302
    new = Registration.objects.get(pk=exchange.owner_reg.pk).calendar_token
    assert new != old
    assert (client_for(None).get(f"/calendar/{old}.ics").status_code,
            client_for(None).get(f"/calendar/{new}.ics").status_code) == (404, 200)
    # Another participant cannot renew someone else's link; it stays as it was.
    assert client_for(exchange.world.tokyo_member).post(f"/rounds/{exchange.round.pk}/calendar-link/").status_code \
        == 404
    # Leaving the organisation that made them a member of the Tokyo hub ends the feed.
    OrganisationMembershipFactory(organisation=exchange.world.organisation, user=exchange.world.tokyo_member)
    remove_member(user=exchange.world.tokyo_member, organisation=exchange.world.organisation,
                  member=exchange.world.owner)
    assert client_for(None).get(f"/calendar/{new}.ics").status_code == 404

"""Registration and meeting-request rules, on the real database."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from bridgehub.exchanges.domain import participation, rounds
from bridgehub.exchanges.domain.rounds import ExchangeError
from bridgehub.exchanges.enums import MeetingStatus, RequestStatus, RoundStatus
from bridgehub.exchanges.models import Meeting, MeetingRequest, Registration
from tests.exchanges.conftest import make_round, register
from tests.factories.core import OrganisationFactory, OrganisationHubFactory, OrganisationMembershipFactory, UserFactory


def other_participant(exchange, name="Kansai Robotics", email="kansai@example.com"):
    org = OrganisationFactory(name=name)
    OrganisationHubFactory(organisation=org, hub=exchange.world.tokyo)
    user = UserFactory(email=email)
    OrganisationMembershipFactory(organisation=org, user=user)
    return register(user, exchange.round, org, ["ja"], "Asia/Tokyo")


def test_registration_needs_an_open_round_an_approved_organisation_and_a_slot(exchange):
    world = exchange.world
    draft = make_round(exchange.programme, title="Draft", status=RoundStatus.DRAFT)
    with pytest.raises(ExchangeError, match="not open"):
        register(world.owner, draft, world.organisation, ["en"], "Asia/Tokyo")
    with pytest.raises(PermissionDenied):  # the owner does not belong to Neighbour KK
        register(world.owner, exchange.round, world.tokyo_member.org_memberships.get().organisation, ["en"], "UTC")
    with pytest.raises(ExchangeError, match="at least one slot"):
        register(world.tokyo_member, exchange.round, world.tokyo_member.org_memberships.get().organisation,
                 ["ja"], "Asia/Tokyo", slots=[])
    with pytest.raises(ExchangeError, match="Slot 9 does not exist"):
        register(world.tokyo_member, exchange.round, world.tokyo_member.org_memberships.get().organisation,
                 ["ja"], "Asia/Tokyo", slots=[8])
    assert not Registration.objects.filter(user=world.tokyo_member).exists()


def test_request_then_accept_e_mails_both_after_commit(exchange, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sent = participation.send_request(user=exchange.world.owner, sender=exchange.owner_reg,
                                          recipient=exchange.taipei_reg, note="Packaging PoC?")
    assert sent.status == RequestStatus.PENDING
    assert [m.to for m in mail.outbox] == [["taipei-member@example.com"]]
    assert "Packaging PoC?" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        participation.respond(user=exchange.world.taipei_member, request=sent, accept=True)
    assert MeetingRequest.objects.get(pk=sent.pk).status == RequestStatus.ACCEPTED
    # One message each: neither learns the other's login address from the To: line.
    assert [m.to for m in mail.outbox[1:]] == [["owner@example.com"], ["taipei-member@example.com"]]
    assert all("@example.com" not in m.body for m in mail.outbox)


def test_only_the_recipient_answers_and_declining_needs_a_reason(exchange):
    sent = participation.send_request(user=exchange.world.owner, sender=exchange.owner_reg,
                                      recipient=exchange.taipei_reg)
    with pytest.raises(PermissionDenied):
        participation.respond(user=exchange.world.owner, request=sent, accept=True)
    with pytest.raises(ExchangeError, match="reason"):
        participation.respond(user=exchange.world.taipei_member, request=sent, accept=False)
    declined = participation.respond(user=exchange.world.taipei_member, request=sent, accept=False,
                                     reason="no_time", note="Fully booked")
    assert (declined.status, declined.decline_reason) == (RequestStatus.DECLINED, "no_time")
    with pytest.raises(ExchangeError, match="already sent"):
        participation.send_request(user=exchange.world.owner, sender=exchange.owner_reg,
                                   recipient=exchange.taipei_reg)


def test_asking_someone_who_asked_you_makes_a_mutual_accepted_request(exchange):
    first = participation.send_request(user=exchange.world.owner, sender=exchange.owner_reg,
                                       recipient=exchange.taipei_reg)
    second = participation.send_request(user=exchange.world.taipei_member, sender=exchange.taipei_reg,
                                        recipient=exchange.owner_reg)
    assert second.pk == first.pk
    assert (second.status, second.mutual) == (RequestStatus.ACCEPTED, True)
    assert MeetingRequest.objects.count() == 1


def test_outstanding_requests_are_capped(exchange):
    exchange.round.max_outstanding_requests = 2
    exchange.round.save()
    others = [other_participant(exchange, f"Org {i}", f"o{i}@example.com") for i in range(3)]
    for other in others[:2]:
        participation.send_request(user=exchange.world.owner, sender=exchange.owner_reg, recipient=other)
    with pytest.raises(ExchangeError, match="2 requests waiting"):
        participation.send_request(user=exchange.world.owner, sender=exchange.owner_reg, recipient=others[2])
    assert MeetingRequest.objects.filter(sender=exchange.owner_reg).count() == 2


def test_requests_expire_and_unanswered_ones_get_one_reminder(exchange, django_capture_on_commit_callbacks):
    now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    sent = participation.send_request(user=exchange.world.owner, sender=exchange.owner_reg,
                                      recipient=exchange.taipei_reg, now=now)
    assert sent.expires_at == now + dt.timedelta(hours=72)
    with django_capture_on_commit_callbacks(execute=True):
        assert participation.send_reminders(now + dt.timedelta(hours=10)) == 0  # 62 h left: too early
        assert participation.send_reminders(now + dt.timedelta(hours=50)) == 1
        assert participation.send_reminders(now + dt.timedelta(hours=51)) == 0  # only once
    assert "Reminder" in mail.outbox[-1].subject
    with django_capture_on_commit_callbacks(execute=True):
        assert participation.expire_overdue(now + dt.timedelta(hours=72)) == 1
    assert MeetingRequest.objects.get(pk=sent.pk).status == RequestStatus.EXPIRED
    assert mail.outbox[-1].to == ["owner@example.com"]
    with pytest.raises(ExchangeError, match="no longer waiting"):
        participation.respond(user=exchange.world.taipei_member, request=sent, accept=True)


def test_an_overdue_request_cannot_be_accepted_even_before_the_sweep(exchange):
    now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    sent = participation.send_request(user=exchange.world.owner, sender=exchange.owner_reg,
                                      recipient=exchange.taipei_reg, now=now)
    with pytest.raises(ExchangeError):
        participation.respond(user=exchange.world.taipei_member, request=sent, accept=True,
                              now=now + dt.timedelta(hours=73))
    assert MeetingRequest.objects.get(pk=sent.pk).status == RequestStatus.EXPIRED


def test_a_pair_that_met_before_meets_again_only_if_both_ask(exchange):
    world = exchange.world
    earlier = participation.send_request(user=world.owner, sender=exchange.owner_reg, recipient=exchange.taipei_reg)
    participation.respond(user=world.taipei_member, request=earlier, accept=True)
    Meeting.objects.create(round=exchange.round, request=earlier, slot=0, table=0, status=MeetingStatus.HELD)
    later = make_round(exchange.programme, title="January round",
                       start=exchange.round.starts_at + dt.timedelta(days=30))
    mine = register(world.owner, later, world.organisation, ["en"], "Asia/Tokyo")
    theirs = register(world.taipei_member, later, exchange.taipei_reg.organisation, ["en"], "Asia/Taipei")
    held = participation.send_request(user=world.owner, sender=mine, recipient=theirs)
    assert held.status == RequestStatus.WAITING_FOR_BOTH
    both = participation.send_request(user=world.taipei_member, sender=theirs, recipient=mine)
    assert (both.pk, both.status, both.mutual) == (held.pk, RequestStatus.ACCEPTED, True)


def test_no_request_to_ones_own_organisation(exchange):
    colleague = UserFactory(email="colleague@example.com")
    OrganisationMembershipFactory(organisation=exchange.world.organisation, user=colleague)
    theirs = register(colleague, exchange.round, exchange.world.organisation, ["ja"], "Asia/Tokyo")
    with pytest.raises(ExchangeError, match="own organisation"):
        participation.send_request(user=exchange.world.owner, sender=exchange.owner_reg, recipient=theirs)


def test_carry_over_invites_the_previous_rounds_people_unconfirmed(exchange, django_capture_on_commit_callbacks):
    later = make_round(exchange.programme, title="January round", status=RoundStatus.OPEN,
                       start=exchange.round.starts_at + dt.timedelta(days=30), previous=exchange.round)
    with django_capture_on_commit_callbacks(execute=True):
        assert rounds.carry_over(user=exchange.world.tokyo_operator, round_=later) == 2
    invited = Registration.objects.filter(round=later)
    assert {r.confirmed for r in invited} == {False}
    # Agendas follow each person's one zone (their settings), not a copy made per round.
    assert {r.user.time_zone for r in invited} == {"Asia/Tokyo", "Asia/Taipei"}
    assert len(mail.outbox) == 2
    with pytest.raises(PermissionDenied):
        rounds.carry_over(user=exchange.world.taipei_operator, round_=later)
    confirmed = register(exchange.world.owner, later, exchange.world.organisation, ["ja"], "Asia/Tokyo", slots=[0])
    assert confirmed.confirmed and confirmed.available_slots == [0]
    assert rounds.carry_over(user=exchange.world.tokyo_operator, round_=later) == 0


def test_suggestions_read_both_public_profiles_across_languages_and_never_members_only_text(exchange):
    from bridgehub.exchanges.domain.suggestions import suggestions_for
    from tests.factories.core import ProfileTextFactory

    def member_of(name, kind, country, text, secret=""):
        org = OrganisationFactory(name=name, kind=kind, country=country,
                                  investor_type="vc" if kind == "investor" else "")
        ProfileTextFactory(organisation=org, language="en" if text.isascii() else "ja", tagline="", summary=text,
                           member_details=secret)
        OrganisationHubFactory(organisation=org, hub=exchange.world.tokyo)
        user = UserFactory(email=f"{name.split()[0].lower()}@example.com")
        OrganisationMembershipFactory(organisation=org, user=user)
        return register(user, exchange.round, org, ["en"], "Asia/Tokyo")

    startup = member_of("Kibo Chips", "startup", "JP",
                        "半導体のチップ設計スタートアップです。シードラウンドの資金調達中です。")
    fund = member_of("Harbor Ventures", "investor", "JP",
                     "We invest in semiconductor chip design start-ups at seed and Series A in Japan.")
    member_of("Quiet Fund", "investor", "JP", "We invest in consumer brands.", secret="semiconductor chip design seed")
    suggestions = suggestions_for(startup)
    assert suggestions[0].registration == fund
    assert {"Profiles fit in Semiconductor design", "Stage fits: Seed", "Invests in Japan",
            "Raising money meets an investor"} <= set(suggestions[0].reasons)
    quiet = next(s for s in suggestions if s.registration.organisation.name == "Quiet Fund")
    assert not any(reason.startswith("Profiles fit") for reason in quiet.reasons)


def test_a_request_is_kept_when_the_mail_server_is_down(exchange, settings, django_capture_on_commit_callbacks):
    from bridgehub.common.models import OutgoingMail
    from tests.conftest import client_for

    settings.EMAIL_BACKEND = "tests.common.mailservers.DownMailServer"
    exchange.world.organisation.name = "Secret\nChips"
    exchange.world.organisation.save()
    client = client_for(exchange.world.owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/rounds/{exchange.round.pk}/request/{exchange.taipei_reg.pk}/", {"note": "hello"})
    assert response.status_code == 302
    assert MeetingRequest.objects.get().note == "hello"
    kept = OutgoingMail.objects.get()
    assert kept.to == "taipei-member@example.com" and "\n" not in kept.subject

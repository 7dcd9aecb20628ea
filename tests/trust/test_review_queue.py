"""A scam note → caution or hold → report → the operator's queue → action → the member's appeal."""

import pytest
from django.core import mail

from bridgehub.exchanges.domain import participation
from bridgehub.exchanges.models import MeetingRequest
from bridgehub.trust.domain import cases
from bridgehub.trust.models import Case, Decision, Restriction, ScreenLog, TrustSettings
from tests.conftest import client_for
from tests.trust.conftest import FEE_NOTE_ZH

pytestmark = pytest.mark.django_db


def send_scam(exchange, scam, note=FEE_NOTE_ZH):
    return participation.send_request(user=scam.user, sender=scam.registration, recipient=exchange.owner_reg,
                                      note=note)


def test_a_fee_request_reaches_the_founder_with_a_caution_and_is_logged(exchange, scam,
                                                                       django_capture_on_commit_callbacks):
    TrustSettings.objects.create(hub=exchange.world.tokyo, hold_at=None)  # this hub never holds
    with django_capture_on_commit_callbacks(execute=True):
        request = send_scam(exchange, scam)
    assert request.screen_outcome == "caution"
    assert {"upfront_fee", "impersonation"} <= set(request.screen_reasons)
    log = ScreenLog.objects.get()
    assert (log.ref, log.outcome) == (f"meeting_request:{request.pk}", "caution")
    exchange.world.owner.language = "zh-hant"
    exchange.world.owner.save(update_fields=["language"])
    client = client_for(exchange.world.owner)
    page = client.get(f"/rounds/{exchange.round.pk}/").content.decode()
    assert "盡職調查費用" in page and "caution" in page
    assert "Not verified" in page or "未驗證" in page
    assert FEE_NOTE_ZH in mail.outbox[-1].body
    assert "Be careful" in mail.outbox[-1].body


def test_a_held_note_never_reaches_the_recipient_until_released(exchange, scam, django_capture_on_commit_callbacks):
    TrustSettings.objects.create(hub=exchange.world.tokyo, caution_at=0.5, hold_at=0.6)
    with django_capture_on_commit_callbacks(execute=True):
        request = send_scam(exchange, scam)
    assert request.screen_outcome == "held"
    case = Case.objects.get(kind="held_message")
    assert case.evidence == FEE_NOTE_ZH and case.subject_user == scam.user
    assert "盡職調查" not in mail.outbox[-1].body  # the mail says a note waits for review, not what it says
    assert "盡職調查" not in str(exchange.world.owner.notifications.get().params)
    page = client_for(exchange.world.owner).get(f"/rounds/{exchange.round.pk}/").content.decode()
    assert "盡職調查" not in page and "reviewing it before you see it" in page
    cases.act(user=exchange.world.tokyo_operator, case=case, action="release")
    request.refresh_from_db()
    assert request.screen_outcome == "caution"  # released, with the caution the reasons call for
    assert "盡職調查" in client_for(exchange.world.owner).get(f"/rounds/{exchange.round.pk}/").content.decode()


def test_a_held_note_whose_sender_is_suspended_never_travels_and_the_recipient_is_told(
        exchange, scam, django_capture_on_commit_callbacks):
    TrustSettings.objects.create(hub=exchange.world.tokyo, caution_at=0.5, hold_at=0.6)
    with django_capture_on_commit_callbacks(execute=True):
        request = send_scam(exchange, scam)
    case = Case.objects.get(kind="held_message")
    cases.act(user=exchange.world.tokyo_operator, case=case, action="suspend", note="Fee scam")
    request.refresh_from_db()
    assert request.screen_outcome == "withheld"
    page = client_for(exchange.world.owner).get(f"/rounds/{exchange.round.pk}/").content.decode()
    assert "盡職調查" not in page and "reviewing it before you see it" not in page
    assert "did not pass it on" in page


def test_report_suspend_and_appeal(exchange, scam, django_capture_on_commit_callbacks):
    request = send_scam(exchange, scam)
    owner, operator = exchange.world.owner, exchange.world.tokyo_operator
    response = client_for(owner).post("/report/", {"kind": "meeting_request", "subject": request.pk,
                                                   "reason": "asked_for_fee", "comment": "asked for USD 3,000",
                                                   "next": f"/rounds/{exchange.round.pk}/"})
    assert response.status_code == 302 and response["Location"] == f"/rounds/{exchange.round.pk}/"
    case = Case.objects.get(kind="report")
    assert (case.reporter, case.subject_user, case.subject_organisation) == (owner, scam.user, scam.organisation)
    assert case.evidence == FEE_NOTE_ZH
    # The same report twice adds nothing.
    client_for(owner).post("/report/", {"kind": "meeting_request", "subject": request.pk, "reason": "spam"})
    assert Case.objects.filter(kind="report").count() == 1
    # Tenancy: Taipei's operator neither lists nor opens it.
    assert client_for(exchange.world.taipei_operator).get(f"/manage/tokyo/trust/{case.pk}/").status_code == 404
    queue = client_for(operator).get("/manage/tokyo/trust/").content.decode()
    assert "Sequoia Capital Partners Asia" in queue
    detail = client_for(operator).get(f"/manage/tokyo/trust/{case.pk}/").content.decode()
    assert "asked for USD 3,000" in detail and owner.public_name in detail
    # A measure needs a reason the member reads.
    refused = client_for(operator).post(f"/manage/tokyo/trust/{case.pk}/", {"action": "suspend", "note": ""})
    assert refused.status_code == 302 and not Restriction.objects.exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(operator).post(f"/manage/tokyo/trust/{case.pk}/",
                                  {"action": "suspend", "note": "Asked a founder for an advance fee."})
    case.refresh_from_db()
    assert (case.status, case.resolution) == ("resolved", "suspend")
    assert list(Decision.objects.values_list("action", flat=True)) == ["suspend"]
    to_member = next(m for m in mail.outbox if m.to == [scam.user.email])
    to_reporter = next(m for m in mail.outbox if m.to == [owner.email])
    assert "Asked a founder for an advance fee." in to_member.body and "/me/standing/" in to_member.body
    assert owner.email not in to_member.body and owner.public_name not in to_member.body
    assert "suspend" not in to_reporter.body.lower()  # the reporter hears it was reviewed, not what was decided
    # Suspended: no more requests, no registration, no introductions in this hub.
    with pytest.raises(participation.ExchangeError):
        participation.send_request(user=scam.user, sender=scam.registration, recipient=exchange.taipei_reg)
    with pytest.raises(participation.ExchangeError):
        participation.register(user=scam.user, round_=exchange.round, organisation_id=scam.organisation.pk,
                               languages=["en"], available_slots=[0], max_meetings=None)
    # The member appeals; the operator lifts the measure; the member can write again.
    measure = Restriction.objects.get()
    standing = client_for(scam.user).get("/me/standing/").content.decode()
    assert "Asked a founder for an advance fee." in standing and owner.public_name not in standing
    assert standing.count('name="restriction"') == 1  # the measure's own hidden field, once
    assert client_for(owner).post("/me/standing/", {"restriction": measure.pk, "text": "x"}).status_code == 404
    assert client_for(scam.user).post("/me/standing/", {"text": "x"}).status_code == 404  # no measure named
    client_for(scam.user).post("/me/standing/", {"restriction": measure.pk, "text": "We are a real fund."})
    appeal = Case.objects.get(kind="appeal")
    assert appeal.restriction == measure
    with django_capture_on_commit_callbacks(execute=True):
        cases.act(user=operator, case=appeal, action="lift", note="Documents checked.")
    measure.refresh_from_db()
    assert measure.lifted_at is not None
    assert "Documents checked." in mail.outbox[-1].body
    assert participation.send_request(user=scam.user, sender=scam.registration, recipient=exchange.taipei_reg)


def test_only_the_recipient_reports_a_note_and_nobody_reports_themself(exchange, scam):
    request = send_scam(exchange, scam)
    assert client_for(exchange.world.taipei_member).post(
        "/report/", {"kind": "meeting_request", "subject": request.pk, "reason": "spam"}).status_code == 404
    with pytest.raises(cases.TrustError):
        cases.report(user=exchange.world.owner, subject_kind="meeting_request", subject_id=request.pk, reason="x")
    assert not Case.objects.filter(kind="report").exists()


def test_restricted_messaging_blocks_notes_but_not_the_agenda(exchange, scam):
    operator = exchange.world.tokyo_operator
    case = cases.report(user=exchange.world.owner, subject_kind="meeting_request",
                        subject_id=send_scam(exchange, scam, note="Let us meet").pk, reason="spam")
    cases.act(user=operator, case=case, action="restrict", note="Mass messages.", days=7)
    measure = Restriction.objects.get()
    assert measure.kind == "restricted" and measure.ends_at is not None
    with pytest.raises(participation.ExchangeError, match="restricted"):
        participation.send_request(user=scam.user, sender=scam.registration, recipient=exchange.taipei_reg)
    assert client_for(scam.user).get(f"/rounds/{exchange.round.pk}/").status_code == 200


def test_a_warning_is_told_and_changes_nothing_else(exchange, scam):
    case = cases.report(user=exchange.world.owner, subject_kind="meeting_request",
                        subject_id=send_scam(exchange, scam, note="Let us meet").pk, reason="other")
    cases.act(user=exchange.world.tokyo_operator, case=case, action="warn", note="Please keep it on the hub.")
    assert Restriction.objects.get().kind == "warning"
    assert participation.send_request(user=scam.user, sender=scam.registration, recipient=exchange.taipei_reg)


def test_reports_raise_the_next_score(exchange, scam):
    first = send_scam(exchange, scam, note="Could we talk about your seed round?")
    assert first.screen_reasons == [] or "reported_before" not in first.screen_reasons
    cases.report(user=exchange.world.owner, subject_kind="meeting_request", subject_id=first.pk, reason="spam")
    second = participation.send_request(user=scam.user, sender=scam.registration, recipient=exchange.taipei_reg,
                                        note="Could we talk about your seed round?")
    assert "reported_before" in second.screen_reasons and second.screen_score > first.screen_score


def test_an_operator_cannot_act_twice_or_outside_the_allowed_actions(exchange, scam):
    case = cases.report(user=exchange.world.owner, subject_kind="meeting_request",
                        subject_id=send_scam(exchange, scam).pk, reason="spam")
    with pytest.raises(cases.TrustError):
        cases.act(user=exchange.world.tokyo_operator, case=case, action="release")  # not a held message
    cases.act(user=exchange.world.tokyo_operator, case=case, action="dismiss")
    with pytest.raises(cases.TrustError):
        cases.act(user=exchange.world.tokyo_operator, case=case, action="suspend", note="late")
    assert MeetingRequest.objects.get().status == "pending"  # dismissing touches nothing else

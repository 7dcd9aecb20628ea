"""The member's day in a round: one time zone per person, registration that knows the person, rounds by
invitation, cancelling with a reason and undoing it, both sides seeing the same state, and the dashboard."""

import datetime as dt

import pytest
from django.core import mail

from bridgehub.accounts.models import Notification
from bridgehub.exchanges.domain import participation, today
from bridgehub.exchanges.domain import scheduling as scheduling_domain
from bridgehub.exchanges.domain.agenda import agenda_for
from bridgehub.exchanges.domain.rounds import ExchangeError
from bridgehub.exchanges.enums import MeetingStatus, RoundStatus
from bridgehub.exchanges.models import Meeting
from tests.conftest import client_for, run_queued_tasks
from tests.exchanges.conftest import make_round
from tests.exchanges.test_scheduling import agree, participant, publish_now
from tests.factories.core import PersonFactory


@pytest.fixture
def meeting(exchange, django_capture_on_commit_callbacks):
    agree(exchange.owner_reg, exchange.taipei_reg)
    with django_capture_on_commit_callbacks(execute=True):
        publish_now(exchange)
    run_queued_tasks()  # the worker sends the agendas
    assert set(Notification.objects.values_list("kind", flat=True)) == {"agenda_changed"}
    mail.outbox.clear()
    Notification.objects.all().delete()
    return Meeting.objects.get()


def test_the_agenda_the_calendar_and_the_page_follow_the_persons_one_zone(exchange, meeting):
    page = client_for(exchange.world.taipei_member).get(f"/rounds/{exchange.round.pk}/").content.decode()
    entry = agenda_for(exchange.taipei_reg)[0]
    shown = f"{entry.local_start:%H:%M}–{entry.local_end:%H:%M}"
    assert entry.local_start.tzinfo.key == "Asia/Taipei" and shown in page
    assert "Times in your time zone (Taipei)." in page
    # Changing the zone in settings changes the agenda: there is no second zone to forget.
    exchange.world.taipei_member.time_zone = "Asia/Tokyo"
    exchange.world.taipei_member.save()
    page = client_for(exchange.world.taipei_member).get(f"/rounds/{exchange.round.pk}/").content.decode()
    assert "Times in your time zone (Tokyo)." in page


def test_a_first_registration_starts_from_the_languages_of_the_persons_profile(exchange):
    newcomer = participant(exchange, "Kumamoto Wafer", "wafer@example.com", ["ja"]).user
    later = make_round(exchange.programme, title="January round",
                       start=exchange.round.starts_at + dt.timedelta(days=30))
    PersonFactory(user=newcomer, languages=["ja", "zh-Hant"])
    page = client_for(newcomer).get(f"/rounds/{later.pk}/").content.decode()
    boxes = {value: f'name="languages" value="{value}"' in page for value in ("zh", "ja", "en")}
    ticked = {value for value in boxes if f'name="languages" value="{value}" id="id_languages_' in page
              and page.split(f'name="languages" value="{value}"')[1].split(">")[0].endswith("checked")}
    assert boxes == {"zh": True, "ja": True, "en": True}
    assert ticked == {"zh", "ja"}


def test_a_closed_round_shows_no_form_and_a_round_by_invitation_says_so(exchange):
    outsider = participant(exchange, "Late Co", "late@example.com", ["en"]).user
    closed = make_round(exchange.programme, title="Closed round", status=RoundStatus.CLOSED)
    page = client_for(outsider).get(f"/rounds/{closed.pk}/").content.decode()
    assert 'name="register"' not in page and "Registration for this round is closed." in page

    invited_only = make_round(exchange.programme, title="Alumni round")
    invited_only.invitation_only = True
    invited_only.save()
    page = client_for(outsider).get(f"/rounds/{invited_only.pk}/").content.decode()
    assert 'name="register"' not in page
    assert "Only invited people can register for this round." in page
    with pytest.raises(ExchangeError, match="by invitation"):
        participation.register(user=outsider, round_=invited_only, organisation_id=exchange.world.organisation.pk,
                               languages=["en"], available_slots=[0], max_meetings=None)
    operator_page = client_for(exchange.world.tokyo_operator).get(
        f"/manage/tokyo/rounds/{invited_only.pk}/").content.decode()
    assert "by invitation only" in operator_page


def test_cancelling_asks_for_a_reason_and_a_confirmation(exchange, meeting):
    client = client_for(exchange.world.owner)
    url = f"/rounds/{exchange.round.pk}/meetings/{meeting.pk}/"
    for incomplete in ({"cancel": "1"}, {"cancel": "1", "reason": "ill"}, {"cancel": "1", "confirm": "on"}):
        page = client.post(url, incomplete, follow=True).content.decode()
        assert "Say why you cancel, and tick the box to confirm." in page
    assert Meeting.objects.get().status == MeetingStatus.SCHEDULED


def test_the_one_who_cancelled_can_undo_it_for_a_few_minutes(exchange, meeting, django_capture_on_commit_callbacks):
    owner, other = client_for(exchange.world.owner), client_for(exchange.world.taipei_member)
    url = f"/rounds/{exchange.round.pk}/meetings/{meeting.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        page = owner.post(url, {"cancel": "1", "reason": "Flight delayed", "confirm": "on"}, follow=True)
    cancelled = Meeting.objects.get()
    assert (cancelled.status, cancelled.cancelled_reason, cancelled.sequence) == ("cancelled", "Flight delayed", 1)
    assert "Undo the cancellation" in page.content.decode()
    # The other side sees the cancellation, with the reason, in the agenda, the request list and the inbox.
    theirs = other.get(f"/rounds/{exchange.round.pk}/").content.decode()
    assert "Flight delayed" in theirs and "meeting cancelled" in theirs and "Undo the cancellation" not in theirs
    entry = Notification.objects.get(user=exchange.world.taipei_member)
    assert (entry.kind, entry.params["note"]) == ("meeting_cancelled", "Flight delayed")
    # Only the one who cancelled may take it back.
    assert "can no longer be undone" in other.post(url, {"undo_cancel": "1"}, follow=True).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        page = owner.post(url, {"undo_cancel": "1"}, follow=True).content.decode()
    restored = Meeting.objects.get()
    assert (restored.status, restored.sequence, restored.cancelled_reason) == ("scheduled", 2, "")
    assert "The meeting is back in both agendas." in page
    assert [n.kind for n in Notification.objects.filter(user=exchange.world.taipei_member)] == [
        "meeting_restored", "meeting_cancelled"]


def test_undo_closes_after_the_window_or_when_the_slot_was_taken(exchange, meeting):
    scheduling_domain.cancel_meeting(user=exchange.world.owner, meeting=meeting, reason="ill")
    Meeting.objects.filter(pk=meeting.pk).update(
        cancelled_at=meeting.cancelled_at - scheduling_domain.UNDO_WINDOW - dt.timedelta(seconds=1))
    with pytest.raises(ExchangeError, match="can no longer be undone"):
        scheduling_domain.undo_cancel(user=exchange.world.owner, meeting=meeting)

    Meeting.objects.filter(pk=meeting.pk).update(cancelled_at=meeting.cancelled_at)
    third = participant(exchange, "Third Co", "third@example.com", ["en"])
    newer = participation.respond(user=third.user, accept=True, request=participation.send_request(
        user=exchange.world.owner, sender=exchange.owner_reg, recipient=third))
    Meeting.objects.create(round=exchange.round, request=newer, slot=meeting.slot, table=1)
    with pytest.raises(ExchangeError, match="given to another meeting"):
        scheduling_domain.undo_cancel(user=exchange.world.owner, meeting=meeting)
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.CANCELLED


def test_the_dashboard_starts_with_the_next_meeting_and_what_waits(exchange, meeting):
    later = participant(exchange, "Asker Co", "asker@example.com", ["en"])
    participation.send_request(user=later.user, sender=later, recipient=exchange.owner_reg)
    found = today.next_meeting(exchange.world.owner)
    assert (found.meeting.pk, found.other.pk) == (meeting.pk, exchange.taipei_reg.pk)
    assert today.requests_to_answer(exchange.world.owner) == 1

    page = client_for(exchange.world.owner).get("/dashboard/").content.decode()
    assert "Your next meeting" in page and "Taipei Org" in page
    assert "1 thing waiting for you" in page and "meeting request to answer" in page
    # A meeting that has ended is no longer next.
    assert today.next_meeting(exchange.world.owner, now=meeting.ends_at) is None


def test_a_re_solve_keeps_each_published_meetings_interpreter_unless_allowed_to_change(exchange):
    from bridgehub.exchanges.domain.rounds import add_interpreter

    tw = participant(exchange, "Hsinchu Optics", "tw@example.com", ["zh"])
    jp = participant(exchange, "Kyoto Sensors", "jp@example.com", ["ja"])
    first = add_interpreter(user=exchange.world.tokyo_operator, round_=exchange.round, name="Lin",
                            languages=["zh", "ja"], available_slots=list(exchange.round.slots))
    agree(tw, jp)
    publish_now(exchange)
    held = Meeting.objects.get()
    assert held.interpreter == first
    add_interpreter(user=exchange.world.tokyo_operator, round_=exchange.round, name="Sato",
                    languages=["zh", "ja"], available_slots=list(exchange.round.slots))
    kept = scheduling_domain.build_instance(exchange.round)
    free = scheduling_domain.build_instance(exchange.round, keep_interpreters=False)
    assert [(row["pinned_slot"], row.get("pinned_interpreter")) for row in kept["requests"]] == [
        (held.slot, f"i{first.pk}")]
    assert [row.get("pinned_interpreter") for row in free["requests"]] == [None]
    run = scheduling_domain.run_scheduler(user=exchange.world.tokyo_operator, round_=exchange.round, time_limit=2)
    assert [p["interpreter"] for p in run.placements] == [first.pk]
    page = client_for(exchange.world.tokyo_operator).get(f"/manage/tokyo/rounds/{exchange.round.pk}/").content
    assert "Published meetings may get another interpreter" in page.decode()
    assert 'class="held published"' in page.decode()

"""From accepted requests to published meetings, re-solves with pins, agendas, calendars, the day."""

import datetime as dt

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from bridgehub.exchanges.domain import dayof, participation
from bridgehub.exchanges.domain import scheduling as scheduling_domain
from bridgehub.exchanges.domain.agenda import agenda_for, calendar_bytes
from bridgehub.exchanges.domain.rounds import ExchangeError, add_interpreter
from bridgehub.exchanges.enums import MeetingStatus, RoundStatus
from bridgehub.exchanges.models import Meeting, NoShowReport, Registration, Round, ScheduleRun
from tests.conftest import client_for, run_queued_tasks
from tests.exchanges.conftest import make_round, register
from tests.factories.core import OrganisationFactory, OrganisationHubFactory, OrganisationMembershipFactory, UserFactory


def participant(exchange, name, email, languages, zone="Asia/Tokyo", slots=None):
    org = OrganisationFactory(name=name)
    OrganisationHubFactory(organisation=org, hub=exchange.world.tokyo)
    user = UserFactory(email=email)
    OrganisationMembershipFactory(organisation=org, user=user)
    return register(user, exchange.round, org, languages, zone, slots)


def agree(a, b):
    request = participation.send_request(user=a.user, sender=a, recipient=b)
    return participation.respond(user=b.user, request=request, accept=True)


def publish_now(exchange):
    run = scheduling_domain.run_scheduler(user=exchange.world.tokyo_operator, round_=exchange.round, time_limit=5)
    scheduling_domain.publish(user=exchange.world.tokyo_operator, run=run)
    return run


def test_scheduling_needs_accepted_requests_and_an_operator_of_the_hub(exchange):
    with pytest.raises(ExchangeError, match="no accepted requests"):
        scheduling_domain.run_scheduler(user=exchange.world.tokyo_operator, round_=exchange.round)
    agree(exchange.owner_reg, exchange.taipei_reg)
    with pytest.raises(PermissionDenied):
        scheduling_domain.run_scheduler(user=exchange.world.taipei_operator, round_=exchange.round)
    assert not ScheduleRun.objects.exists()


def test_preview_then_publish_creates_meetings_and_sends_agendas_with_calendars(
        exchange, django_capture_on_commit_callbacks):
    agree(exchange.owner_reg, exchange.taipei_reg)
    run = scheduling_domain.run_scheduler(user=exchange.world.tokyo_operator, round_=exchange.round, time_limit=5)
    assert run.summary["meetings"] == 1 and run.summary["feasible"] is True
    assert not Meeting.objects.exists()  # a preview publishes nothing
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert scheduling_domain.publish(user=exchange.world.tokyo_operator, run=run) == 2
    assert mail.outbox == []  # the request only queued them
    assert run_queued_tasks() == 1  # the worker sends the agendas
    meeting = Meeting.objects.get()
    assert meeting.status == MeetingStatus.SCHEDULED
    exchange.round.refresh_from_db()
    assert exchange.round.status == RoundStatus.PUBLISHED
    assert sorted(m.to[0] for m in mail.outbox) == ["owner@example.com", "taipei-member@example.com"]
    assert all(m.attachments[0][0] == "agenda.ics" for m in mail.outbox)
    with pytest.raises(ExchangeError, match="already published"):
        scheduling_domain.publish(user=exchange.world.tokyo_operator, run=run)


def test_tokyo_and_taipei_see_the_same_meeting_in_their_own_time(exchange):
    agree(exchange.owner_reg, exchange.taipei_reg)
    exchange.owner_reg.available_slots = exchange.taipei_reg.available_slots = [0]
    Registration.objects.bulk_update([exchange.owner_reg, exchange.taipei_reg], ["available_slots"])
    publish_now(exchange)
    tokyo_entry = agenda_for(exchange.owner_reg)[0]
    taipei_entry = agenda_for(exchange.taipei_reg)[0]
    assert tokyo_entry.local_start.strftime("%H:%M %Z") == "10:00 JST"
    assert taipei_entry.local_start.strftime("%H:%M") == "09:00"
    assert taipei_entry.round_start.strftime("%H:%M") == "10:00"
    calendar = icalendar.Calendar.from_ical(calendar_bytes(exchange.taipei_reg, [taipei_entry]))
    event = next(iter(calendar.walk("VEVENT")))
    assert event["DTSTART"].params["TZID"] == "Asia/Taipei"
    assert event.decoded("DTSTART").strftime("%H:%M") == "09:00"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Taipei"]
    assert "10:00 in Asia/Tokyo" in str(event["DESCRIPTION"])


def test_pairs_without_a_common_language_get_an_interpreter(exchange):
    japanese_only = participant(exchange, "Osaka Care", "osaka@example.com", ["ja"])
    chinese_only = participant(exchange, "Tainan Sensors", "tainan@example.com", ["zh"], "Asia/Taipei")
    agree(japanese_only, chinese_only)
    run = scheduling_domain.run_scheduler(user=exchange.world.tokyo_operator, round_=exchange.round, time_limit=5)
    assert run.summary["meetings"] == 0 and run.summary["unplaceable"] == 1
    interpreter = add_interpreter(user=exchange.world.tokyo_operator, round_=exchange.round, name="Lin",
                                  languages=["zh", "ja"], available_slots=[2])
    publish_now(exchange)
    meeting = Meeting.objects.get()
    assert (meeting.slot, meeting.interpreter_id) == (2, interpreter.pk)


def test_re_solve_after_a_cancellation_never_moves_confirmed_meetings(exchange, django_capture_on_commit_callbacks):
    people = [participant(exchange, f"Org {i}", f"p{i}@example.com", ["en"]) for i in range(4)]
    for other in people:
        agree(exchange.owner_reg, other)
    agree(people[0], people[1])
    publish_now(exchange)
    before = {m.request_id: (m.slot, m.table, m.sequence) for m in Meeting.objects.all()}
    assert len(before) == 5  # owner meets 4 people in 4 slots; people 0 and 1 meet too
    cancelled = Meeting.objects.filter(request__recipient=people[3]).get()
    with django_capture_on_commit_callbacks(execute=True):
        scheduling_domain.cancel_meeting(user=exchange.world.owner, meeting=cancelled, reason="Flight delayed")
    assert Meeting.objects.get(pk=cancelled.pk).sequence == before[cancelled.request_id][2] + 1
    assert mail.outbox[-1].to == ["p3@example.com"]
    late = participant(exchange, "Late Org", "late@example.com", ["en"])
    agree(people[2], late)
    publish_now(exchange)
    after = {m.request_id: (m.slot, m.table, m.sequence) for m in Meeting.objects.exclude(pk=cancelled.pk)}
    for request_id, placement in before.items():
        if request_id != cancelled.request_id:
            assert after[request_id] == placement  # same slot, same table, no calendar update
    assert Meeting.objects.get(pk=cancelled.pk).status == MeetingStatus.CANCELLED
    assert len(after) == 5  # the late request was placed


def test_instance_problems_name_the_people_and_publish_nothing(exchange):
    agree(exchange.owner_reg, exchange.taipei_reg)
    publish_now(exchange)
    meeting = Meeting.objects.get()
    # A confirmed meeting whose person is no longer free in that slot (edited behind the rules' back).
    Registration.objects.filter(pk=exchange.owner_reg.pk).update(available_slots=[s for s in range(4)
                                                                                  if s != meeting.slot])
    with pytest.raises(ExchangeError) as error:
        scheduling_domain.run_scheduler(user=exchange.world.tokyo_operator, round_=exchange.round)
    assert "Secret Chips" in str(error.value)
    assert f"pinned to slot {meeting.slot}" in str(error.value)
    assert ScheduleRun.objects.count() == 1


def test_dropping_availability_under_a_meeting_is_refused(exchange):
    agree(exchange.owner_reg, exchange.taipei_reg)
    publish_now(exchange)
    slot = Meeting.objects.get().slot
    with pytest.raises(ExchangeError, match=f"meeting in slot {slot + 1}"):
        register(exchange.world.owner, exchange.round, exchange.world.organisation, ["en"], "Asia/Tokyo",
                 slots=[s for s in range(4) if s != slot])


def test_no_show_lowers_priority_in_later_rounds_and_feedback_marks_the_meeting_held(exchange):
    agree(exchange.owner_reg, exchange.taipei_reg)
    Meeting.objects.all().delete()
    exchange.round.starts_at = dt.datetime(2020, 1, 1, 1, 0, tzinfo=dt.UTC)  # the day is past
    exchange.round.save()
    publish_now(exchange)
    meeting = Meeting.objects.get()
    with pytest.raises(PermissionDenied):
        dayof.report_no_show(user=exchange.world.tokyo_member, meeting=meeting)
    dayof.report_no_show(user=exchange.world.owner, meeting=meeting)
    assert Meeting.objects.get().status == MeetingStatus.NO_SHOW
    feedback = dayof.give_feedback(user=exchange.world.owner, meeting=meeting, useful=False, next_step="none")
    assert feedback.useful is False
    later = make_round(exchange.programme, title="Next", start=dt.datetime(2027, 1, 14, 10, 0, tzinfo=dt.UTC))
    again = register(exchange.world.taipei_member, later, exchange.taipei_reg.organisation, ["en"], "Asia/Taipei")
    assert again.priority == 0.5
    mine = register(exchange.world.owner, later, exchange.world.organisation, ["en"], "Asia/Tokyo")
    assert mine.priority == 1.0
    request = participation.send_request(user=exchange.world.owner, sender=mine, recipient=again)
    assert request.status == "waiting_for_both"  # they met (well, were scheduled) before


def test_feedback_after_a_meeting_is_kept_and_replaced_on_a_second_click(exchange):
    agree(exchange.owner_reg, exchange.taipei_reg)
    publish_now(exchange)
    meeting = Meeting.objects.get()
    with pytest.raises(ExchangeError, match="Feedback opens when the meeting starts"):
        dayof.give_feedback(user=exchange.world.taipei_member, meeting=meeting, useful=True)
    the_day_is_past(exchange)
    meeting = Meeting.objects.get()
    dayof.give_feedback(user=exchange.world.taipei_member, meeting=meeting, useful=True, next_step="poc")
    dayof.give_feedback(user=exchange.world.taipei_member, meeting=meeting, useful=True, next_step="mou")
    assert list(meeting.feedback.values_list("next_step", flat=True)) == ["mou"]
    assert Meeting.objects.get().status == MeetingStatus.HELD
    with pytest.raises(ExchangeError):
        dayof.give_feedback(user=exchange.world.owner, meeting=meeting, useful=True, next_step="bogus")


def test_self_check_in_only_on_the_day_the_desk_any_time(exchange):
    with pytest.raises(ExchangeError, match="Check-in opens"):
        dayof.check_in(user=exchange.world.owner, registration=exchange.owner_reg)  # the round is a week away
    with pytest.raises(PermissionDenied):
        dayof.check_in(user=exchange.world.taipei_operator, registration=exchange.owner_reg)
    assert dayof.check_in(user=exchange.world.tokyo_operator, registration=exchange.owner_reg).checked_in_at
    exchange.round.starts_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=30)
    exchange.round.save()
    assert dayof.check_in(user=exchange.world.taipei_member, registration=exchange.taipei_reg).checked_in_at


def the_day_is_past(exchange):
    Round.objects.filter(pk=exchange.round.pk).update(starts_at=dt.datetime(2020, 1, 1, 1, 0, tzinfo=dt.UTC))


def test_the_absent_side_cannot_block_a_no_show_report(exchange):
    agree(exchange.owner_reg, exchange.taipei_reg)
    publish_now(exchange)
    the_day_is_past(exchange)
    meeting = Meeting.objects.get()
    # The absent side hurries to say the meeting took place...
    dayof.give_feedback(user=exchange.world.taipei_member, meeting=meeting, useful=True)
    assert Meeting.objects.get().status == MeetingStatus.HELD
    # ...the side who waited still reports the no-show, and it stands.
    dayof.report_no_show(user=exchange.world.owner, meeting=Meeting.objects.get())
    assert Meeting.objects.get().status == MeetingStatus.NO_SHOW
    assert NoShowReport.objects.get().absent_id == exchange.taipei_reg.pk
    with pytest.raises(ExchangeError, match="reported that you did not come"):
        dayof.give_feedback(user=exchange.world.taipei_member, meeting=Meeting.objects.get(), useful=True)
    assert Meeting.objects.get().status == MeetingStatus.NO_SHOW


def test_no_show_is_refused_against_someone_the_desk_checked_in(exchange):
    agree(exchange.owner_reg, exchange.taipei_reg)
    publish_now(exchange)
    the_day_is_past(exchange)
    dayof.check_in(user=exchange.world.tokyo_operator, registration=exchange.taipei_reg)
    with pytest.raises(ExchangeError, match="desk checked them in"):
        dayof.report_no_show(user=exchange.world.owner, meeting=Meeting.objects.get())
    assert not NoShowReport.objects.exists()


def test_a_self_check_in_does_not_protect_against_a_no_show_report(exchange):
    agree(exchange.owner_reg, exchange.taipei_reg)
    publish_now(exchange)
    Round.objects.filter(pk=exchange.round.pk).update(
        starts_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5))
    dayof.check_in(user=exchange.world.taipei_member, registration=Registration.objects.get(pk=exchange.taipei_reg.pk))
    dayof.report_no_show(user=exchange.world.owner, meeting=Meeting.objects.get())
    assert NoShowReport.objects.count() == 1


def test_publishing_a_stale_preview_asks_for_a_new_run(exchange):
    from bridgehub.exchanges.domain import rounds
    from bridgehub.exchanges.models import Interpreter


    # The pair shares no language: the preview needs the interpreter.
    Registration.objects.filter(pk=exchange.owner_reg.pk).update(languages=["ja"])
    Registration.objects.filter(pk=exchange.taipei_reg.pk).update(languages=["zh"])
    rounds.add_interpreter(user=exchange.world.tokyo_operator, round_=exchange.round, name="Chen",
                           languages=["zh", "ja"], available_slots=[])
    agree(Registration.objects.get(pk=exchange.owner_reg.pk), Registration.objects.get(pk=exchange.taipei_reg.pk))
    run = scheduling_domain.run_scheduler(user=exchange.world.tokyo_operator, round_=exchange.round, time_limit=3)
    assert run.placements[0]["interpreter"] is not None
    rounds.remove_interpreter(user=exchange.world.tokyo_operator, interpreter=Interpreter.objects.get())
    with pytest.raises(ExchangeError, match=r"The round changed since this preview \(an interpreter it uses was "
                                            r"removed\): run the optimiser again"):
        scheduling_domain.publish(user=exchange.world.tokyo_operator, run=run)
    assert not Meeting.objects.exists()


def test_publishing_after_the_tables_shrank_asks_for_a_new_run(exchange, world):
    agree(exchange.owner_reg, exchange.taipei_reg)
    run = scheduling_domain.run_scheduler(user=world.tokyo_operator, round_=exchange.round, time_limit=3)
    Round.objects.filter(pk=exchange.round.pk).update(tables=1)
    response = client_for(world.tokyo_operator).post(f"/manage/tokyo/rounds/{exchange.round.pk}/action/",
                                                     {"action": "publish", "run": run.pk}, follow=True)
    assert response.status_code == 200
    assert "The round changed since this preview" in response.content.decode()
    assert not Meeting.objects.exists()

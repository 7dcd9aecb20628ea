"""A round's accepted requests → the scheduling engine → a preview → published meetings.

Weights: 1 per accepted request, 2 when both sides asked, times the lower no-show priority of the
two (so people who skipped meetings before are placed after those who came). Published meetings
are pinned: a re-solve after late changes never moves them, and they keep their table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bridgehub.engines.scheduling.instance import InstanceError, parse_instance
from bridgehub.engines.scheduling.solve import solve
from bridgehub.exchanges.domain import notify
from bridgehub.exchanges.domain.queries import latest_run
from bridgehub.exchanges.domain.rounds import ExchangeError, check_operator
from bridgehub.exchanges.enums import MeetingStatus, RequestStatus, RoundStatus
from bridgehub.exchanges.models import Interpreter, Meeting, MeetingRequest, Registration, Round, ScheduleRun


def accepted_requests(round_: Round) -> list[MeetingRequest]:
    """Accepted requests between confirmed participants, minus those whose meeting was cancelled."""
    return list(
        MeetingRequest.objects.filter(round=round_, status=RequestStatus.ACCEPTED, sender__confirmed=True,
                                      recipient__confirmed=True)
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .select_related("sender", "recipient").order_by("pk")
    )


def build_instance(round_: Round, *, keep_interpreters: bool = True) -> dict[str, Any]:
    """The round in the engine's instance format (participants `r<registration id>`, interpreters `i<id>`).

    Published meetings keep their slot, and their interpreter too unless `keep_interpreters` is off (the
    operator allowed changes) or that interpreter is no longer there in the slot."""
    requests = accepted_requests(round_)
    pool = list(Interpreter.objects.filter(round=round_).order_by("pk"))
    available = {i.pk: set(i.available_slots) for i in pool}
    # Every meeting not cancelled is confirmed (held and no-show ones included): pin it.
    published = Meeting.objects.filter(round=round_).exclude(status=MeetingStatus.CANCELLED)
    pins = {}
    kept = {}
    for request_id, slot, interpreter_id in published.values_list("request_id", "slot", "interpreter_id"):
        pins[request_id] = slot
        if keep_interpreters and interpreter_id is not None and slot in available.get(interpreter_id, ()):
            kept[request_id] = f"i{interpreter_id}"
    people: dict[int, Registration] = {}
    for request in requests:
        people[request.sender_id] = request.sender
        people[request.recipient_id] = request.recipient
    participants = []
    for registration in sorted(people.values(), key=lambda r: r.pk):
        row: dict[str, Any] = {"id": registration.engine_id, "languages": registration.languages,
                               "available": registration.available_slots}
        if registration.max_meetings is not None:
            row["max_meetings"] = registration.max_meetings
        participants.append(row)
    rows = []
    for request in requests:
        weight = (2 if request.mutual else 1) * min(request.sender.priority, request.recipient.priority)
        row = {"a": request.sender.engine_id, "b": request.recipient.engine_id, "weight": round(weight, 3),
               "request": request.pk}
        if request.pk in pins:
            row["pinned_slot"] = pins[request.pk]
        if request.pk in kept:
            row["pinned_interpreter"] = kept[request.pk]
        rows.append(row)
    return {
        "format": "bridgehub-schedule-instance/1",
        "round": round_.pk,
        "slots": round_.slot_count,
        "tables": round_.tables,
        "coverage_bonus": round_.coverage_bonus,
        "participants": participants,
        "interpreters": [{"id": f"i{i.pk}", "languages": i.languages, "available": i.available_slots}
                         for i in pool],
        "requests": rows,
    }


def _problem_for_people(problem: str, round_: Round) -> str:
    """Engine ids (r12, i3) → names an operator recognises."""
    names = {r.engine_id: f"{r.user} ({r.organisation.name})"
             for r in Registration.objects.filter(round=round_).select_related("user", "organisation")}
    names |= {f"i{i.pk}": i.name for i in Interpreter.objects.filter(round=round_)}
    for engine_id, name in sorted(names.items(), key=lambda item: -len(item[0])):
        problem = problem.replace(f"'{engine_id}'", name).replace(engine_id, name)
    return problem


def run_scheduler(*, user: Any, round_: Round, time_limit: float = 10.0,
                  keep_interpreters: bool = True) -> ScheduleRun:
    """Solve the round now and keep the result as a preview (nothing is published or sent).

    Published meetings keep slot and table; they keep their interpreter too unless the operator allows
    changes (`keep_interpreters=False`)."""
    check_operator(user, round_.programme.hub)
    if round_.status not in (RoundStatus.OPEN, RoundStatus.PUBLISHED):
        raise ExchangeError(_("Open the round before scheduling it."))
    data = build_instance(round_, keep_interpreters=keep_interpreters)
    if not data["requests"]:
        raise ExchangeError(_("There are no accepted requests to schedule yet."))
    request_ids = [row["request"] for row in data["requests"]]
    try:
        result = solve(parse_instance(data), time_limit=time_limit, fairness=round_.gap_spread,
                       threads=settings.CONFIG.solver_threads)
    except InstanceError as error:
        raise ExchangeError("; ".join(_problem_for_people(p, round_) for p in error.problems)) from error
    by_pair = {frozenset((row["a"], row["b"])): request_id for row, request_id in zip(data["requests"], request_ids,
                                                                                         strict=True)}
    placements = [
        {"request": by_pair[m.pair], "slot": m.slot, "table": m.table,
         "interpreter": int(m.interpreter[1:]) if m.interpreter else None}
        for m in result.meetings
    ]
    summary = result.summary() | {
        "input_hash": input_hash(data),
        "requests": len(request_ids),
        "participants": len(data["participants"]),
        "gaps": {key: value for key, value in sorted(result.breaks_per_person.items()) if value},
        "keep_interpreters": keep_interpreters,
    }
    return ScheduleRun.objects.create(round=round_, created_by=user, time_limit=time_limit, summary=summary,
                                      placements=placements)


def input_hash(data: dict[str, Any]) -> str:
    """A fingerprint of what the optimiser was given: publishing checks the round still looks the same."""
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def stale_preview_reasons(run: ScheduleRun) -> list[str]:
    """Why a preview no longer fits its round (empty when it still does)."""
    round_ = run.round
    reasons = []
    pool = set(Interpreter.objects.filter(round=round_).values_list("pk", flat=True))
    if any(p["interpreter"] is not None and p["interpreter"] not in pool for p in run.placements):
        reasons.append(_("an interpreter it uses was removed"))
    busiest = max(Counter(p["slot"] for p in run.placements).values(), default=0)
    if busiest > round_.tables or any(p["table"] >= round_.tables for p in run.placements):
        reasons.append(ngettext("the round now has %(tables)s table", "the round now has %(tables)s tables",
                                round_.tables) % {"tables": round_.tables})
    if any(p["slot"] >= round_.slot_count for p in run.placements):
        reasons.append(ngettext("the round now has %(slots)s slot", "the round now has %(slots)s slots",
                                round_.slot_count) % {"slots": round_.slot_count})
    accepted = {r.pk for r in accepted_requests(round_)}
    if any(p["request"] not in accepted for p in run.placements):
        reasons.append(_("a request in it was withdrawn or a meeting cancelled"))
    rebuilt = build_instance(round_, keep_interpreters=run.summary.get("keep_interpreters", True))
    if not reasons and run.summary.get("input_hash") not in (None, input_hash(rebuilt)):
        reasons.append(_("requests, availability, tables or interpreters changed"))
    return reasons


def _seat_around_pins(round_: Round, placements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Confirmed meetings keep their table; new ones take the free tables of their slot."""
    kept = {m.request_id: m.table
            for m in Meeting.objects.filter(round=round_).exclude(status=MeetingStatus.CANCELLED)}
    taken: dict[int, set[int]] = {}
    for p in placements:
        if p["request"] in kept:
            taken.setdefault(p["slot"], set()).add(kept[p["request"]])
    seated = []
    for p in sorted(placements, key=lambda p: (p["slot"], p["request"])):
        table = kept.get(p["request"])
        if table is None:
            used = taken.setdefault(p["slot"], set())
            table = next(t for t in range(round_.tables) if t not in used)
            used.add(table)
        seated.append({**p, "table": table})
    return seated


def publish(*, user: Any, run: ScheduleRun, notify_people: bool = True) -> int:
    """Publish a preview: create and update meetings, mark the round published.

    Side effects: Meeting rows (iCalendar SEQUENCE bumped on every change), the round's status; an
    e-mail with the agenda to everyone whose meetings changed, after commit. Returns that count.
    """
    round_ = run.round
    check_operator(user, round_.programme.hub)
    with transaction.atomic():
        latest = latest_run(round_)
        if latest is None or latest.pk != run.pk:
            raise ExchangeError(_("A newer preview exists: publish that one."))
        if run.published_at is not None:
            raise ExchangeError(_("This preview is already published."))
        reasons = stale_preview_reasons(run)
        if reasons:
            raise ExchangeError(_("The round changed since this preview (%(reasons)s): run the optimiser again, "
                                  "then publish the new preview.") % {"reasons": "; ".join(reasons)})
        existing = {m.request_id: m for m in Meeting.objects.select_for_update().filter(round=round_)}
        changed: set[int] = set()
        for p in _seat_around_pins(round_, run.placements):
            meeting = existing.get(p["request"])
            if meeting is None:
                meeting = Meeting(round=round_, request_id=p["request"], slot=p["slot"], table=p["table"],
                                  interpreter_id=p["interpreter"])
                meeting.save()
            elif (meeting.slot, meeting.table, meeting.interpreter_id) != (p["slot"], p["table"], p["interpreter"]):
                meeting.slot, meeting.table, meeting.interpreter_id = p["slot"], p["table"], p["interpreter"]
                meeting.sequence += 1
                meeting.save()
            else:
                continue
            changed.add(meeting.pk)
        run.published_at = timezone.now()
        run.save(update_fields=["published_at"])
        round_.status = RoundStatus.PUBLISHED
        round_.published_at = run.published_at
        round_.save(update_fields=["status", "published_at"])
        people = set(Registration.objects.filter(
            Q(sent_requests__meeting__pk__in=changed) | Q(received_requests__meeting__pk__in=changed)
        ).values_list("pk", flat=True))
        if notify_people:  # one mail per person with an .ics: the worker sends them, not this request
            transaction.on_commit(lambda: _queue_agenda_mails(round_.pk, sorted(people)))
    return len(people)


def _queue_agenda_mails(round_id: int, registration_ids: list[int]) -> None:
    from bridgehub.exchanges.tasks import agenda_mail_task

    if registration_ids:
        agenda_mail_task.enqueue(round_id, registration_ids)


UNDO_WINDOW = dt.timedelta(minutes=10)


def cancel_meeting(*, user: Any, meeting: Meeting, reason: str = "") -> Meeting:
    """Either side (or an operator) cancels. Side effects: status, SEQUENCE, who and when (for undo);
    e-mail and an inbox entry to the other side after commit."""
    sides = {meeting.request.sender.user_id, meeting.request.recipient.user_id}
    if user.pk not in sides:
        check_operator(user, meeting.round.programme.hub)
    if meeting.status != MeetingStatus.SCHEDULED:
        raise ExchangeError(_("Only a scheduled meeting can be cancelled."))
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancelled_reason = reason
    meeting.cancelled_at = timezone.now()
    meeting.cancelled_by = user
    meeting.sequence += 1
    with transaction.atomic():
        meeting.save()
        transaction.on_commit(lambda: notify.meeting_cancelled(meeting, by_user_id=user.pk))
    return meeting


def can_undo_cancel(user: Any, meeting: Meeting, now: dt.datetime | None = None) -> bool:
    """Only the person who cancelled, within UNDO_WINDOW, and before the meeting starts."""
    now = now or timezone.now()
    return (meeting.status == MeetingStatus.CANCELLED and meeting.cancelled_at is not None
            and meeting.cancelled_by_id == user.pk and now < meeting.cancelled_at + UNDO_WINDOW
            and now < meeting.starts_at)


def _slot_taken(meeting: Meeting) -> bool:
    """Whether the table, either person or the interpreter got another meeting in the slot meanwhile."""
    sender_id, recipient_id = meeting.request.sender_id, meeting.request.recipient_id
    same_slot = (Meeting.objects.filter(round=meeting.round, slot=meeting.slot)
                 .exclude(pk=meeting.pk).exclude(status=MeetingStatus.CANCELLED))
    clash = Q(table=meeting.table) | Q(request__sender_id__in=[sender_id, recipient_id]) | Q(
        request__recipient_id__in=[sender_id, recipient_id])
    if meeting.interpreter_id is not None:
        clash |= Q(interpreter_id=meeting.interpreter_id)
    return same_slot.filter(clash).exists()


def undo_cancel(*, user: Any, meeting: Meeting) -> Meeting:
    """Take back one's own cancellation within the undo window, if the slot is still free.

    Side effects: the meeting is scheduled again with a higher SEQUENCE (calendars update in place);
    the other side is told after commit."""
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().select_related(
            "round", "request__sender", "request__recipient").get(pk=meeting.pk)
        if not can_undo_cancel(user, meeting):
            raise ExchangeError(_("This cancellation can no longer be undone."))
        if _slot_taken(meeting):
            raise ExchangeError(_("The slot was given to another meeting meanwhile; ask for a new meeting instead."))
        meeting.status = MeetingStatus.SCHEDULED
        meeting.cancelled_reason = ""
        meeting.cancelled_at = None
        meeting.cancelled_by = None
        meeting.sequence += 1
        meeting.save()
        transaction.on_commit(lambda: notify.meeting_restored(meeting, by_user_id=user.pk))
    return meeting

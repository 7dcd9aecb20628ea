"""E-mails about requests and schedules, sent after the transaction that caused them commits.

We do not store a reading language per person yet, so every message carries all three interface
languages (as the directory's decision e-mails do). Each function reloads what it needs and quietly
does nothing when the rows are gone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.utils.translation import gettext as _

from bridgehub.common.mail import send_trilingual
from bridgehub.exchanges.models import Meeting, MeetingRequest, Registration, Round


def each(send: Callable[[MeetingRequest], None], requests: Iterable[MeetingRequest]) -> None:
    for request in requests:
        send(request)


def _pair(request: MeetingRequest) -> dict[str, str]:
    return {"sender": f"{request.sender.user} ({request.sender.organisation.name})",
            "recipient": f"{request.recipient.user} ({request.recipient.organisation.name})",
            "round": request.round.title}


def _reload(request: MeetingRequest) -> MeetingRequest | None:
    return (MeetingRequest.objects.select_related("round", "sender__user", "sender__organisation",
                                                  "recipient__user", "recipient__organisation")
            .filter(pk=request.pk).first())


def request_received(request: MeetingRequest) -> None:
    found = _reload(request)
    if found is None:
        return
    names = _pair(found)
    send_trilingual(lambda: _("Meeting request from %(sender)s") % names,
                    lambda: _("%(sender)s asks to meet you in %(round)s. Answer on your round page before the request "
                              "expires.") % names + (f"\n\n{found.note}" if found.note else ""),
                    [found.recipient.user.email])


def request_answered(request: MeetingRequest) -> None:
    found = _reload(request)
    if found is None:
        return
    names = _pair(found)
    if found.status == "accepted":
        send_trilingual(lambda: _("Meeting agreed: %(sender)s and %(recipient)s") % names,
                        lambda: _("%(sender)s and %(recipient)s agreed to meet in %(round)s. The hub will place "
                                  "the meeting in the schedule.") % names,
                        [found.sender.user.email, found.recipient.user.email])
    else:
        send_trilingual(lambda: _("Meeting request declined by %(recipient)s") % names,
                        lambda: _("%(recipient)s declined your request in %(round)s (%(reason)s).")
                        % (names | {"reason": found.get_decline_reason_display()}),
                        [found.sender.user.email])


def request_expired(request: MeetingRequest) -> None:
    found = _reload(request)
    if found is None:
        return
    names = _pair(found)
    send_trilingual(lambda: _("Meeting request expired: %(recipient)s") % names,
                    lambda: _("Your request to %(recipient)s in %(round)s expired without an answer.") % names,
                    [found.sender.user.email])


def request_reminder(request: MeetingRequest) -> None:
    found = _reload(request)
    if found is None:
        return
    names = _pair(found)
    send_trilingual(lambda: _("Reminder: %(sender)s is waiting for your answer") % names,
                    lambda: _("%(sender)s asked to meet you in %(round)s. The request expires within a day.") % names,
                    [found.recipient.user.email])


def agenda_changed(round_: Round, registration_ids: list[int]) -> None:
    """Each person whose meetings are new or moved gets their agenda and an .ics of it."""
    from bridgehub.exchanges.domain.agenda import agenda_for, calendar_bytes

    for registration in Registration.objects.filter(pk__in=registration_ids).select_related("user", "round"):
        entries = agenda_for(registration)

        def body(entries=entries, zone=registration.time_zone) -> str:
            lines = [_("Your meetings in %(round)s (times in %(zone)s):") % {"round": round_.title, "zone": zone}]
            for entry in entries:
                if not entry.cancelled:
                    lines.append(f"{entry.local_start:%Y-%m-%d %H:%M} – {entry.local_end:%H:%M}  "
                                 f"{entry.other.organisation.name} ({entry.other.user}), "
                                 + _("Table %(table)d") % {"table": entry.table})
            return "\n".join(lines)

        send_trilingual(lambda: _("Your schedule for %(round)s") % {"round": round_.title}, body,
                        [registration.user.email],
                        [("agenda.ics", calendar_bytes(registration, entries), "text/calendar")])


def meeting_cancelled(meeting: Meeting, *, by_user_id: int) -> None:
    found = Meeting.objects.select_related("request__sender__user", "request__recipient__user",
                                           "request__sender__organisation", "request__recipient__organisation",
                                           "round").filter(pk=meeting.pk).first()
    if found is None:
        return
    names = _pair(found.request)
    to = [side.user.email for side in found.sides if side.user_id != by_user_id]
    send_trilingual(lambda: _("Meeting cancelled: %(sender)s and %(recipient)s") % names,
                    lambda: _("The meeting of %(sender)s and %(recipient)s in %(round)s was cancelled.") % names
                    + (f"\n\n{found.cancelled_reason}" if found.cancelled_reason else ""), to)


def carried_over(round_: Round, user_ids: list[int]) -> None:
    for registration in Registration.objects.filter(round=round_, user_id__in=user_ids).select_related("user"):
        send_trilingual(lambda: _("You are invited to %(round)s") % {"round": round_.title},
                        lambda: _("You took part in the previous round, so you are invited to %(round)s. Confirm your "
                                  "availability on the round page to take part.") % {"round": round_.title},
                        [registration.user.email])

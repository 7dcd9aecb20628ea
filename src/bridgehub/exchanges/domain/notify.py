"""E-mails and inbox entries about requests and schedules, after the transaction that caused them commits.

Each e-mail is written in its recipient's language (`send_to_people` calls the text functions once per
recipient, so the round's title is read there) and links to the page where they act. Each function
reloads what it needs and quietly does nothing when the rows are gone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bridgehub.accounts.domain.inbox import notify as to_inbox
from bridgehub.accounts.domain.mailing import send_to_people
from bridgehub.accounts.enums import MailTopic
from bridgehub.accounts.enums import NotificationKind as Kind
from bridgehub.accounts.inbox_texts import every_language
from bridgehub.common.timezones import zone_name
from bridgehub.exchanges.models import Meeting, MeetingRequest, Registration, Round
from bridgehub.trust.domain.delivery import deliverable_note, note_for_mail


def each(send: Callable[[MeetingRequest], None], requests: Iterable[MeetingRequest]) -> None:
    for request in requests:
        send(request)


def _pair(request: MeetingRequest) -> dict[str, str]:
    return {"sender": f"{request.sender.user} ({request.sender.organisation.name})",
            "recipient": f"{request.recipient.user} ({request.recipient.organisation.name})",
            "round": request.round.label_for(get_language())}


def _for_inbox(names: dict[str, str], request: MeetingRequest) -> dict:
    """The names of an e-mail, with the round's title in every language (the inbox is read later, in any)."""
    return names | {"round": request.round.titles()}


def _people(request: MeetingRequest) -> list[int]:
    return [request.sender.user_id, request.recipient.user_id]


def _round_url(round_id: int, anchor: str = "") -> str:
    return reverse("web:round", kwargs={"round_id": round_id}) + (f"#{anchor}" if anchor else "")


def _reload(request: MeetingRequest) -> MeetingRequest | None:
    return (MeetingRequest.objects.select_related("round", "sender__user", "sender__organisation",
                                                  "recipient__user", "recipient__organisation")
            .filter(pk=request.pk).first())


def request_received(request: MeetingRequest) -> None:
    found = _reload(request)
    if found is None:
        return
    names = _pair(found)
    note = deliverable_note(found.note, found.screen_outcome)
    send_to_people(lambda: _("Meeting request from %(sender)s") % _pair(found),
                   lambda: _("%(sender)s asks to meet you in %(round)s. Answer on your round page before the request "
                             "expires.") % _pair(found) + note_for_mail(found.note, found.screen_outcome),
                   [found.recipient.user.email], topic=MailTopic.MEETING_REQUESTS,
                   link=_round_url(found.round_id, "incoming"))
    to_inbox([found.recipient.user_id], Kind.MEETING_REQUESTED, _round_url(found.round_id, "incoming"),
             mentions=_people(found), **_for_inbox(names, found), note=note)


def request_answered(request: MeetingRequest) -> None:
    found = _reload(request)
    if found is None:
        return
    names = _pair(found)
    if found.status == "accepted":
        send_to_people(lambda: _("Meeting agreed: %(sender)s and %(recipient)s") % _pair(found),
                       lambda: _("%(sender)s and %(recipient)s agreed to meet in %(round)s. The hub will place "
                                 "the meeting in the schedule.") % _pair(found),
                       [found.sender.user.email, found.recipient.user.email], topic=MailTopic.MEETING_REQUESTS,
                       link=_round_url(found.round_id))
        to_inbox([found.sender.user_id, found.recipient.user_id], Kind.MEETING_AGREED,
                 _round_url(found.round_id, "outgoing"), mentions=_people(found), **_for_inbox(names, found))
    else:
        send_to_people(lambda: _("Meeting request declined by %(recipient)s") % _pair(found),
                       lambda: _("%(recipient)s declined your request in %(round)s (%(reason)s).")
                       % (_pair(found) | {"reason": found.get_decline_reason_display()}),
                       [found.sender.user.email], topic=MailTopic.MEETING_REQUESTS,
                       link=_round_url(found.round_id, "outgoing"))
        to_inbox([found.sender.user_id], Kind.MEETING_DECLINED, _round_url(found.round_id, "outgoing"),
                 mentions=_people(found), **_for_inbox(names, found))


def request_expired(request: MeetingRequest) -> None:
    found = _reload(request)
    if found is None:
        return
    names = _pair(found)
    send_to_people(lambda: _("Meeting request expired: %(recipient)s") % _pair(found),
                   lambda: _("Your request to %(recipient)s in %(round)s expired without an answer.") % _pair(found),
                   [found.sender.user.email], topic=MailTopic.MEETING_REQUESTS,
                   link=_round_url(found.round_id, "outgoing"))
    to_inbox([found.sender.user_id], Kind.REQUEST_EXPIRED, _round_url(found.round_id, "outgoing"),
             mentions=_people(found), **_for_inbox(names, found))


def request_reminder(request: MeetingRequest) -> None:
    found = _reload(request)
    if found is None:
        return
    names = _pair(found)
    send_to_people(lambda: _("Reminder: %(sender)s is waiting for your answer") % _pair(found),
                   lambda: _("%(sender)s asked to meet you in %(round)s. The request expires within a day.")
                   % _pair(found), [found.recipient.user.email], topic=MailTopic.REMINDERS,
                   link=_round_url(found.round_id, "incoming"))
    to_inbox([found.recipient.user_id], Kind.REQUEST_REMINDER, _round_url(found.round_id, "incoming"),
             mentions=_people(found), **_for_inbox(names, found))


def agenda_changed(round_: Round, registration_ids: list[int]) -> None:
    """Each person whose meetings are new or moved gets their agenda and an .ics of it."""
    from bridgehub.exchanges.domain.agenda import agenda_for, calendar_bytes

    for registration in Registration.objects.filter(pk__in=registration_ids).select_related("user", "round"):
        entries = agenda_for(registration)

        def body(entries=entries, zone=registration.user.time_zone) -> str:
            title = round_.label_for(get_language())
            lines = [_("Your meetings in %(round)s (times in %(zone)s):") % {"round": title, "zone": zone_name(zone)}]
            for entry in entries:
                if not entry.cancelled:
                    lines.append(f"{entry.local_start:%Y-%m-%d %H:%M} – {entry.local_end:%H:%M}  "
                                 f"{entry.other.organisation.name} ({entry.other.user}), "
                                 + _("Table %(table)d") % {"table": entry.table})
            return "\n".join(lines)

        send_to_people(lambda: _("Your schedule for %(round)s") % {"round": round_.label_for(get_language())}, body,
                       [registration.user.email], topic=MailTopic.SCHEDULE, link=_round_url(round_.pk, "agenda"),
                       attachments=[("agenda.ics", calendar_bytes(registration, entries), "text/calendar")])
        to_inbox([registration.user_id], Kind.AGENDA_CHANGED, _round_url(round_.pk, "agenda"), round=round_.titles())


def _load_meeting(meeting: Meeting) -> Meeting | None:
    return Meeting.objects.select_related("request__sender__user", "request__recipient__user",
                                          "request__sender__organisation", "request__recipient__organisation",
                                          "round").filter(pk=meeting.pk).first()


def _tell_the_others(found: Meeting, by_user_id: int, kind: str) -> None:
    """Inbox entries for the sides who did not act, each naming the other side and who acted."""
    sender, recipient = found.sides
    by: str | dict[str, str] = next((str(side.user) for side in found.sides if side.user_id == by_user_id),
                                    "") or every_language(lambda: _("the hub"))
    for side, other in ((sender, recipient), (recipient, sender)):
        if side.user_id != by_user_id:
            to_inbox([side.user_id], kind, _round_url(found.round_id, "agenda"), mentions=_people(found.request),
                     by=by, round=found.round.titles(), other=f"{other.user} ({other.organisation.name})",
                     note=found.cancelled_reason)


def meeting_cancelled(meeting: Meeting, *, by_user_id: int) -> None:
    found = _load_meeting(meeting)
    if found is None:
        return
    to = [side.user.email for side in found.sides if side.user_id != by_user_id]
    send_to_people(lambda: _("Meeting cancelled: %(sender)s and %(recipient)s") % _pair(found.request),
                   lambda: _("The meeting of %(sender)s and %(recipient)s in %(round)s was cancelled.")
                   % _pair(found.request) + (f"\n\n{found.cancelled_reason}" if found.cancelled_reason else ""), to,
                   topic=MailTopic.SCHEDULE, link=_round_url(found.round_id, "agenda"))
    _tell_the_others(found, by_user_id, Kind.MEETING_CANCELLED)


def meeting_restored(meeting: Meeting, *, by_user_id: int) -> None:
    found = _load_meeting(meeting)
    if found is None:
        return
    to = [side.user.email for side in found.sides if side.user_id != by_user_id]
    send_to_people(lambda: _("Meeting on again: %(sender)s and %(recipient)s") % _pair(found.request),
                   lambda: _("The cancellation was taken back: the meeting of %(sender)s and %(recipient)s in "
                             "%(round)s takes place as planned.") % _pair(found.request), to,
                   topic=MailTopic.SCHEDULE, link=_round_url(found.round_id, "agenda"))
    _tell_the_others(found, by_user_id, Kind.MEETING_RESTORED)


def carried_over(round_: Round, user_ids: list[int]) -> None:
    for registration in Registration.objects.filter(round=round_, user_id__in=user_ids).select_related("user"):
        def title() -> dict[str, str]:
            return {"round": round_.label_for(get_language())}

        send_to_people(lambda: _("You are invited to %(round)s") % title(),
                       lambda: _("You took part in the previous round, so you are invited to %(round)s. Confirm your "
                                 "availability on the round page to take part.") % title(),
                       [registration.user.email], topic=MailTopic.ROUND_INVITATIONS, link=_round_url(round_.pk))
        to_inbox([registration.user_id], Kind.ROUND_INVITATION, _round_url(round_.pk), round=round_.titles())

"""A participant's agenda in their own time zone, and the same as iCalendar.

Events carry the participant's zone as TZID (with its VTIMEZONE), so a Taipei member's calendar shows
09:00 for a 10:00 Tokyo meeting, and the description names the round's own local time. A meeting's
UID never changes and its SEQUENCE grows with every change, so calendar apps update the event in
place, and a cancellation arrives as STATUS:CANCELLED rather than a silent disappearance.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, replace

import icalendar
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bridgehub.exchanges.domain.queries import meetings_of
from bridgehub.exchanges.domain.scheduling import can_undo_cancel
from bridgehub.exchanges.enums import MeetingStatus
from bridgehub.exchanges.models import Meeting, Registration


@dataclass(frozen=True)
class AgendaEntry:
    meeting: Meeting
    other: Registration
    local_start: dt.datetime  # in the participant's zone
    local_end: dt.datetime
    round_start: dt.datetime  # in the round's zone
    table: int  # shown 1-based
    interpreter: str
    undoable: bool = False  # this person cancelled it a moment ago and may take it back
    free_before: int = 0  # minutes free since this person's previous meeting that day (0: back to back)

    @property
    def cancelled(self) -> bool:
        return self.meeting.status == MeetingStatus.CANCELLED


def agenda_for(registration: Registration, zone_name: str | None = None) -> list[AgendaEntry]:
    """The person's meetings in the round, times in their own zone (the one in their settings)."""
    zone = zoneinfo.ZoneInfo(zone_name or registration.user.time_zone)
    entries = []
    for meeting in meetings_of(registration):
        sender, recipient = meeting.sides
        other = recipient if sender.pk == registration.pk else sender
        start, end = meeting.starts_at, meeting.ends_at
        entries.append(AgendaEntry(
            meeting=meeting, other=other,
            local_start=timezone.localtime(start, zone), local_end=timezone.localtime(end, zone),
            round_start=timezone.localtime(start, meeting.round.zone),
            table=meeting.table + 1,
            interpreter=meeting.interpreter.name if meeting.interpreter else "",
            undoable=can_undo_cancel(registration.user, meeting),
        ))
    return _with_free_time(entries)


def _with_free_time(entries: list[AgendaEntry]) -> list[AgendaEntry]:
    """Mark the free time before each meeting since the previous one held on the same day."""
    marked, previous_end = [], None
    for entry in sorted(entries, key=lambda e: e.meeting.starts_at):
        free = 0
        if not entry.cancelled:
            if previous_end is not None and previous_end.date() == entry.local_start.date():
                free = max(0, int((entry.local_start - previous_end).total_seconds() // 60))
            previous_end = entry.local_end
        marked.append(replace(entry, free_before=free))
    return marked


@dataclass(frozen=True)
class DaySummary:
    meetings: int
    starts: dt.datetime
    ends: dt.datetime
    waits: int  # free stretches between two meetings
    free_minutes: int


def day_summary(entries: list[AgendaEntry]) -> DaySummary | None:
    """The shape of the person's day: how many meetings, from when to when, how much waiting."""
    held = [e for e in entries if not e.cancelled]
    if not held:
        return None
    waits = [e.free_before for e in held if e.free_before]
    return DaySummary(len(held), held[0].local_start, held[-1].local_end, len(waits), sum(waits))


def _event(entry: AgendaEntry, zone: zoneinfo.ZoneInfo) -> icalendar.Event:
    meeting, round_ = entry.meeting, entry.meeting.round
    event = icalendar.Event()
    event.add("uid", f"bridgehub-meeting-{meeting.pk}@{round_.programme.hub.slug}")
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", meeting.updated_at.astimezone(dt.UTC))
    event.add("dtstart", entry.local_start.astimezone(zone))
    event.add("dtend", entry.local_end.astimezone(zone))
    event.add("summary", _("Meeting: %(organisation)s (%(person)s)")
              % {"organisation": entry.other.organisation.name, "person": entry.other.user})
    language = get_language()
    where = [round_.venue_for(language), _("Table %(table)d") % {"table": entry.table}] if round_.venue else [
        _("Table %(table)d") % {"table": entry.table}]
    event.add("location", ", ".join(where))
    lines = [
        round_.label_for(language),
        _("%(time)s in %(zone)s (the round's time zone)") % {
            "time": entry.round_start.strftime("%Y-%m-%d %H:%M"), "zone": round_.time_zone},
    ]
    if entry.interpreter:
        lines.append(_("Interpreter: %(name)s") % {"name": entry.interpreter})
    if round_.online_link:
        lines.append(round_.online_link)
        event.add("url", round_.online_link)
    event.add("description", "\n".join(lines))
    event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
    return event


def calendar_bytes(registration: Registration, entries: list[AgendaEntry]) -> bytes:
    """An iCalendar file of `entries`, times in the person's zone with a matching VTIMEZONE."""
    zone = zoneinfo.ZoneInfo(registration.user.time_zone)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//bridgehub//exchange rounds//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", registration.round.label_for(get_language()))
    for entry in entries:
        calendar.add_component(_event(entry, zone))
    calendar.add_missing_timezones()
    return calendar.to_ical()

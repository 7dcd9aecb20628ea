"""What exchange rounds hold about a person: registrations, requests, meetings, feedback."""

from __future__ import annotations

from typing import Any

from bridgehub.exchanges.models import MeetingFeedback, MeetingRequest, NoShowReport, Registration
from bridgehub.exchanges.models.participation import new_calendar_token


def export(user: Any) -> list[dict[str, Any]]:
    registrations = Registration.objects.filter(user=user).select_related("round", "organisation")
    result = []
    for registration in registrations:
        sent = MeetingRequest.objects.filter(sender=registration).select_related("recipient__organisation")
        received = MeetingRequest.objects.filter(recipient=registration).select_related("sender__organisation")
        result.append({
            "round": registration.round.title, "organisation": registration.organisation.slug,
            "languages": registration.languages, "available_slots": registration.available_slots,
            "checked_in_at": registration.checked_in_at and
            registration.checked_in_at.isoformat(),
            "requests_sent": [{"to": r.recipient.organisation.name, "note": r.note, "status": r.status}
                              for r in sent],
            "requests_received": [{"from": r.sender.organisation.name, "status": r.status,
                                   "decline_reason": r.decline_reason, "decline_note": r.decline_note}
                                  for r in received],
            "meeting_feedback": [{"meeting": f.meeting_id, "useful": f.useful, "next_step": f.next_step,
                                  "comment": f.comment}
                                 for f in MeetingFeedback.objects.filter(author=registration)],
            "no_shows_reported_against_you": NoShowReport.objects.filter(absent=registration).count(),
        })
    return result


def erase(user: Any) -> None:
    """Registrations stay (the other side's meetings point at them) with nothing personal in them."""
    registrations = Registration.objects.filter(user=user)
    MeetingRequest.objects.filter(sender__in=registrations).update(note="")
    MeetingRequest.objects.filter(recipient__in=registrations).update(decline_note="")
    MeetingFeedback.objects.filter(author__in=registrations).update(comment="")
    for registration in registrations:
        registration.calendar_token = new_calendar_token()  # any subscribed feed stops
        registration.save(update_fields=["calendar_token"])

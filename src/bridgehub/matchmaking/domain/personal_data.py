"""What matchmaking holds about a person: their talent profile's reading, feedback, introductions."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from bridgehub.matchmaking.domain.refresh import withdraw_profile
from bridgehub.matchmaking.models import Introduction, MatchFeedback, MatchProfile


def export(user: Any) -> dict[str, Any]:
    profile = MatchProfile.objects.filter(person__user=user).first()
    return {
        "talent_profile": None if profile is None else {
            "status": profile.status, "facets": profile.facets, "sentences": profile.sentences,
            "monthly_capacity": profile.monthly_capacity},
        "feedback_given": [{"signal": f.signal, "reason": f.reason, "about": f.target.name,
                            "created_at": f.created_at.isoformat()}
                           for f in MatchFeedback.objects.filter(user=user).select_related(
                               "target__organisation", "target__person")],
        "introductions": [{"from": i.requester.name, "to": i.recipient.name, "status": i.status,
                           "note": i.note if i.requested_by_id == user.pk else None,
                           "contact_shared": i.shared_contact if i.answered_by_id == user.pk else None,
                           "created_at": i.created_at.isoformat()}
                          for i in Introduction.objects.filter(Q(requested_by=user) | Q(answered_by=user))
                          .select_related("requester__organisation", "requester__person",
                                          "recipient__organisation", "recipient__person")],
    }


def erase(user: Any) -> None:
    """Notes and shared contacts they wrote are emptied; a talent profile keeps no reading of them
    and leaves every list (the introductions others received stay, naming a deleted member)."""
    Introduction.objects.filter(requested_by=user).update(note="")
    Introduction.objects.filter(answered_by=user).update(shared_contact="")
    for profile in MatchProfile.objects.filter(person__user=user):
        if not withdraw_profile(profile):
            profile.delete()

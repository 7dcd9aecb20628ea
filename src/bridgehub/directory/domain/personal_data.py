"""What the directory holds about a person: their directory entry, affiliations and teams."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from bridgehub.common.visibility import Visibility
from bridgehub.directory.models import OperatorNote, OrganisationInvitation, OrganisationMembership, Person


def export(user: Any) -> dict[str, Any]:
    person = Person.objects.filter(user=user).prefetch_related("affiliations__organisation").first()
    return {
        "person": None if person is None else {
            "name": person.name, "name_reading": person.name_reading, "title": person.title,
            "languages": person.languages, "bio": person.bio, "contact_email": person.contact_email,
            "phone": person.phone, "profile_visibility": person.profile_visibility,
            "contact_visibility": person.contact_visibility, "open_to_roles": person.open_to_roles,
            "sought_role": person.sought_role, "based_in": person.based_in,
            "affiliations": [{"organisation": a.organisation.slug, "role": a.role} for a in person.affiliations.all()],
        },
        "organisation_memberships": [
            {"organisation": m.organisation.slug, "role": m.role, "since": m.created_at.isoformat()}
            for m in OrganisationMembership.objects.filter(user=user).select_related("organisation")],
        "team_invitations_received": [
            {"organisation": i.organisation.slug, "role": i.role, "created_at": i.created_at.isoformat()}
            for i in OrganisationInvitation.objects.filter(email__iexact=user.email).select_related("organisation")],
        "operator_notes_written": [
            {"hub": n.hub.slug, "organisation": n.organisation.slug, "text": n.text,
             "created_at": n.created_at.isoformat()}
            for n in OperatorNote.objects.filter(author=user).select_related("hub", "organisation")],
    }


def erase(user: Any) -> None:
    """The directory entry is emptied, not deleted: introductions to a talent profile stay with the
    other side as "deleted member"."""
    for person in Person.objects.filter(user=user):
        person.affiliations.all().delete()
        person.name = person.name_reading = person.title = person.contact_email = person.phone = ""
        person.bio, person.languages = {}, []
        person.open_to_roles, person.sought_role, person.based_in = False, "", ""
        person.profile_visibility = person.contact_visibility = Visibility.PRIVATE
        person.listing_consent = False
        person.erased_at = timezone.now()
        person.user = None
        person.save()
    OrganisationMembership.objects.filter(user=user).delete()
    OrganisationInvitation.objects.filter(email__iexact=user.email).delete()

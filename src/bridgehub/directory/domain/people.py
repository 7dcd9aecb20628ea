"""Changes to people in the directory."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from bridgehub.directory.domain.queries import is_org_admin
from bridgehub.directory.models import Person


def person_for_user(user: Any) -> Person | None:
    return Person.objects.filter(user=user).first()


def save_own_person(*, user: Any, person: Person, bio: dict[str, str]) -> Person:
    """Save the signed-in user's own directory entry with its biography per language.

    Side effects: the Person row (created and linked to `user` on first save).
    """
    if person.pk is not None and Person.objects.filter(pk=person.pk).exclude(user=user).exists():
        raise PermissionDenied("a directory entry is edited only by its own person")
    with transaction.atomic():
        person.user = user
        person.bio = {language: text.strip() for language, text in bio.items() if text.strip()}
        if person.bio and person.original_language not in person.bio:
            person.original_language = next(iter(person.bio))
        person.save()
    return person


def consent_to_listing(*, user: Any, person: Person) -> Person:
    """The person, or an admin of an organisation they belong to, agrees that an imported entry is
    listed under its visibility settings. Side effects: the person's consent flag."""
    admin_of = {affiliation.organisation for affiliation in person.affiliations.select_related("organisation")}
    if person.user_id != getattr(user, "pk", None) and not any(is_org_admin(user, org) for org in admin_of):
        raise PermissionDenied("only the person or their organisation's admins consent")
    with transaction.atomic():
        person.listing_consent = True
        person.save(update_fields=["listing_consent", "updated_at"])
    return person

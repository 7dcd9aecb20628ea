"""Changes to people in the directory."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from bridgehub.directory.models import Affiliation, Person


def person_for_user(user: Any) -> Person | None:
    return Person.objects.filter(user=user).first()


def save_own_person(*, user: Any, person: Person, bio: dict[str, str]) -> Person:
    """Save the signed-in user's own directory entry with its biography per language.

    Side effects: the Person row (created and linked to `user` on first save).
    """
    with transaction.atomic():
        person.user = user
        person.bio = {language: text.strip() for language, text in bio.items() if text.strip()}
        if person.bio and person.original_language not in person.bio:
            person.original_language = next(iter(person.bio))
        person.save()
    return person


def link_person_to_organisation(*, user: Any, person: Person, organisation_id: int, role: str) -> Affiliation:
    with transaction.atomic():
        affiliation, _created = Affiliation.objects.update_or_create(
            person=person, organisation_id=organisation_id, defaults={"role": role}
        )
    return affiliation

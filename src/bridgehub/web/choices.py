"""Filter choices as plain strings per interface language.

Why: a directory page shows ~70 options; resolving each lazy label through gettext in the
template costs more than the search itself. Enum labels never change at run time, so each
language's list is computed once per process.
"""

from __future__ import annotations

import functools

from django.utils import translation

from bridgehub.directory.enums import AskOfferKind, Country, OrganisationKind, Stage


@functools.cache
def enum_choices(language: str) -> dict[str, list[tuple[str, str]]]:
    with translation.override(language):
        return {
            name: [(value, str(label)) for value, label in choices.choices]
            for name, choices in (("kinds", OrganisationKind), ("stages", Stage), ("countries", Country),
                                  ("ask_kinds", AskOfferKind))
        }


@functools.cache
def enum_labels(language: str) -> dict[str, dict[str, str]]:
    return {name: dict(choices) for name, choices in enum_choices(language).items()}

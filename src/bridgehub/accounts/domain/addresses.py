"""Which e-mail addresses a person has proved they control (allauth's verified EmailAddress rows)."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.db import transaction


def has_verified_address(user: Any, email: str | None = None) -> bool:
    """True when `user` verified `email` (default: their login address) by the link mailed to it."""
    if not getattr(user, "is_authenticated", False):
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=email or user.email, verified=True).exists()


def mark_address_verified(user: Any) -> None:
    """Record the login address as verified without a mail round trip: for accounts an operator
    set up by hand on the command line (the demo), never for a sign-up.

    Side effects: one EmailAddress row.
    """
    with transaction.atomic():
        EmailAddress.objects.update_or_create(user=user, email=user.email.lower(),
                                              defaults={"verified": True, "primary": True})

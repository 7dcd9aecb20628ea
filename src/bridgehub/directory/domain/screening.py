"""Screening what one member writes to another (introduction notes, meeting-request notes).

The note is delivered whatever the verdict (nothing is deleted); a note that looks like a known
scam reaches the recipient with a caution naming the signals. The sender's profile feeds the
screen: an organisation counts as verified when the hub approved it and it has a registry number.
"""

from __future__ import annotations

from typing import Any

from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import Organisation, OrganisationHub
from bridgehub.engines.trust.screen import Sender, Verdict, screen
from bridgehub.hubs.models import Hub


def is_verified(organisation: Organisation | None, hub: Hub) -> bool:
    if organisation is None or not organisation.registry_number:
        return False
    return OrganisationHub.objects.filter(organisation=organisation, hub=hub,
                                          status=ApprovalStatus.APPROVED).exists()


def screen_note(*, text: str, user: Any, organisation: Organisation | None, hub: Hub,
                recipient_kind: str) -> Verdict | None:
    """The screen's verdict on a note, None for an empty one."""
    if not text.strip():
        return None
    sender = Sender(kind=organisation.kind if organisation else "talent",
                    name=organisation.name if organisation else str(user),
                    verified=is_verified(organisation, hub),
                    email_domain=user.email.rsplit("@", 1)[-1])
    return screen(text, sender, recipient_kind)

"""What every invitation shares: its token, the checks before acceptance, its e-mail.

The role-specific parts (which organisation or hub, which role) live with the app that owns the
role; they call these so that no role ever reaches an address nobody proved they read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from bridgehub.accounts.domain.addresses import has_verified_address
from bridgehub.accounts.domain.mailing import send_to_people
from bridgehub.accounts.models.invitation import Invitation, hash_invitation_token, new_invitation_token

Granted = TypeVar("Granted")
AnyInvitation = TypeVar("AnyInvitation", bound=Invitation)


class InvitationError(ValueError):
    """The invitation cannot be accepted (or sent) as asked; the message says why."""


def send_new(invitation: AnyInvitation, *, replacing: QuerySet[AnyInvitation],
             what: Callable[[], str]) -> AnyInvitation:
    """Save `invitation` with a fresh token and mail it after commit; the open invitations in
    `replacing` (same address, same place) are withdrawn, so only the newest link works.
    Call inside the caller's transaction."""
    replacing.filter(accepted_at=None, revoked_at=None).update(revoked_at=timezone.now())
    raw = issue(invitation)
    invitation.save()
    transaction.on_commit(lambda: send_invitation(invitation.email, raw, what))
    return invitation


def accept(user: Any, invitation: AnyInvitation, grant: Callable[[AnyInvitation], Granted]) -> Granted:
    """Lock the invitation, check that `user` may accept it, `grant` the role, mark it accepted."""
    with transaction.atomic():
        locked = type(invitation)._default_manager.select_for_update().get(pk=invitation.pk)
        check_can_accept(user, locked)
        granted = grant(locked)
        mark_accepted(user, locked)
    return granted


def issue(invitation: Invitation) -> str:
    """Give `invitation` a fresh token; returns the raw token (mailed, never stored)."""
    raw = new_invitation_token()
    invitation.token_hash = hash_invitation_token(raw)
    return raw


def check_can_accept(user: Any, invitation: Invitation) -> None:
    """Refuse unless the invitation is open and `user` verified the address it was sent to."""
    if invitation.accepted_at is not None:
        raise InvitationError(_("This invitation was already accepted."))
    if invitation.revoked_at is not None or invitation.expires_at <= timezone.now():
        raise InvitationError(_("This invitation has expired or was withdrawn; ask for a new one."))
    if not has_verified_address(user, invitation.email):
        raise InvitationError(_("This invitation was sent to %(email)s. Add that address to your account and "
                                "confirm it with the link we mail to it, then accept again.")
                              % {"email": invitation.email})


def mark_accepted(user: Any, invitation: Invitation) -> None:
    invitation.accepted_by = user
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_by", "accepted_at"])


def invitation_link(raw_token: str) -> str:
    return f"{settings.SITE_URL}/invitations/{raw_token}/"


def send_invitation(email: str, raw_token: str, what: Callable[[], str]) -> None:
    """Mail the link. `what()` names the role and place in the active language ("admin of X")."""
    link = invitation_link(raw_token)
    send_to_people(lambda: _("You are invited to bridgehub"),
                   lambda: _("You are invited to join bridgehub as %(what)s.\n\nOpen this link to accept (valid for "
                             "14 days). You will be asked to log in or sign up with this e-mail address and to "
                             "confirm it:\n%(link)s") % {"what": what(), "link": link},
                   [email])

"""API tokens: issue, authenticate, revoke."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from bridgehub.accounts.models import ApiToken, User
from bridgehub.accounts.models.token import hash_token


def issue_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token for `user`; returns the row and the raw value (shown once, never stored)."""
    raw = ApiToken.new_raw_token()
    with transaction.atomic():
        token = ApiToken.objects.create(user=user, name=name, prefix=raw[3:11], token_hash=hash_token(raw))
    return token, raw


def user_for_token(raw: str) -> User | None:
    """The active user a raw token belongs to, or None. Records the time of use."""
    token = ApiToken.objects.select_related("user").filter(token_hash=hash_token(raw)).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def revoke_token(*, user: User, token_id: int) -> bool:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return deleted > 0

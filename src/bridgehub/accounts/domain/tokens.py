"""API tokens: issue, authenticate, revoke."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from bridgehub.accounts.models import ApiToken, User
from bridgehub.accounts.models.token import hash_token
from bridgehub.common.statements import Names, Part, Select


def issue_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token for `user`; returns the row and the raw value (shown once, never stored)."""
    raw = ApiToken.new_raw_token()
    with transaction.atomic():
        token = ApiToken.objects.create(user=user, name=name, prefix=raw[3:11], token_hash=hash_token(raw))
    return token, raw


# The token page shows when a token was last used, to the minute. Recording every request instead made
# each API read a database write: on SQLite one writer at a time, so 20 clients of the feed API queued
# on the write lock (bench/signals_load.py: the API slower than the page that does more).
USE_RECORDED_EVERY = dt.timedelta(minutes=1)


def _by_hash(n: Names) -> str:
    return (f"FROM {n.table(ApiToken)} t JOIN {n.table(User)} u "  # noqa: S608 (model names only)
            f"ON u.{n.column(User, 'id')} = t.{n.column(ApiToken, 'user')} "
            f"WHERE t.{n.column(ApiToken, 'token_hash')} = %s")


# Read on every API request: a statement (common/statements.py says why), the token with its user.
_BY_HASH = Select([Part(ApiToken, "t", fields=("user", "last_used_at")), Part(User, "u")], _by_hash)


def user_for_token(raw: str) -> User | None:
    """The active user a raw token belongs to, or None. Records the time of use (at most once a minute)."""
    rows = _BY_HASH.rows([hash_token(raw)])
    if not rows:
        return None
    token, user = rows[0]
    if not user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= USE_RECORDED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return user


def revoke_token(*, user: User, token_id: int) -> bool:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return deleted > 0

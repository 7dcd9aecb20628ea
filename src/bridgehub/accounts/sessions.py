"""Django's database sessions, with the one read every signed-in request makes as a statement.

Why: loading the session through the ORM (compiling `Session.objects.get(...)`) cost more CPU than
the rest of the request's session handling; the same row read by a prepared statement
(common/statements.py) gives the same `Session` instance. Everything else (saving, cycling keys,
expiry, the `clearsessions` command) is Django's own. Settings: SESSION_ENGINE.
"""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from bridgehub.common.statements import Names, Part, Select


def _live_session(n: Names) -> str:
    return (f"FROM {n.table(Session)} s WHERE s.{n.column(Session, 'session_key')} = %s "  # noqa: S608
            f"AND s.{n.column(Session, 'expire_date')} > %s")


_LIVE = Select([Part(Session, "s")], _live_session)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Session | None:
        # The datetime as the ORM would send it (SQLite stores text, so the format matters).
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        rows = _LIVE.rows([self.session_key, now])
        if rows:
            return rows[0][0]
        self._session_key = None  # unknown or expired: a new session, as Django's store does
        return None

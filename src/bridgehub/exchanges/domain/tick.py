"""The recurring chores: expire overdue requests, remind a day before, send the digests that are due."""

from __future__ import annotations

from bridgehub.accounts.domain.mailing import send_due_digests
from bridgehub.exchanges.domain.participation import expire_overdue, send_reminders


def run_tick() -> str:
    """Safe to run concurrently and repeatedly; returns what it did, in one line."""
    reminded = send_reminders()
    expired = expire_overdue()
    digests = send_due_digests()
    return f"reminded {reminded}, expired {expired}, digests {digests}"

"""How a screened note travels in e-mails and inbox entries: a held note never leaves before review."""

from __future__ import annotations

from django.utils.translation import gettext as _

from bridgehub.trust.enums import ScreenOutcome


def deliverable_note(note: str, outcome: str) -> str:
    return "" if outcome in (ScreenOutcome.HELD, ScreenOutcome.WITHHELD) else note


def note_for_mail(note: str, outcome: str) -> str:
    """The note as an e-mail carries it (call inside the language being written)."""
    if not note:
        return ""
    if outcome == ScreenOutcome.HELD:
        return "\n\n" + _("A note came with it; the hub's operators are reviewing it before you see it.")
    if outcome == ScreenOutcome.WITHHELD:
        return ""
    if outcome == ScreenOutcome.CAUTION:
        return "\n\n" + note + "\n\n" + _("Be careful: this note shows signs of a common scam. Real investors and "
                                           "partners never ask founders to pay to meet them.")
    return f"\n\n{note}"

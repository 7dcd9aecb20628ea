"""Stages of a relationship between two sides after an introduction or a meeting."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    MET = "met", _("Met")
    FOLLOW_UP = "follow_up", _("Follow-up")
    NDA = "nda", _("NDA signed")
    POC = "poc", _("PoC")
    AGREEMENT = "agreement", _("Agreement or MOU")
    INVESTMENT = "investment", _("Investment")
    HIRE = "hire", _("Hire")
    ORDER = "order", _("Order")
    CLOSED_LOST = "closed_lost", _("Closed without result")


# The funnel's steps in order; the three outcomes share the last one. Closed-lost is not a step but a
# competing end (a relationship closed at PoC still reached PoC).
STEP_OF_STAGE = {Stage.MET: 1, Stage.FOLLOW_UP: 2, Stage.NDA: 3, Stage.POC: 4, Stage.AGREEMENT: 5,
                 Stage.INVESTMENT: 6, Stage.HIRE: 6, Stage.ORDER: 6}
STEPS = max(STEP_OF_STAGE.values())
OUTCOME_STAGES = (Stage.INVESTMENT, Stage.HIRE, Stage.ORDER)
# The one-click move from each stage (None: opened, nothing recorded); after an agreement the outcome
# (investment, hire or order) is chosen in the form.
NEXT_STAGE = {None: Stage.MET, Stage.MET: Stage.FOLLOW_UP, Stage.FOLLOW_UP: Stage.NDA, Stage.NDA: Stage.POC,
              Stage.POC: Stage.AGREEMENT}
# Stages where an amount means something (invested, ordered, agreed); a hire carries none.
AMOUNT_STAGES = (Stage.AGREEMENT, Stage.INVESTMENT, Stage.ORDER)


class Origin(models.TextChoices):
    INTRODUCTION = "introduction", _("Accepted introduction")
    MEETING = "meeting", _("Meeting at an exchange round")
    MANUAL = "manual", _("Recorded by hand")


class LostReason(models.TextChoices):
    NO_FIT = "no_fit", _("Not a fit after all")
    TIMING = "timing", _("Wrong timing")
    BUDGET = "budget", _("No budget")
    WENT_ELSEWHERE = "went_elsewhere", _("Chose someone else")
    NO_RESPONSE = "no_response", _("No answer")
    OTHER = "other", _("Other")


class ConfirmationKind(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed by the other side")
    VERIFIED = "verified", _("Evidence verified by the hub")

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectKind(models.TextChoices):
    """Who can be matched: three kinds of organisation and people open to roles."""

    STARTUP = "startup", _("Start-up")
    INVESTOR = "investor", _("Investor")
    CORPORATE = "corporate", _("Corporate partner")
    TALENT = "talent", _("Talent")


class ProfileStatus(models.TextChoices):
    PENDING = "pending", _("Being read")
    READY = "ready", _("Ready")
    TOO_SHORT = "too_short", _("Too short to match")
    WITHDRAWN = "withdrawn", _("No longer matched")


class Signal(models.TextChoices):
    SAVED = "saved", _("Saved")
    NOT_RELEVANT = "not_relevant", _("Not relevant")
    INTRO_REQUESTED = "intro_requested", _("Introduction requested")
    INTRO_ACCEPTED = "intro_accepted", _("Introduction accepted")
    INTRO_DECLINED = "intro_declined", _("Introduction declined")
    MET_USEFUL = "met_useful", _("Met: useful")
    MET_NOT_USEFUL = "met_not_useful", _("Met: not useful")


class NotRelevantReason(models.TextChoices):
    SECTOR = "sector", _("Wrong sector")
    STAGE = "stage", _("Wrong stage or ticket size")
    GEOGRAPHY = "geography", _("Wrong market or country")
    KIND = "kind", _("Not the kind of partner we need")
    ALREADY_KNOWN = "already_known", _("We already know them")
    OTHER = "other", _("Other")


class IntroStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class IntroDeclineReason(models.TextChoices):
    NOT_RELEVANT = "not_relevant", _("Not relevant to us")
    NO_CAPACITY = "no_capacity", _("No capacity now")
    NOT_NOW = "not_now", _("Not now, maybe later")
    OTHER = "other", _("Other")

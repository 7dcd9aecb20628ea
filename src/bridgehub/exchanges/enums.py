from django.db import models
from django.utils.translation import gettext_lazy as _


class RoundMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class RoundStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for registration and requests")
    PUBLISHED = "published", _("Schedule published")
    CLOSED = "closed", _("Closed")


class SpokenLanguage(models.TextChoices):
    ZH = "zh", _("Chinese")
    JA = "ja", _("Japanese")
    EN = "en", _("English")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    WAITING_FOR_BOTH = "waiting_for_both", _("Met before: waiting for both to ask")


class DeclineReason(models.TextChoices):
    NOT_RELEVANT = "not_relevant", _("Not relevant to us")
    NO_TIME = "no_time", _("No time in this round")
    NOT_NOW = "not_now", _("Not now, maybe later")
    OTHER = "other", _("Other")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    NO_SHOW = "no_show", _("No-show")
    CANCELLED = "cancelled", _("Cancelled")


class NextStep(models.TextChoices):
    NONE = "none", _("No next step")
    FOLLOW_UP = "follow_up", _("Follow-up meeting")
    POC = "poc", _("PoC discussion")
    MOU = "mou", _("MOU")
    INVESTMENT = "investment", _("Investment talks")
    CONTRACT = "contract", _("Contract talks")

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CaseKind(models.TextChoices):
    REPORT = "report", _("Member report")
    HELD_MESSAGE = "held_message", _("Message held by the screen")
    LOOKALIKE = "lookalike", _("Looks like a verified organisation")
    SANCTIONS = "sanctions", _("Sanctions list match")
    APPEAL = "appeal", _("Appeal")


class CaseStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("review case", "Unreviewed")
    ESCALATED = "escalated", pgettext_lazy("review case", "Escalated")
    RESOLVED = "resolved", pgettext_lazy("review case", "Resolved")


class ReportReason(models.TextChoices):
    ASKED_FOR_FEE = "asked_for_fee", _("Asked me for a fee or a payment")
    NOT_WHO_THEY_CLAIM = "not_who_they_claim", _("Not who they claim to be")
    OFF_PLATFORM = "off_platform", _("Pushed me to a private chat or app")
    SPAM = "spam", _("Spam or mass messages")
    OTHER = "other", _("Something else")


class SubjectKind(models.TextChoices):
    """What a member reports: a note they received, a profile, a meeting."""

    INTRODUCTION = "introduction", _("introduction request")
    MEETING_REQUEST = "meeting_request", _("meeting request")
    MEETING = "meeting", _("meeting")
    ORGANISATION = "organisation", _("organisation profile")


class Action(models.TextChoices):
    DISMISS = "dismiss", _("Dismiss: nothing wrong")
    ESCALATE = "escalate", _("Escalate")
    RELEASE = "release", _("Release the held message")
    WARN = "warn", _("Warn the member")
    RESTRICT = "restrict", _("Restrict messaging")
    SUSPEND = "suspend", _("Suspend from the hub")
    UPHOLD = "uphold", _("Uphold the measure")
    LIFT = "lift", _("Lift the measure")


class RestrictionKind(models.TextChoices):
    WARNING = "warning", _("Warning")
    RESTRICTED = "restricted", _("Messaging restricted")
    SUSPENDED = "suspended", _("Suspended")


class ScreenOutcome(models.TextChoices):
    DELIVERED = "delivered", _("Delivered")
    CAUTION = "caution", _("Delivered with a caution")
    HELD = "held", _("Held for review")
    WITHHELD = "withheld", _("Withheld after review")  # the operators acted on the sender instead

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    """What an inbox entry is about. Its sentence is written at reading time in the reader's language
    (accounts/inbox_texts.py), from names stored as their owners wrote them."""

    INTRODUCTION_REQUESTED = "introduction_requested", _("introduction requested")
    INTRODUCTION_ACCEPTED = "introduction_accepted", _("introduction accepted")
    INTRODUCTION_DECLINED = "introduction_declined", _("introduction declined")
    MEETING_REQUESTED = "meeting_requested", _("meeting requested")
    MEETING_AGREED = "meeting_agreed", _("meeting agreed")
    MEETING_DECLINED = "meeting_declined", _("meeting request declined")
    REQUEST_EXPIRED = "request_expired", _("meeting request expired")
    REQUEST_REMINDER = "request_reminder", _("reminder")
    AGENDA_CHANGED = "agenda_changed", _("agenda changed")
    MEETING_CANCELLED = "meeting_cancelled", _("meeting cancelled")
    MEETING_RESTORED = "meeting_restored", _("meeting restored")
    ROUND_INVITATION = "round_invitation", _("invitation to a round")
    APPLICATION_DECIDED = "application_decided", _("hub application approved")
    APPLICATION_DECLINED = "application_declined", _("hub application declined")


class MailTopic(models.TextChoices):
    """What a non-essential e-mail is about: each person chooses per topic how (or whether) it reaches them.
    Mails about the account itself, trust decisions and hub applications are essential and always sent."""

    INTRODUCTIONS = "introductions", _("introduction requests and answers")
    MEETING_REQUESTS = "meeting_requests", _("meeting requests and answers")
    REMINDERS = "reminders", _("reminders before a request expires")
    SCHEDULE = "schedule", _("my agenda and changes to my meetings")
    ROUND_INVITATIONS = "round_invitations", _("invitations to new rounds")
    PIPELINE = "pipeline", _("relationships: next steps due and relationships without news")
    SIGNALS = "signals", _("market signals: news about the organisations and sectors I follow")


class MailMode(models.TextChoices):
    INSTANT = "instant", _("at once")
    DAILY = "daily", _("in a daily digest")
    WEEKLY = "weekly", _("in a weekly digest (Mondays)")
    OFF = "off", _("not by e-mail (the inbox still shows it)")


# Time-critical topics cannot wait for the next digest: they are sent at once or not at all.
INSTANT_ONLY_TOPICS = frozenset({MailTopic.REMINDERS, MailTopic.SCHEDULE})
# News can wait a week; requests and answers cannot.
WEEKLY_TOPICS = frozenset({MailTopic.SIGNALS})
# A topic's mode until the person chooses: news arrives in a daily digest, not one mail per story.
DEFAULT_MODES: dict[str, str] = {MailTopic.SIGNALS: "daily"}

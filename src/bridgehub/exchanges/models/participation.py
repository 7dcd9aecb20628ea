import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bridgehub.exchanges.enums import DeclineReason, RequestStatus
from bridgehub.trust.enums import ScreenOutcome


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class Registration(models.Model):
    """A person taking part in a round for one of their organisations."""

    round = models.ForeignKey("exchanges.Round", on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations")
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="registrations")
    languages = models.JSONField(_("languages I can meet in"), default=list)
    available_slots = models.JSONField(_("slots I am available"), default=list)
    max_meetings = models.PositiveSmallIntegerField(_("at most this many meetings"), null=True, blank=True)
    confirmed = models.BooleanField(default=True, help_text="False for participants carried over until they confirm")
    priority = models.FloatField(default=1.0, help_text="Lowered by no-shows in earlier rounds of the hub")
    checked_in_at = models.DateTimeField(null=True, blank=True)
    # True when the hub's desk saw the person (a self check-in proves nothing about presence).
    checked_in_by_desk = models.BooleanField(default=False)
    # Calendar apps cannot log in: the personal feed URL carries this secret instead.
    calendar_token = models.CharField(max_length=43, unique=True, default=new_calendar_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="one_registration_per_round_user")]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self) -> str:
        return f"{self.user} / {self.organisation} @ {self.round}"

    @property
    def engine_id(self) -> str:
        return f"r{self.pk}"


class MeetingRequest(models.Model):
    """One side asks the other for a 1:1 meeting in a round; accepted requests are scheduled."""

    round = models.ForeignKey("exchanges.Round", on_delete=models.CASCADE, related_name="requests")
    sender = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="sent_requests")
    recipient = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="received_requests")
    note = models.TextField(_("note"), blank=True, max_length=1000)
    # The fraud screen's verdict on the note (0..1 and reason codes) and what it did: delivered,
    # delivered with a caution to the recipient, or held (the recipient sees that a note waits for
    # the hub's review) until an operator releases it.
    screen_score = models.FloatField(default=0.0)
    screen_reasons = models.JSONField(default=list, blank=True)
    screen_outcome = models.CharField(max_length=10, choices=ScreenOutcome.choices, default=ScreenOutcome.DELIVERED)
    status = models.CharField(max_length=20, choices=RequestStatus.choices, default=RequestStatus.PENDING)
    mutual = models.BooleanField(default=False, help_text="Both sides asked for this meeting")
    decline_reason = models.CharField(_("reason"), max_length=20, choices=DeclineReason.choices, blank=True)
    decline_note = models.CharField(_("comment"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    responded_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["round", "sender", "recipient"], name="one_request_per_pair_direction"),
            models.CheckConstraint(condition=~models.Q(sender=models.F("recipient")), name="request_not_to_self"),
        ]
        indexes = [models.Index(fields=["status", "expires_at"])]
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")

    def __str__(self) -> str:
        return f"{self.sender} → {self.recipient} ({self.status})"

    @property
    def meeting_or_none(self):
        """The published meeting of an accepted request, if any (so its status can be shown beside it)."""
        try:
            return self.meeting
        except models.ObjectDoesNotExist:
            return None

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bridgehub.matchmaking.enums import IntroDeclineReason, IntroStatus, NotRelevantReason, Signal
from bridgehub.trust.enums import ScreenOutcome


class MatchFeedback(models.Model):
    """What a reader did with a recommendation: the ranking learns from it (docs/matching.md)."""

    reader = models.ForeignKey("matchmaking.MatchProfile", on_delete=models.CASCADE, related_name="feedback_given")
    target = models.ForeignKey("matchmaking.MatchProfile", on_delete=models.CASCADE, related_name="feedback_received")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    signal = models.CharField(max_length=20, choices=Signal.choices)
    reason = models.CharField(_("reason"), max_length=16, choices=NotRelevantReason.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["reader", "target", "signal"], name="one_signal_per_pair")]
        indexes = [models.Index(fields=["target", "signal"])]

    def __str__(self) -> str:
        return f"{self.reader_id} → {self.target_id}: {self.signal}"


class Introduction(models.Model):
    """A request to be introduced to a recommended counterpart; its admins accept or decline."""

    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="+")
    requester = models.ForeignKey("matchmaking.MatchProfile", on_delete=models.CASCADE, related_name="intros_sent")
    recipient = models.ForeignKey("matchmaking.MatchProfile", on_delete=models.CASCADE,
                                  related_name="intros_received")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(_("note"), max_length=500, blank=True)
    # The fraud screen's verdict on the note (0..1 and reason codes) and what it did: delivered,
    # delivered with a caution to the recipient, or held (the recipient sees that a note waits for
    # the hub's review) until an operator releases it.
    screen_score = models.FloatField(default=0.0)
    screen_reasons = models.JSONField(default=list, blank=True)
    screen_outcome = models.CharField(max_length=10, choices=ScreenOutcome.choices, default=ScreenOutcome.DELIVERED)
    status = models.CharField(max_length=12, choices=IntroStatus.choices, default=IntroStatus.PENDING)
    decline_reason = models.CharField(_("reason"), max_length=20, choices=IntroDeclineReason.choices, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)
    # What the answerer chose to share on acceptance (their login address is never sent).
    shared_contact = models.CharField(_("contact shared"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["requester", "recipient"], condition=Q(status="pending"),
                                               name="one_pending_intro_per_pair")]
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"introduction {self.requester_id} → {self.recipient_id} ({self.status})"

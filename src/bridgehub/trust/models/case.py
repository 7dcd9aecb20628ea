from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bridgehub.trust.enums import Action, CaseKind, CaseStatus, ReportReason, RestrictionKind, ScreenOutcome


class Case(models.Model):
    """One item of a hub's review queue: a member's report, a held message, a lookalike, a sanctions
    match or an appeal. The evidence is a copy taken when the case opened (a later edit of the note
    or profile does not change what the reviewer reads)."""

    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="trust_cases")
    kind = models.CharField(max_length=16, choices=CaseKind.choices)
    status = models.CharField(max_length=12, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    subject_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="trust_cases_about")
    subject_organisation = models.ForeignKey("directory.Organisation", null=True, blank=True,
                                             on_delete=models.SET_NULL, related_name="trust_cases_about")
    original = models.ForeignKey("directory.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", help_text="for a lookalike: the verified organisation it resembles")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="trust_reports")
    reason = models.CharField(max_length=32, blank=True)
    comment = models.TextField(blank=True)
    evidence = models.TextField(blank=True)
    evidence_ref = models.CharField(max_length=64, blank=True)  # "introduction:12", "meeting_request:3"
    score = models.FloatField(default=0.0)
    reasons = models.JSONField(default=list, blank=True)
    restriction = models.ForeignKey("trust.Restriction", null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="appeals")
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    resolution = models.CharField(max_length=12, choices=Action.choices, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["hub", "status"])]
        verbose_name = _("review case")
        verbose_name_plural = _("review cases")

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} @ {self.hub}"

    @property
    def reason_label(self) -> str:
        """A report's reason in the reader's language."""
        return str(ReportReason(self.reason).label) if self.reason in ReportReason.values else self.reason


class Decision(models.Model):
    """The log of every step taken on a case (append-only)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="decisions")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=12, choices=Action.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.action} on case {self.case_id}"


class Restriction(models.Model):
    """A measure on a member in one hub: a warning, restricted messaging, or suspension."""

    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="restrictions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="restrictions")
    kind = models.CharField(max_length=12, choices=RestrictionKind.choices)
    reason = models.TextField(blank=True)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="measures")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["hub", "user"])]

    def __str__(self) -> str:
        return f"{self.kind} of {self.user_id} @ {self.hub_id}"


class ScreenLog(models.Model):
    """Every screening decision on a message: what was scored and what happened to it."""

    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="screen_log")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    ref = models.CharField(max_length=64)
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    outcome = models.CharField(max_length=10, choices=ScreenOutcome.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.ref}: {self.outcome} ({self.score})"

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bridgehub.exchanges.enums import MeetingStatus, NextStep


class ScheduleRun(models.Model):
    """One optimiser run for a round: a preview until an operator publishes it."""

    round = models.ForeignKey("exchanges.Round", on_delete=models.CASCADE, related_name="schedule_runs")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    time_limit = models.FloatField(default=10.0)
    summary = models.JSONField(default=dict)  # the engine's one-line report, plus gaps per person
    placements = models.JSONField(default=list)  # [{"request": id, "slot": s, "table": t, "interpreter": id|None}]
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("schedule run")
        verbose_name_plural = _("schedule runs")

    def __str__(self) -> str:
        return f"{self.round} run {self.pk}"


class Meeting(models.Model):
    """A published 1:1 meeting. Once published it is confirmed: re-solves pin it to its slot."""

    round = models.ForeignKey("exchanges.Round", on_delete=models.CASCADE, related_name="meetings")
    request = models.OneToOneField("exchanges.MeetingRequest", on_delete=models.CASCADE, related_name="meeting")
    slot = models.PositiveSmallIntegerField()
    table = models.PositiveSmallIntegerField()
    interpreter = models.ForeignKey("exchanges.Interpreter", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="meetings")
    status = models.CharField(max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED)
    sequence = models.PositiveIntegerField(default=0, help_text="iCalendar SEQUENCE: bumped on every change")
    cancelled_reason = models.CharField(_("reason"), max_length=300, blank=True)
    # Who cancelled and when: the canceller may undo it for a few minutes (UNDO_WINDOW).
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slot", "table"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.request.sender} + {self.request.recipient}, slot {self.slot}"

    @property
    def sides(self):
        return self.request.sender, self.request.recipient

    @property
    def starts_at(self):
        return self.round.slot_start(self.slot)

    @property
    def ends_at(self):
        return self.round.slot_end(self.slot)


class NoShowReport(models.Model):
    """One side says the other did not come. Repeated no-shows lower priority in later rounds."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="no_show_reports")
    reporter = models.ForeignKey("exchanges.Registration", on_delete=models.CASCADE, related_name="+")
    absent = models.ForeignKey("exchanges.Registration", on_delete=models.CASCADE, related_name="no_shows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "absent"], name="one_no_show_per_meeting_side")]

    def __str__(self) -> str:
        return f"no-show: {self.absent} ({self.meeting})"


class MeetingFeedback(models.Model):
    """One-click feedback after a meeting, kept for the pipeline and the matching feedback."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey("exchanges.Registration", on_delete=models.CASCADE, related_name="+")
    useful = models.BooleanField(_("useful?"))
    next_step = models.CharField(_("next step"), max_length=16, choices=NextStep.choices, default=NextStep.NONE)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "author"], name="one_feedback_per_meeting_side")]

    def __str__(self) -> str:
        return f"feedback by {self.author} ({self.meeting})"


class SchedulingJob(models.Model):
    """An operator's "run the optimiser", done by the background worker: queued → running → done (with
    its ScheduleRun) or failed (with the reason, in the operator's language)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting for the worker")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    round = models.ForeignKey("exchanges.Round", on_delete=models.CASCADE, related_name="scheduling_jobs")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    keep_interpreters = models.BooleanField(default=True)
    time_limit = models.FloatField(default=10.0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True)
    run = models.ForeignKey(ScheduleRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["round", "status"])]

    def __str__(self) -> str:
        return f"scheduling job {self.pk} of round {self.round_id}: {self.status}"

    @property
    def active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def seconds_used(self) -> int:
        """Whole seconds since the worker started the solver, shown against its time limit (where it stops)."""
        if self.started_at is None:
            return 0
        return max(0, min(int((timezone.now() - self.started_at).total_seconds()), int(self.time_limit)))

from django.db import models


class OutgoingMail(models.Model):
    """A message the mail server refused or could not be reached for: kept and retried by the
    background worker, so that a saved change never fails because its e-mail could not go out."""

    subject = models.CharField(max_length=255)
    body = models.TextField()
    from_email = models.CharField(max_length=254)
    to = models.CharField(max_length=254)
    attachments = models.JSONField(default=list)  # [[name, base64 content, mimetype], ...]
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(default=1)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    gave_up_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"mail to {self.to}: {self.subject}"


class WorkerHeartbeat(models.Model):
    """One row: when a background worker last ran the periodic tick (read by /health)."""

    beat_at = models.DateTimeField()
    host = models.CharField(max_length=100, blank=True)

    def __str__(self) -> str:
        return f"worker heartbeat {self.beat_at:%Y-%m-%d %H:%M:%S} on {self.host}"

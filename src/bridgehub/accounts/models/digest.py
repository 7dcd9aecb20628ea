from django.conf import settings
from django.db import models
from django.utils import timezone

from bridgehub.accounts.enums import MailTopic


class DigestItem(models.Model):
    """One e-mail a person chose to receive in their daily digest, written in their language when it
    happened; `sent_at` is set when the digest that carried it went out."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_items")
    topic = models.CharField(max_length=32, choices=MailTopic.choices)
    subject = models.CharField(max_length=255)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["sent_at", "user"])]

    def __str__(self) -> str:
        return f"digest item {self.pk} for user {self.user_id}"

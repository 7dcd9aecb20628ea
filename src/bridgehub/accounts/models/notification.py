from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bridgehub.accounts.enums import NotificationKind


class Notification(models.Model):
    """One entry of a person's inbox: something happened that concerns them, with where to act on it.

    Only names (as their owners wrote them) and numbers are stored in `params`; the sentence is made in
    the reader's interface language when the inbox is shown, so a change of language changes the inbox too.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300, help_text="a path inside the site where the person acts on it")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # " 12 45 ": the accounts whose names or words `params` holds, so deleting one of them can scrub them
    # (a plain text column: the same query works on SQLite and PostgreSQL).
    mentions = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"]), models.Index(fields=["user", "-created_at"])]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return f"{self.kind} for user {self.user_id}"

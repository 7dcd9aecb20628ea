from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OperatorNote(models.Model):
    """A hub's private note on an organisation: only that hub's operators ever read it."""

    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="operator_notes")
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="operator_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"note on {self.organisation} by {self.hub}"

from django.db import models
from django.utils.translation import gettext_lazy as _


class SanctionsEntry(models.Model):
    """One entry of a sanctions list the hub's operators are licensed to use, loaded from a file."""

    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="sanctions_entries")
    list_name = models.CharField(max_length=80)
    entry_id = models.CharField(max_length=80)
    name = models.CharField(max_length=300)
    aliases = models.JSONField(default=list, blank=True)
    country = models.CharField(max_length=2, blank=True)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["hub", "list_name", "entry_id"], name="one_entry_per_list_id")]
        verbose_name = _("sanctions entry")
        verbose_name_plural = _("sanctions entries")

    def __str__(self) -> str:
        return f"{self.list_name}:{self.entry_id} {self.name}"

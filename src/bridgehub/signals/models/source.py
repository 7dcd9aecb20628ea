"""Where a hub's news comes from: feeds an operator configured, and uploaded files."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bridgehub.signals.enums import SourceKind


class Source(models.Model):
    """A feed polled by the worker (politely: conditional GET, robots.txt, one request per host at a time),
    or the record of uploads; its last error stays visible to the operator until a fetch succeeds."""

    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="signal_sources")
    kind = models.CharField(max_length=8, choices=SourceKind.choices)
    name = models.CharField(_("name"), max_length=120)
    url = models.URLField(_("feed address"), max_length=1000, blank=True)
    active = models.BooleanField(_("active"), default=True)
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    failures = models.PositiveIntegerField(default=0)
    items_added = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["hub", "url"], condition=~models.Q(url=""),
                                               name="one_source_per_hub_url")]

    def __str__(self) -> str:
        return self.name

"""What a member follows in a hub beyond the defaults (their organisation, its sectors, its relationships)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from bridgehub.signals.enums import EventType


class Follow(models.Model):
    """One organisation, one sector or one event type followed by a person in a hub."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signal_follows")
    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey("directory.Organisation", null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="+")
    sector = models.ForeignKey("directory.Sector", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    event_type = models.CharField(max_length=20, choices=EventType.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(organisation__isnull=False, sector__isnull=True, event_type="")
                           | Q(organisation__isnull=True, sector__isnull=False, event_type="")
                           | (Q(organisation__isnull=True, sector__isnull=True) & ~Q(event_type=""))),
                name="follow_names_one_thing"),
            models.UniqueConstraint(fields=["user", "hub", "organisation"], condition=Q(organisation__isnull=False),
                                    name="one_follow_per_organisation"),
            models.UniqueConstraint(fields=["user", "hub", "sector"], condition=Q(sector__isnull=False),
                                    name="one_follow_per_sector"),
            models.UniqueConstraint(fields=["user", "hub", "event_type"], condition=~Q(event_type=""),
                                    name="one_follow_per_event_type"),
        ]

    def __str__(self) -> str:
        return f"follow {self.organisation_id or self.sector_id or self.event_type}"

import zoneinfo

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bridgehub.accounts.models.user import validate_time_zone
from bridgehub.common.languages import label_field_for_ui
from bridgehub.common.money import CURRENCY_CHOICES
from bridgehub.hubs.enums import HubRole


class Hub(models.Model):
    """An innovation hub (Tokyo, Taipei, …): the unit of tenancy."""

    slug = models.SlugField(unique=True)
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=120)
    name_ja = models.CharField(_("name (Japanese)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    time_zone = models.CharField(_("time zone"), max_length=64, validators=[validate_time_zone])
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES)
    country = models.CharField(_("country"), max_length=2)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("hub")
        verbose_name_plural = _("hubs")

    def __str__(self) -> str:
        return self.name_en

    def name_for(self, ui_language: str | None) -> str:
        return str(getattr(self, "name_" + label_field_for_ui(ui_language)))

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class HubMembership(models.Model):
    """A person's direct role in a hub. Members also join through their organisation."""

    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hub_memberships")
    role = models.CharField(_("role"), max_length=16, choices=HubRole.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["hub", "user"], name="one_membership_per_hub_user")]
        verbose_name = _("hub membership")
        verbose_name_plural = _("hub memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.hub} ({self.role})"

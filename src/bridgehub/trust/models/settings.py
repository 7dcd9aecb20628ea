from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

SCORE = [MinValueValidator(0.0), MaxValueValidator(1.0)]


class TrustSettings(models.Model):
    """A hub's screening settings: thresholds, rules switched off, rule weights changed.

    No row means the defaults (caution at 0.5, hold at 0.85, every rule at its default weight).
    """

    hub = models.OneToOneField("hubs.Hub", on_delete=models.CASCADE, related_name="trust_settings")
    caution_at = models.FloatField(_("caution from score"), default=0.5, validators=SCORE)
    hold_at = models.FloatField(_("hold for review from score"), null=True, blank=True, default=0.85,
                                validators=SCORE, help_text=_("Empty: never hold, only caution."))
    disabled_rules = models.JSONField(default=list, blank=True)
    weights = models.JSONField(default=dict, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("trust settings")
        verbose_name_plural = _("trust settings")

    def __str__(self) -> str:
        return f"trust settings of {self.hub}"

"""What a hub decides about its pipeline (when a relationship counts as stalled), and the exchange rates
its reports convert amounts with."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bridgehub.common.money import CURRENCY_CHOICES
from bridgehub.pipeline.enums import Stage

# Days without a new stage after which an open relationship counts as stalled; 0 never.
DEFAULT_STALE_AFTER = {Stage.MET: 21, Stage.FOLLOW_UP: 30, Stage.NDA: 45, Stage.POC: 90, Stage.AGREEMENT: 120}


class PipelineSettings(models.Model):
    hub = models.OneToOneField("hubs.Hub", on_delete=models.CASCADE, related_name="pipeline_settings")
    stale_after_met = models.PositiveSmallIntegerField(_("after “Met”"), default=DEFAULT_STALE_AFTER[Stage.MET])
    stale_after_follow_up = models.PositiveSmallIntegerField(_("after “Follow-up”"),
                                                             default=DEFAULT_STALE_AFTER[Stage.FOLLOW_UP])
    stale_after_nda = models.PositiveSmallIntegerField(_("after “NDA signed”"), default=DEFAULT_STALE_AFTER[Stage.NDA])
    stale_after_poc = models.PositiveSmallIntegerField(_("after “PoC”"), default=DEFAULT_STALE_AFTER[Stage.POC])
    stale_after_agreement = models.PositiveSmallIntegerField(_("after “Agreement or MOU”"),
                                                             default=DEFAULT_STALE_AFTER[Stage.AGREEMENT])
    # The hub-local day the last daily reminders went out (one round of reminders a day, whatever the workers).
    reminders_sent_on = models.DateField(null=True, blank=True)
    # A new random value with every change of the hub's stage history: processes that keep the history in
    # memory (domain/history.py) rebuild it when the value they built it under is no longer current.
    history_token = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("pipeline settings")

    def __str__(self) -> str:
        return f"pipeline settings of hub {self.hub_id}"

    def stale_after(self, stage: str | None) -> int:
        """Days after which a relationship at `stage` (None: opened, nothing recorded) counts as stalled."""
        return int(getattr(self, f"stale_after_{stage or 'met'}", 0) or 0)


class ExchangeRate(models.Model):
    """Units of a currency one US dollar buys, from a day until the next rate (published reference rates)."""

    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES)
    valid_from = models.DateField(_("from"))
    per_usd = models.DecimalField(_("units per US dollar"), max_digits=18, decimal_places=6)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["currency", "valid_from"]
        constraints = [models.UniqueConstraint(fields=["currency", "valid_from"], name="one_rate_per_currency_day"),
                       models.CheckConstraint(condition=models.Q(per_usd__gt=0), name="exchange_rate_positive")]

    def __str__(self) -> str:
        return f"{self.currency} {self.per_usd} per USD from {self.valid_from}"

"""A relationship between two sides of a hub, with its append-only stage history.

The current stage is never stored: it is derived from the history (`domain/relationships.py`), so a
report as of any past date is recomputed from the rows recorded by then and comes out the same
however much was recorded later.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bridgehub.common.money import CURRENCY_CHOICES
from bridgehub.pipeline.enums import ConfirmationKind, LostReason, Origin, Stage


class AppendOnly(models.Model):
    """Rows that are written once: history is corrected by a new row, never by an edit."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError(f"{type(self).__name__} rows are append-only: record a new one instead")
        super().save(*args, **kwargs)


class Relationship(models.Model):
    """Two sides of a hub working towards cooperation: two organisations (stored lower id first, so a
    pair has one relationship whoever opens it), or an organisation and a person (talent)."""

    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="relationships")
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="+")
    counterpart = models.ForeignKey("directory.Organisation", null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="+")
    person = models.ForeignKey("directory.Person", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="+")
    origin = models.CharField(max_length=16, choices=Origin.choices)
    introduction = models.ForeignKey("matchmaking.Introduction", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    meeting = models.ForeignKey("exchanges.Meeting", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    round = models.ForeignKey("exchanges.Round", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)
    next_step = models.CharField(_("next step"), max_length=300, blank=True)
    next_step_on = models.DateField(_("next step by"), null=True, blank=True)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(counterpart__isnull=True) ^ Q(person__isnull=True),
                                   name="relationship_has_one_counterpart"),
            models.CheckConstraint(condition=Q(counterpart__isnull=True) | Q(organisation__lt=models.F("counterpart")),
                                   name="relationship_pair_in_id_order"),
            models.UniqueConstraint(fields=["hub", "organisation", "counterpart"], name="one_relationship_per_pair",
                                    condition=Q(counterpart__isnull=False)),
            models.UniqueConstraint(fields=["hub", "organisation", "person"], name="one_relationship_per_talent",
                                    condition=Q(person__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"relationship {self.pk} in hub {self.hub_id}"


class StageEvent(AppendOnly):
    """One side says the relationship reached a stage on a date (amounts where the stage has one)."""

    relationship = models.ForeignKey(Relationship, on_delete=models.CASCADE, related_name="events")
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    effective_on = models.DateField(_("date"))
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # The side that claims it: an organisation, or the talent (no organisation).
    side = models.ForeignKey("directory.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    amount = models.PositiveBigIntegerField(_("amount"), null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES, blank=True)
    lost_reason = models.CharField(_("reason"), max_length=16, choices=LostReason.choices, blank=True)
    evidence_url = models.URLField(_("evidence (a link to a document or a press release)"), blank=True)

    class Meta:
        ordering = ["effective_on", "recorded_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__isnull=True) | ~Q(currency=""),
                                   name="stage_amount_has_currency"),
        ]

    def __str__(self) -> str:
        return f"{self.stage} on {self.effective_on} (relationship {self.relationship_id})"


class StageConfirmation(AppendOnly):
    """The other side confirms a stage event, or a hub operator verifies its evidence."""

    event = models.ForeignKey(StageEvent, on_delete=models.CASCADE, related_name="confirmations")
    kind = models.CharField(max_length=10, choices=ConfirmationKind.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    side = models.ForeignKey("directory.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "kind"], name="one_confirmation_of_each_kind")]

    def __str__(self) -> str:
        return f"{self.kind} of event {self.event_id}"


class RelationshipNote(AppendOnly):
    """A note on a relationship: shared with the other side, or private to the author's organisation.
    Operators read shared notes only."""

    relationship = models.ForeignKey(Relationship, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    side = models.ForeignKey("directory.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    shared = models.BooleanField(_("shared with the other side"), default=True)
    text = models.TextField(_("note"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"note {self.pk} on relationship {self.relationship_id}"

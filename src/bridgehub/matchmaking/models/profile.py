"""What the matching engine read from each profile, and the hub's recommendation lists.

Everything here is derived: background tasks rebuild it from the directory (see
matchmaking/tasks.py), except `monthly_capacity`, which the owner states.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bridgehub.matchmaking.enums import ProfileStatus, SubjectKind


class MatchProfile(models.Model):
    organisation = models.OneToOneField("directory.Organisation", null=True, blank=True, on_delete=models.CASCADE,
                                        related_name="match_profile")
    person = models.OneToOneField("directory.Person", null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="match_profile")
    kind = models.CharField(max_length=12, choices=SubjectKind.choices)
    status = models.CharField(max_length=12, choices=ProfileStatus.choices, default=ProfileStatus.PENDING)
    text_hash = models.CharField(max_length=64, blank=True, db_index=True)  # of what was read; skip unchanged
    vector = models.BinaryField(null=True)  # float32 profile vector (so the index can be rebuilt)
    sentences = models.JSONField(default=list)  # [[language, sentence], ...] of the public text
    sentence_vectors = models.BinaryField(null=True)  # float16, one row per sentence
    facets = models.JSONField(default=dict)  # engine Facets as JSON, structured fields merged in
    read_facets = models.JSONField(default=dict)  # what the text alone says (offered as one-click tags)
    monthly_capacity = models.PositiveSmallIntegerField(
        _("new introductions you can take a month"), null=True, blank=True,
        help_text=_("You will not be recommended to more readers than this. Empty: no limit stated."),
    )
    refreshed_at = models.DateTimeField(null=True)
    requested_at = models.DateTimeField(null=True)
    # Set when a refresh task is queued, cleared when the worker starts it: a burst of changes (one form
    # save touches several rows; an import touches thousands) queues one task per profile, not one per row.
    refresh_queued_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        constraints = [models.CheckConstraint(
            condition=Q(organisation__isnull=False, person__isnull=True) | Q(organisation__isnull=True,
                                                                          person__isnull=False),
            name="match_profile_has_one_subject")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.organisation or self.person}"

    @property
    def subject(self):
        return self.organisation or self.person

    @property
    def name(self) -> str:
        return str(self.subject)


class Recommendation(models.Model):
    """One entry of a reader's list in a hub, as the last rebuild allocated it."""

    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="+")
    reader = models.ForeignKey(MatchProfile, on_delete=models.CASCADE, related_name="recommendations")
    target = models.ForeignKey(MatchProfile, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    mutual = models.FloatField(default=0.0)  # the pair's two-sided fit before exposure and feedback
    reasons = models.JSONField(default=list)  # engine reason codes, rendered in the reader's language

    class Meta:
        constraints = [models.UniqueConstraint(fields=["hub", "reader", "target"], name="one_recommendation_per_pair")]
        indexes = [models.Index(fields=["hub", "reader", "rank"])]
        ordering = ["rank"]

    def __str__(self) -> str:
        return f"#{self.rank} for {self.reader_id}: {self.target_id}"


class HubMatching(models.Model):
    """The state of a hub's recommendation lists: when built, how fair, how many read."""

    hub = models.OneToOneField("hubs.Hub", on_delete=models.CASCADE, related_name="matching")
    built_at = models.DateTimeField(null=True)
    requested_at = models.DateTimeField(null=True)
    seconds = models.FloatField(default=0.0)
    profiles = models.PositiveIntegerField(default=0)
    pairs_scored = models.PositiveIntegerField(default=0)
    exposure = models.JSONField(default=dict)  # {target profile id: lists it appears in}
    gini = models.JSONField(default=dict)  # {target kind: Gini of exposure}

    def __str__(self) -> str:
        return f"matching of hub {self.hub_id}"

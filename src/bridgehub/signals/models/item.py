"""A story: one event in the news, with every outlet's copy, its organisations, sectors and event type."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bridgehub.signals.enums import EventType, ItemLanguage


class Item(models.Model):
    """One story of a hub's feed. Copies of it from other outlets are `ItemCopy` rows, not new items;
    a later story on the same event points to the first through `follow_up_of`."""

    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="signal_items")
    title = models.CharField(_("title"), max_length=500)
    body = models.TextField(_("text"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=ItemLanguage.choices)
    url = models.URLField(max_length=1000)
    published_at = models.DateTimeField(_("published"), db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    event_type = models.CharField(_("event"), max_length=20, choices=EventType.choices, blank=True)
    evidence = models.CharField(_("evidence"), max_length=500, blank=True)
    sectors = models.ManyToManyField("directory.Sector", blank=True, related_name="+", through="signals.ItemSector")
    signature = models.BinaryField(editable=False)
    follow_up_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="follow_ups")

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["hub", "-published_at"])]

    def __str__(self) -> str:
        return self.title


class ItemSector(models.Model):
    """A sector a story is about, with the story's hub, event and date copied in: a member's feed picks
    their sectors' stories out of a hub's 100,000 by one index range, without reading the stories."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+")
    sector = models.ForeignKey("directory.Sector", on_delete=models.CASCADE, related_name="+")
    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="+")
    event_type = models.CharField(max_length=20, choices=EventType.choices, blank=True)
    published_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "sector"], name="one_row_per_item_sector")]
        indexes = [models.Index(fields=["sector", "hub", "event_type", "-published_at", "item"],
                                name="signals_sector_feed")]

    def __str__(self) -> str:
        return f"{self.item_id} in {self.sector_id}"


class ItemCopy(models.Model):
    """One outlet's copy of a story (the first copy is the item's own)."""

    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="copies")
    source = models.ForeignKey("signals.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    url = models.URLField(max_length=1000)
    outlet = models.CharField(max_length=200)
    title = models.CharField(max_length=500)
    language = models.CharField(max_length=8, choices=ItemLanguage.choices)
    published_at = models.DateTimeField()

    class Meta:
        ordering = ["published_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["hub", "url"], name="one_copy_per_hub_url")]

    def __str__(self) -> str:
        return f"{self.outlet}: {self.title}"


class ItemLink(models.Model):
    """A directory organisation a story mentions (`mention`: the words of the text that named it); the
    story's hub and date copied in, so that a feed reads its organisations' stories from this table alone."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="links")
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="+")
    mention = models.CharField(max_length=200)
    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="+")
    published_at = models.DateTimeField()

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["item", "organisation"], name="one_link_per_item_org")]
        indexes = [models.Index(fields=["organisation", "hub", "-published_at", "item"], name="signals_link_feed")]

    def __str__(self) -> str:
        return self.mention


class LinkReport(models.Model):
    """A member saying a link is wrong: it leaves their feed at once and the operator sees the report."""

    link = models.ForeignKey(ItemLink, on_delete=models.CASCADE, related_name="reports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["link", "user"], name="one_report_per_link_user")]

    def __str__(self) -> str:
        return f"report on {self.link_id}"


class Alias(models.Model):
    """Another name under which the news writes an organisation (an operator adds it for their hub)."""

    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("alias"), max_length=200)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["hub", "organisation", "name"], name="one_alias_per_name")]

    def __str__(self) -> str:
        return self.name


class Pin(models.Model):
    """A story an operator put on a round's page, or on every round page of a programme."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="pins")
    round = models.ForeignKey("exchanges.Round", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey("exchanges.Programme", null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="+")
    pinned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(round__isnull=True) ^ models.Q(programme__isnull=True),
                                   name="pin_on_round_or_programme"),
            models.UniqueConstraint(fields=["item", "round"], condition=models.Q(round__isnull=False),
                                    name="one_pin_per_round"),
            models.UniqueConstraint(fields=["item", "programme"], condition=models.Q(programme__isnull=False),
                                    name="one_pin_per_programme"),
        ]

    def __str__(self) -> str:
        return f"pin of {self.item_id}"

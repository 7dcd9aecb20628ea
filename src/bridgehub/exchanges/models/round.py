import datetime as dt
import zoneinfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from bridgehub.accounts.models.user import validate_time_zone
from bridgehub.exchanges.enums import RoundMode, RoundStatus


def _in_language(obj: models.Model, field: str, language: str | None) -> str:
    """`field` in the interface language when the hub wrote one (name_ja, title_zh_hant, …), else as written."""
    suffix = {"zh-hant": "zh_hant", "ja": "ja", "en": "en"}.get((language or get_language() or "en").lower())
    translated = getattr(obj, f"{field}_{suffix}", "") if suffix else ""
    return translated or getattr(obj, field)


class Programme(models.Model):
    """A recurring exchange (e.g. the monthly Tokyo deep-tech round) run by one hub."""

    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="programmes")
    name = models.CharField(_("name"), max_length=200)
    # The hub's own wording in each interface language; readers fall back to `name` where one is empty.
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=200, blank=True)
    name_ja = models.CharField(_("name (Japanese)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    cadence = models.CharField(_("cadence"), max_length=80, blank=True, help_text=_("For example: monthly"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["hub_id", "name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.name

    def label_for(self, language: str | None) -> str:
        return _in_language(self, "name", language)


class Round(models.Model):
    """One exchange day of a programme: slots of equal length from `starts_at`, tables, interpreters."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="rounds",
                                  verbose_name=_("programme"))
    title = models.CharField(_("title"), max_length=200)
    title_zh_hant = models.CharField(_("title (Traditional Chinese)"), max_length=200, blank=True)
    title_ja = models.CharField(_("title (Japanese)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("first slot starts"))
    time_zone = models.CharField(_("time zone of the round"), max_length=64, validators=[validate_time_zone])
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    venue_zh_hant = models.CharField(_("venue (Traditional Chinese)"), max_length=200, blank=True)
    venue_ja = models.CharField(_("venue (Japanese)"), max_length=200, blank=True)
    venue_en = models.CharField(_("venue (English)"), max_length=200, blank=True)
    mode = models.CharField(_("format"), max_length=16, choices=RoundMode.choices, default=RoundMode.IN_PERSON)
    online_link = models.URLField(_("online meeting link"), blank=True)
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length (minutes)"), default=20, validators=[MinValueValidator(5), MaxValueValidator(240)])
    slot_count = models.PositiveSmallIntegerField(
        _("number of slots"), default=8, validators=[MinValueValidator(1), MaxValueValidator(48)])
    tables = models.PositiveSmallIntegerField(
        _("tables or rooms"), default=10, validators=[MinValueValidator(1), MaxValueValidator(2000)])
    request_expiry_hours = models.PositiveSmallIntegerField(
        _("requests expire after (hours)"), default=72, validators=[MinValueValidator(1)])
    max_outstanding_requests = models.PositiveSmallIntegerField(
        _("open requests per participant"), default=8, validators=[MinValueValidator(1)])
    coverage_bonus = models.PositiveSmallIntegerField(
        _("fairness bonus"), default=3,
        help_text=_("Points for every participant who gets at least one meeting, so a few popular people "
                    "do not take every table."))
    gap_spread = models.PositiveSmallIntegerField(
        _("even waiting (largest difference in breaks)"), null=True, blank=True, default=2,
        help_text=_("When every request fits, no participant waits between meetings more often than another "
                    "by more than this many breaks. Leave empty for no rule (fewest breaks in total)."))
    status = models.CharField(_("status"), max_length=16, choices=RoundStatus.choices, default=RoundStatus.DRAFT)
    invitation_only = models.BooleanField(
        _("by invitation only"), default=False,
        help_text=_("Only people the hub invites (for example the previous round's participants) can register."))
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                 verbose_name=_("carries participants over from"))
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")

    def __str__(self) -> str:
        return self.title

    def label_for(self, language: str | None) -> str:
        """The title in the reader's interface language (the hub's wording), else as written."""
        return _in_language(self, "title", language)

    def venue_for(self, language: str | None) -> str:
        return _in_language(self, "venue", language) if self.venue else ""

    @property
    def local_venue(self) -> str:
        return self.venue_for(None)

    def titles(self) -> dict[str, str]:
        """The title in every interface language, for texts read later in any of them (inbox entries)."""
        return {language: self.label_for(language) for language in ("zh-hant", "ja", "en")}

    @property
    def hub(self):
        return self.programme.hub

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def slot_start(self, slot: int) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.slot_minutes * slot)

    def slot_end(self, slot: int) -> dt.datetime:
        return self.slot_start(slot) + dt.timedelta(minutes=self.slot_minutes)

    @property
    def slots(self) -> range:
        return range(self.slot_count)

    @property
    def ends_at(self) -> dt.datetime:
        return self.slot_end(self.slot_count - 1)


class Interpreter(models.Model):
    """Someone from the round's interpreter pool: two or more languages, available in some slots."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="interpreters")
    name = models.CharField(_("name"), max_length=120)
    languages = models.JSONField(_("languages"), default=list)
    available_slots = models.JSONField(_("available slots"), default=list)

    class Meta:
        ordering = ["name"]
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")

    def __str__(self) -> str:
        return self.name

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bridgehub.common.languages import CONTENT_LANGUAGE_CHOICES, EN, pick_language
from bridgehub.common.money import CURRENCY_CHOICES
from bridgehub.common.visibility import Visibility
from bridgehub.directory.enums import (
    ApprovalStatus,
    AskOfferKind,
    Country,
    Direction,
    InvestorType,
    OrganisationKind,
    OrgRole,
    Stage,
    TalentRole,
)
from bridgehub.directory.registry import RegistryNumberError, normalise_registry_number

REGISTRY_ERRORS = {
    "TW": _("A Taiwanese 統一編號 has 8 digits and a valid checksum."),
    "JP": _("A Japanese 法人番号 has 13 digits and a valid check digit."),
}


class Organisation(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_reading = models.CharField(_("reading or romanisation"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=OrganisationKind.choices)
    investor_type = models.CharField(_("investor type"), max_length=24, choices=InvestorType.choices, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    founded_year = models.PositiveSmallIntegerField(
        _("founding year"), null=True, blank=True, validators=[MinValueValidator(1800), MaxValueValidator(2100)]
    )
    website = models.URLField(_("website"), blank=True)
    team_size = models.PositiveIntegerField(_("team size"), null=True, blank=True)
    registry_number = models.CharField(_("registry number"), max_length=32, blank=True)
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices, blank=True)
    sectors = models.ManyToManyField("directory.Sector", blank=True, related_name="organisations",
                                     verbose_name=_("sectors"))
    original_language = models.CharField(_("written in"), max_length=8, choices=CONTENT_LANGUAGE_CHOICES, default=EN)
    hubs = models.ManyToManyField("hubs.Hub", through="directory.OrganisationHub", related_name="organisations")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Derived columns, rebuilt by domain.search.refresh_search_fields(); public content only.
    search_document = models.TextField(blank=True, editable=False)
    name_key = models.CharField(max_length=200, blank=True, db_index=True, editable=False)
    website_key = models.CharField(max_length=200, blank=True, db_index=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["registry_number"]), models.Index(fields=["kind", "country"])]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        try:
            self.registry_number = normalise_registry_number(self.country, self.registry_number)
        except RegistryNumberError:
            errors["registry_number"] = REGISTRY_ERRORS[self.country]
        if self.investor_type and self.kind != OrganisationKind.INVESTOR:
            errors["investor_type"] = _("Only investors have an investor type.")
        if self.kind == OrganisationKind.INVESTOR and not self.investor_type:
            errors["investor_type"] = _("Choose the type of investor.")
        if errors:
            raise ValidationError(errors)

    def text_for(self, ui_language: str | None, prefetched: list["ProfileText"] | None = None) -> "ProfileText | None":
        """The profile text in the reader's language if written, else in its original language."""
        texts = prefetched if prefetched is not None else list(self.texts.all())
        by_language = {text.language: text for text in texts}
        chosen = pick_language(list(by_language), ui_language, self.original_language)
        return by_language[chosen] if chosen else None


class ProfileText(models.Model):
    """The profile as its owner wrote it in one language. Never machine-translated."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=8, choices=CONTENT_LANGUAGE_CHOICES)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    summary = models.TextField(_("public summary"), blank=True)
    member_details = models.TextField(
        _("details for hub members"), blank=True,
        help_text=_("Traction, customers, financials: shown only to members of your hubs."),
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "language"], name="one_text_per_language")]
        ordering = ["organisation", "language"]

    def __str__(self) -> str:
        return f"{self.organisation} [{self.language}]"


class AskOffer(models.Model):
    """A structured ask (what the organisation looks for) or offer (what it provides)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="asks_offers")
    direction = models.CharField(_("ask or offer"), max_length=8, choices=Direction.choices)
    kind = models.CharField(_("what"), max_length=24, choices=AskOfferKind.choices)
    amount_min = models.PositiveBigIntegerField(_("amount from"), null=True, blank=True)
    amount_max = models.PositiveBigIntegerField(_("amount to"), null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES, blank=True)
    market = models.CharField(_("market"), max_length=2, choices=Country.choices, blank=True)
    talent_role = models.CharField(_("role"), max_length=24, choices=TalentRole.choices, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    visibility = models.CharField(_("visible to"), max_length=10, choices=Visibility.choices,
                                  default=Visibility.PUBLIC)

    class Meta:
        ordering = ["organisation", "direction", "kind", "pk"]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.direction} {self.kind}"

    def clean(self) -> None:
        errors = {}
        has_amount = self.amount_min is not None or self.amount_max is not None
        if has_amount and not self.currency:
            errors["currency"] = _("Give the currency of the amount.")
        if self.amount_min is not None and self.amount_max is not None and self.amount_min > self.amount_max:
            errors["amount_max"] = _("The upper amount is below the lower one.")
        if has_amount and self.kind != AskOfferKind.FUNDING:
            errors["amount_min"] = _("Amounts apply to funding only.")
        if self.talent_role and self.kind != AskOfferKind.TALENT:
            errors["talent_role"] = _("A role applies to talent only.")
        if self.kind in (AskOfferKind.DISTRIBUTION, AskOfferKind.MARKET_ENTRY) and not self.market:
            errors["market"] = _("Name the market.")
        if errors:
            raise ValidationError(errors)


class OrganisationHub(models.Model):
    """An organisation's membership of a hub, approved by that hub's operators."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="hub_links")
    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="organisation_links")
    status = models.CharField(_("status"), max_length=10, choices=ApprovalStatus.choices,
                              default=ApprovalStatus.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.CharField(_("reason"), max_length=300, blank=True,
                                       help_text=_("Told to the organisation's admins when the hub does not approve."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "hub"], name="one_link_per_org_hub")]
        indexes = [models.Index(fields=["hub", "status"])]

    def __str__(self) -> str:
        return f"{self.organisation} @ {self.hub} ({self.status})"


class OrganisationMembership(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="org_memberships")
    role = models.CharField(_("role"), max_length=10, choices=OrgRole.choices, default=OrgRole.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="one_membership_per_org_user")]

    def __str__(self) -> str:
        return f"{self.user} in {self.organisation} ({self.role})"

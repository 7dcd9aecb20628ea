from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bridgehub.common.languages import CONTENT_LANGUAGE_CHOICES, EN, content_language_for_ui
from bridgehub.common.visibility import Visibility
from bridgehub.directory.enums import Country, TalentRole


class Person(models.Model):
    """A person in the directory; may be linked to a login (User) or imported by an operator."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="person")
    name = models.CharField(_("name"), max_length=150)
    name_reading = models.CharField(_("reading or romanisation"), max_length=150, blank=True)
    title = models.CharField(_("roles and title"), max_length=200, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    original_language = models.CharField(_("written in"), max_length=8, choices=CONTENT_LANGUAGE_CHOICES, default=EN)
    bio = models.JSONField(_("biography by language"), default=dict, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    profile_visibility = models.CharField(_("who sees title, biography and organisations"), max_length=10,
                                          choices=Visibility.choices, default=Visibility.PUBLIC)
    contact_visibility = models.CharField(_("who sees contact details"), max_length=10,
                                          choices=Visibility.choices, default=Visibility.MEMBERS)
    # Talent matching: a person open to roles is recommended to start-ups of their hubs that hire,
    # from their biography and these fields (shown to hub members only).
    open_to_roles = models.BooleanField(_("open to new roles"), default=False)
    sought_role = models.CharField(_("role sought"), max_length=24, choices=TalentRole.choices, blank=True)
    based_in = models.CharField(_("based in"), max_length=2, choices=Country.choices, blank=True)
    # People an operator imported are listed only once they, or an admin of their organisation,
    # consent; until then only their organisation and the hub's operators see them.
    listing_consent = models.BooleanField(_("agreed to be listed"), default=True)
    # Set when the person deleted their account: the row stays for the records that point at it.
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return str(_("deleted member")) if self.erased_at else self.name

    def bio_for(self, ui_language: str | None) -> tuple[str, str]:
        """(language, text) of the biography in the reader's language, else the original one."""
        wanted = content_language_for_ui(ui_language)
        for language in (wanted, self.original_language, *self.bio):
            if self.bio.get(language):
                return language, self.bio[language]
        return "", ""


class Affiliation(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="affiliations")
    role = models.CharField(_("role"), max_length=120, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "organisation"], name="one_affiliation_per_pair")]

    def __str__(self) -> str:
        return f"{self.person} – {self.organisation}"


LANGUAGE_LABELS = dict(CONTENT_LANGUAGE_CHOICES)

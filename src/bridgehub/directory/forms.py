"""Validation of organisation and person input, shared by pages, imports and the API."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bridgehub.common.languages import CONTENT_LANGUAGE_CHOICES
from bridgehub.common.money import AmountField
from bridgehub.directory.models import AskOffer, Organisation, Person, Sector


class OrganisationForm(forms.ModelForm):
    sectors = forms.ModelMultipleChoiceField(
        queryset=Sector.objects.all(), required=False, widget=forms.CheckboxSelectMultiple, label=_("sectors")
    )
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "name_reading", "kind", "investor_type", "country", "founded_year", "website",
                  "team_size", "registry_number", "stage", "sectors", "original_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].label_from_instance = lambda sector: sector.label_for(self.ui_language)

    ui_language = "en"


class ProfileTextForm(forms.Form):
    tagline = forms.CharField(label=_("tagline"), max_length=200, required=False)
    summary = forms.CharField(label=_("public summary"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    member_details = forms.CharField(
        label=_("details for hub members"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Traction, customers, financials: shown only to members of your hubs."),
    )


def profile_text_errors(language: str, fields: dict[str, str]) -> dict[str, list[str]]:
    """The same checks the profile page runs on one language's text (lengths, no NUL characters)."""
    form = ProfileTextForm(data=fields)
    return {} if form.is_valid() else {name: [str(e) for e in errors] for name, errors in form.errors.items()}


def check_written_in_one_language(texts: dict[str, dict[str, str]]) -> None:
    """A profile says something in at least one language (pages, API and domain all ask this)."""
    if not any(value.strip() for fields in texts.values() for value in fields.values()):
        raise forms.ValidationError(_("Write the profile in at least one language."), code="no_language")


class AskOfferForm(forms.ModelForm):
    amount_min = AmountField(label=_("amount from"), required=False, min_value=0, max_value=10**15)
    amount_max = AmountField(label=_("amount to"), required=False, min_value=0, max_value=10**15)

    class Meta:
        model = AskOffer
        fields = ["direction", "kind", "amount_min", "amount_max", "currency", "market", "talent_role", "note",
                  "visibility"]


class PersonForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(choices=CONTENT_LANGUAGE_CHOICES, required=False,
                                          widget=forms.CheckboxSelectMultiple, label=_("languages spoken"))

    class Meta:
        model = Person
        fields = ["name", "name_reading", "title", "languages", "original_language", "contact_email", "phone",
                  "profile_visibility", "contact_visibility", "open_to_roles", "sought_role", "based_in"]
        help_texts = {"open_to_roles": _("Start-ups of your hubs that hire see you among their matches, with your "
                                         "title and biography (not if your profile is private).")}

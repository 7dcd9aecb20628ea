from django import forms
from django.utils.translation import gettext_lazy as _

from bridgehub.common.timezones import zone_choices


def zone_field(current: str | None = None, *, preselect_browser_zone: bool = False) -> forms.ChoiceField:
    """The one time zone of a person (agendas, calendars, e-mails, dashboard), picked from readable city
    names; the page script suggests the browser's zone (data-suggest-zone)."""
    return forms.ChoiceField(label=_("my time zone"), choices=zone_choices(current),
                             help_text=_("Your agendas, calendar files and e-mails show times in this zone."),
                             widget=forms.Select(attrs={
                                 "data-suggest-zone": "preselect" if preselect_browser_zone else "offer",
                                 "data-suggest-label": _("Use this device's zone:")}))


class SignupForm(forms.Form):
    """Extra sign-up field (allauth's ACCOUNT_SIGNUP_FORM_CLASS): the name other members see,
    so that nobody is ever shown by their login address."""

    display_name = forms.CharField(label=_("Your name as others see it"), max_length=150,
                                   widget=forms.TextInput(attrs={"autocomplete": "name"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"] = zone_field("Asia/Tokyo", preselect_browser_zone=True)
        self.fields["time_zone"].initial = "Asia/Tokyo"

    def clean_display_name(self) -> str:
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Give the name other members will see."))
        if "@" in name:
            raise forms.ValidationError(_("Use a name, not an e-mail address."))
        return name

    def signup(self, request, user) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.time_zone = self.cleaned_data["time_zone"]
        user.save(update_fields=["display_name", "time_zone"])

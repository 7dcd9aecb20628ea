from django import forms
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    """Extra sign-up field (allauth's ACCOUNT_SIGNUP_FORM_CLASS): the name other members see,
    so that nobody is ever shown by their login address."""

    display_name = forms.CharField(label=_("Your name as others see it"), max_length=150,
                                   widget=forms.TextInput(attrs={"autocomplete": "name"}))

    def clean_display_name(self) -> str:
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Give the name other members will see."))
        if "@" in name:
            raise forms.ValidationError(_("Use a name, not an e-mail address."))
        return name

    def signup(self, request, user) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])

"""Currencies the hubs deal in, and amounts as people type them."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

CURRENCY_CHOICES = [("TWD", _("New Taiwan dollar (TWD)")), ("JPY", _("Japanese yen (JPY)")),
                    ("USD", _("US dollar (USD)")), ("SGD", _("Singapore dollar (SGD)"))]
CURRENCIES = tuple(code for code, _label in CURRENCY_CHOICES)


def parse_amount(text: str) -> int:
    """A whole amount as people type it: "7,680,000", "7 680 000", full-width "７，６８０，０００";
    not words or units ("768万" is refused rather than guessed). Raises ValueError naming what is wrong."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    for separator in (",", " ", "_", "'", "\u00a0", "\u3001"):
        cleaned = cleaned.replace(separator, "")
    if cleaned.endswith(".00") or cleaned.endswith(".0"):
        cleaned = cleaned.rsplit(".", 1)[0]
    if not cleaned.isdigit():
        raise ValueError(text)
    return int(cleaned)


class AmountField(forms.IntegerField):
    """An amount input that keeps every digit visible and accepts thousands separators.

    Why: a narrow number box showed 76800 of 7,680,000, and a pasted "7,680,000" was refused as not a
    number. The input is text with a numeric keyboard, shown with separators, read back without them."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 14,
                                    "class": "amount"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_amount(str(value))
        except ValueError:
            raise forms.ValidationError(
                _("Write the amount in digits, for example 7,680,000."), code="invalid") from None

    def prepare_value(self, value):
        if isinstance(value, int):
            return f"{value:,}"
        return value

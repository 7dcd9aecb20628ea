"""Currencies the hubs deal in."""

from django.utils.translation import gettext_lazy as _

CURRENCY_CHOICES = [("TWD", _("New Taiwan dollar (TWD)")), ("JPY", _("Japanese yen (JPY)")),
                    ("USD", _("US dollar (USD)")), ("SGD", _("Singapore dollar (SGD)"))]
CURRENCIES = tuple(code for code, _label in CURRENCY_CHOICES)

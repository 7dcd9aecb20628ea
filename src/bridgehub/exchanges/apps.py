from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangesConfig(AppConfig):
    name = "bridgehub.exchanges"
    verbose_name = _("Exchange rounds")
    default_auto_field = "django.db.models.BigAutoField"

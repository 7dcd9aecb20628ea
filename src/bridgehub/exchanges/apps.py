from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangesConfig(AppConfig):
    name = "bridgehub.exchanges"
    verbose_name = _("Exchange rounds")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from bridgehub.accounts.domain.personal_data import register
        from bridgehub.exchanges.domain import personal_data

        register("exchange_rounds", personal_data.export, personal_data.erase)

        from bridgehub.exchanges.domain import trust_hooks

        trust_hooks.register()

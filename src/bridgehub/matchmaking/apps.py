from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    name = "bridgehub.matchmaking"
    verbose_name = _("Matchmaking")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from bridgehub.accounts.domain.personal_data import register
        from bridgehub.matchmaking import signals  # noqa: F401 - registers the receivers
        from bridgehub.matchmaking.domain import personal_data

        register("matching", personal_data.export, personal_data.erase)

        from bridgehub.matchmaking.domain import trust_hooks

        trust_hooks.register()

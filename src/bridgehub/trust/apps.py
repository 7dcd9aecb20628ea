from django.apps import AppConfig


class TrustConfig(AppConfig):
    name = "bridgehub.trust"
    label = "trust"

    def ready(self):
        from bridgehub.accounts.domain.personal_data import register
        from bridgehub.trust import signals  # noqa: F401 - connects the receivers
        from bridgehub.trust.domain import personal_data

        register("trust", personal_data.export, personal_data.erase)

from django.apps import AppConfig


class HubsConfig(AppConfig):
    name = "bridgehub.hubs"
    label = "hubs"

    def ready(self) -> None:
        from bridgehub.accounts.domain.personal_data import register
        from bridgehub.hubs.domain import personal_data

        register("hub_roles", personal_data.export, personal_data.erase)

from django.apps import AppConfig


class HubsConfig(AppConfig):
    name = "bridgehub.hubs"
    label = "hubs"

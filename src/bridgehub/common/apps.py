from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "bridgehub.common"
    label = "common"

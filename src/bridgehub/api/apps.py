from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "bridgehub.api"
    label = "bridgehub_api"

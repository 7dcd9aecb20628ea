from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "bridgehub.web"
    label = "bridgehub_web"

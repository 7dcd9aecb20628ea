from django.apps import AppConfig


class SignalsConfig(AppConfig):
    name = "bridgehub.signals"
    label = "signals"
    verbose_name = "market signals"

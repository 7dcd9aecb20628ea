from django.apps import AppConfig


class ManageConfig(AppConfig):
    name = "bridgehub.manage"
    label = "bridgehub_manage"

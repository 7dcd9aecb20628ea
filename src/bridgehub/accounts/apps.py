from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bridgehub.accounts"
    label = "accounts"

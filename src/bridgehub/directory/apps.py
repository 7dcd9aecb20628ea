from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "bridgehub.directory"
    label = "directory"

from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "bridgehub.directory"
    label = "directory"

    def ready(self):
        from bridgehub.directory import signals  # noqa: F401 - connects the receivers

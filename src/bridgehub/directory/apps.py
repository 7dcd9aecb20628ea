from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "bridgehub.directory"
    label = "directory"

    def ready(self):
        from bridgehub.accounts.domain.personal_data import register
        from bridgehub.directory import signals  # noqa: F401 - connects the receivers
        from bridgehub.directory.domain import personal_data

        register("directory", personal_data.export, personal_data.erase)

from django.apps import AppConfig


class PipelineConfig(AppConfig):
    name = "bridgehub.pipeline"
    label = "pipeline"

    def ready(self):
        from bridgehub.accounts.domain.personal_data import register
        from bridgehub.pipeline import signals  # noqa: F401 - connects the receivers
        from bridgehub.pipeline.domain import personal_data

        register("pipeline", personal_data.export, personal_data.erase)

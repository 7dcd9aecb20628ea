"""django-tasks' worker, which first starts the periodic tasks (settings.PERIODIC_TASKS).

`--batch` (run what is queued, then stop: tests and cron-style use) starts none: a periodic chain
needs a worker that stays.
"""

from django.conf import settings
from django.utils.module_loading import import_string
from django_tasks_db.management.commands.db_worker import Command as DbWorker

from bridgehub.common.periodic import ensure_scheduled


class Command(DbWorker):
    def handle(self, *args, **options):
        if not options.get("batch"):
            for path in settings.PERIODIC_TASKS:
                ensure_scheduled(import_string(path))
        return super().handle(*args, **options)

import time

from django.core.management.base import BaseCommand

from bridgehub.matchmaking.domain.refresh import refresh_everything


class Command(BaseCommand):
    help = ("Read and encode every matchable profile (reusing identical ones, skipping unchanged ones) and "
            "rebuild every hub's recommendation lists now, in this process. For after an import or an "
            "encoder change; day to day, `bridgehub db_worker` does this as profiles change.")

    def handle(self, *args, **options):
        started = time.perf_counter()
        outcomes = refresh_everything()
        summary = ", ".join(f"{name}: {count}" for name, count in sorted(outcomes.items()))
        self.stdout.write(f"{summary} ({time.perf_counter() - started:.1f} s)")

from django.core.management.base import BaseCommand

from bridgehub.exchanges.domain.tick import run_tick


class Command(BaseCommand):
    help = ("Expire unanswered meeting requests past their deadline, remind recipients a day before, and send "
            "the daily e-mail digests that are due. The background worker does this every minute by itself; "
            "run this from cron only where no long-running worker is kept. Safe to run concurrently and "
            "repeatedly.")

    def handle(self, *args, **options):
        self.stdout.write(run_tick())

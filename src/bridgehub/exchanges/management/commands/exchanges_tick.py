from django.core.management.base import BaseCommand

from bridgehub.exchanges.domain.participation import expire_overdue, send_reminders


class Command(BaseCommand):
    help = ("Expire unanswered meeting requests past their deadline and remind recipients a day before. "
            "Run it every few minutes (cron or a systemd timer); it is safe to run concurrently and repeatedly.")

    def handle(self, *args, **options):
        reminded = send_reminders()
        expired = expire_overdue()
        self.stdout.write(f"reminded {reminded}, expired {expired}")

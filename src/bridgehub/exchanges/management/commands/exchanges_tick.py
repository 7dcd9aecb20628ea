from django.core.management.base import BaseCommand

from bridgehub.accounts.domain.mailing import send_due_digests
from bridgehub.exchanges.domain.participation import expire_overdue, send_reminders


class Command(BaseCommand):
    help = ("Expire unanswered meeting requests past their deadline, remind recipients a day before, and send "
            "the daily e-mail digests that are due. Run it every few minutes (cron or a systemd timer); it is "
            "safe to run concurrently and repeatedly.")

    def handle(self, *args, **options):
        reminded = send_reminders()
        expired = expire_overdue()
        digests = send_due_digests()
        self.stdout.write(f"reminded {reminded}, expired {expired}, digests {digests}")

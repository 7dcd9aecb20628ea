from django.core.management.base import BaseCommand

from bridgehub.directory.demo.builder import build_demo, demo_is_loaded
from bridgehub.directory.demo.people import ensure_logins
from bridgehub.exchanges.demo import build_exchange_demo
from bridgehub.matchmaking.demo import build_matching_demo


class Command(BaseCommand):
    help = ("Load the trilingual demo hub with its exchange rounds (once) and print the demo logins "
            "with fresh passwords.")

    def handle(self, *args, **options):
        if demo_is_loaded():
            logins = ensure_logins(None)
            self.stdout.write("Demo data already loaded; demo passwords were reset.")
        else:
            result = build_demo()
            logins = result.logins
            meetings = build_exchange_demo()
            matching = build_matching_demo()
            self.stdout.write(f"Demo hub loaded: {result.organisations} organisations, {result.people} people, "
                              f"{meetings} meetings scheduled in the December exchange round, "
                              f"{matching['recommendations']} recommendations for {matching['profiles']} profiles.")
        self.stdout.write("")
        self.stdout.write("Log in at http://127.0.0.1:8000/accounts/login/ with:")
        for email, password, role in logins:
            self.stdout.write(f"  {role:28} {email:40} password: {password}")

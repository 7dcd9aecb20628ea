from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from bridgehub.directory.demo.builder import build_demo, demo_is_loaded
from bridgehub.directory.demo.people import ensure_logins
from bridgehub.exchanges.demo import build_exchange_demo
from bridgehub.exchanges.demo_trust import build_trust_demo
from bridgehub.matchmaking.demo import build_matching_demo
from bridgehub.pipeline.demo import build_pipeline_demo
from bridgehub.signals.demo import build_signals_demo


# Here, in a front-end app, because it builds every data app's demo (the data apps never import upwards).
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
            waiting = build_trust_demo()
            relationships = build_pipeline_demo()
            stories = build_signals_demo()
            self.stdout.write(f"Demo hub loaded: {result.organisations} organisations, {result.people} people, "
                              f"{meetings} meetings scheduled in the December exchange round, "
                              f"{matching['recommendations']} recommendations for {matching['profiles']} profiles, "
                              f"{waiting} cases in the Tokyo review queue, {relationships} relationships in its "
                              f"pipeline, {stories} news stories about its members.")
        # The configured site address (`make demo HOST=...` sets it), not a fixed port.
        lines = [f"Log in at {settings.CONFIG.site_url}/accounts/login/ with:"]
        lines += [f"  {role:28} {email:40} password: {password}" for email, password, role in logins]
        lines.append(f"E-mails the platform sends are written to {settings.EMAIL_FILE_PATH}/ (one file each).")
        text = "\n".join(lines) + "\n"
        self.stdout.write("")
        self.stdout.write(text)
        # `make demo` shows them again after the server's start line (runserver reads this file).
        banner = Path(settings.CONFIG.data_dir) / "demo-logins.txt"
        banner.parent.mkdir(parents=True, exist_ok=True)
        banner.write_text(text, encoding="utf-8")
        banner.chmod(0o600)

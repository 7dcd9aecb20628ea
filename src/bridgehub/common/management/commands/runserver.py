"""`runserver` that refuses to show Django's debug pages beyond this machine, and (for `make demo`)
prints the demo logins last, after the line that says where the server listens."""

import os
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.management.commands.runserver import Command as StaticfilesRunserver
from django.core.management.base import CommandError

LOOPBACK_ADDRESSES = {"127.0.0.1", "localhost", "::1"}


class Command(StaticfilesRunserver):
    def run(self, **options):
        if settings.DEBUG and self.addr not in LOOPBACK_ADDRESSES:
            raise CommandError(f"refusing to serve {self.addr} with BRIDGEHUB_DEBUG on: debug pages show settings "
                               "and code to whoever can reach them. Bind to 127.0.0.1, or set BRIDGEHUB_DEBUG=0.")
        return super().run(**options)

    def on_bind(self, server_port):
        super().on_bind(server_port)
        banner = os.environ.get("BRIDGEHUB_DEMO_BANNER")
        if banner and Path(banner).is_file():
            self.stdout.write("\n" + Path(banner).read_text(encoding="utf-8"))

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bridgehub.engines.scheduling.cli import run_schedule


class Command(BaseCommand):
    help = "Schedule the meetings of an instance file; prints one JSON line (feasible, ratio, binding, ...)."

    def add_arguments(self, parser):
        parser.add_argument("instance", type=Path)
        parser.add_argument("--time-limit", type=float, default=10.0, help="seconds (default 10)")
        parser.add_argument("--out", type=Path, help="where to write the schedule JSON")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--threads", type=int, default=None)

    def handle(self, *args, **options):
        summary = run_schedule(options["instance"], time_limit=options["time_limit"], out=options["out"],
                               seed=options["seed"], threads=options["threads"])
        self.stdout.write(json.dumps(summary))
        if summary.get("errors"):
            raise CommandError("the instance breaks the format (see errors above)")

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bridgehub.engines.matching.cli import InputError, read_profiles_file
from bridgehub.matchmaking.domain.refresh import encoder


class Command(BaseCommand):
    help = ("Read profiles as matching reads them (sectors, stages, needs, offers, talent role): "
            "INPUT.jsonl lines {id, kind, country, text} → OUTPUT.jsonl, one line per profile.")

    def add_arguments(self, parser):
        parser.add_argument("input", type=Path)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args, **options):
        started = time.perf_counter()
        try:
            summary = read_profiles_file(options["input"], options["out"], encoder())
        except (OSError, InputError, UnicodeDecodeError) as error:
            raise CommandError(f"{options['input']}: {error}") from error
        summary["seconds"] = round(time.perf_counter() - started, 1)
        self.stdout.write(json.dumps(summary))

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bridgehub.engines.trust.batch import BatchError, screen_file


class Command(BaseCommand):
    help = ("Screen messages (JSON Lines, the format of ../shared/eval/trust/README.md) with the product's "
            "fraud screen and write one verdict per line: id, flag, score, reasons.")

    def add_arguments(self, parser):
        parser.add_argument("messages", type=Path)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args, **options):
        try:
            counts = screen_file(options["messages"], options["out"])
        except (OSError, BatchError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(counts))

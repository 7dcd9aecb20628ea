import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bridgehub.engines.linking.batch import LinkFileError, link_files
from bridgehub.matchmaking.domain.refresh import encoder


class Command(BaseCommand):
    help = ("Link news items to directory organisations with the product's linker (JSON Lines, the format of "
            "../shared/eval/signals/README.md) and write one line per item: id, orgs.")

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("items", type=Path)
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument("--no-translations", action="store_true",
                            help="do not carry organisations over from an item's translation in the file "
                                 "(skips the encoder)")

    def handle(self, *args, **options):
        try:
            encode = None if options["no_translations"] else encoder().queries
            counts = link_files(options["directory"], options["items"], options["out"], encode)
        except (OSError, LinkFileError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(counts))

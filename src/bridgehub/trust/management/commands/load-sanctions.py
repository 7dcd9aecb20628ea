import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bridgehub.hubs.models import Hub
from bridgehub.trust.domain.sanctions import SanctionsFileError, load


class Command(BaseCommand):
    help = ("Load a sanctions list the hub is licensed to use (CSV: list,id,name,aliases,country; aliases "
            "separated by |) and screen the hub's organisations and people against it. Matches go to the "
            "hub's review queue. The file lands whole or not at all.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--hub", required=True, help="the hub's slug")

    def handle(self, *args, **options):
        hub = Hub.objects.filter(slug=options["hub"]).first()
        if hub is None:
            raise CommandError(f"no hub with the slug {options['hub']!r}")
        try:
            result = load(hub=hub, content=options["file"].read_bytes())
        except OSError as error:
            raise CommandError(str(error)) from error
        except SanctionsFileError as error:
            raise CommandError(f"{options['file']}: {error}") from error
        self.stdout.write(json.dumps({"entries": result.entries, "lists": list(result.lists),
                                      "new_cases": result.cases}))

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_date

from bridgehub.hubs.models import Hub
from bridgehub.pipeline.domain.report import outcomes_report
from bridgehub.pipeline.domain.report_files import outcomes_pdf, outcomes_xlsx


class Command(BaseCommand):
    help = ("Write a hub's outcome report as of a date: the funnel of its relationships (reached and confirmed "
            "at each step) and the investment and order amounts, the same figures as the operator's pipeline "
            "page. Regenerating a past date gives the same file. Formats: json (for machines), xlsx (figures and "
            "relationships), pdf (the figures, for the funding body), in --language.")

    def add_arguments(self, parser):
        parser.add_argument("--hub", required=True, help="the hub's slug")
        parser.add_argument("--as-of", required=True, help="YYYY-MM-DD, end of that day in the hub's zone")
        parser.add_argument("--format", choices=["json", "xlsx", "pdf"], default="json")
        parser.add_argument("--language", choices=["en", "ja", "zh-hant"], default="en")
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args, **options):
        hub = Hub.objects.filter(slug=options["hub"]).first()
        if hub is None:
            raise CommandError(f"--hub: no hub with the slug {options['hub']!r}")
        try:
            as_of = parse_date(options["as_of"])
        except ValueError:  # well formed, no such day
            as_of = None
        if as_of is None:
            raise CommandError(f"--as-of: {options['as_of']!r} is not a date (YYYY-MM-DD)")
        if options["format"] == "json":
            report = outcomes_report(hub, as_of, options["language"])
            options["out"].write_text(json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                      encoding="utf-8")
            self.stdout.write(f"{options['out']}: {report['relationships']} relationships as of {report['as_of']}")
            return
        write = outcomes_xlsx if options["format"] == "xlsx" else outcomes_pdf
        options["out"].write_bytes(write(hub, as_of, options["language"]))
        self.stdout.write(f"{options['out']}: outcome report as of {as_of.isoformat()}")

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bridgehub.engines.matching.benchmark import run_rank_benchmark


class Command(BaseCommand):
    help = ("Rank every profile of a matching benchmark set (reads only DATA_DIR/entities.jsonl) and write "
            "the ranking JSON that ../shared/eval/matching/score_ranking.py scores.")

    def add_arguments(self, parser):
        parser.add_argument("data_dir", type=Path)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args, **options):
        try:
            summary = run_rank_benchmark(options["data_dir"], options["out"])
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(summary))

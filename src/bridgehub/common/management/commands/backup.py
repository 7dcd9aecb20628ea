from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bridgehub.common.backup import BackupError, backup


class Command(BaseCommand):
    help = ("Save the database, the hubs' vector index files and the installation's secret key into one "
            ".tar.gz file, with the row count and checksum of every table. Safe while the site serves "
            "(SQLite: online backup API; PostgreSQL: pg_dump in one snapshot). The file holds personal "
            "data and the secret key: keep it like the database itself.")

    def add_arguments(self, parser):
        parser.add_argument("destination", type=Path, help="the backup file to write, e.g. backups/2026-12-03.tar.gz")

    def handle(self, *args, destination: Path, **options):
        try:
            manifest = backup(destination)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(f"backed up {len(manifest['tables'])} tables ({rows} rows) and {len(manifest['files'])} "
                          f"files from {manifest['engine']} to {destination}")

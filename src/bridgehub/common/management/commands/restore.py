from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bridgehub.common.backup import BackupError, read_manifest, restore


class Command(BaseCommand):
    help = ("Replace the database, the vector index files and the secret key with those of a backup made by "
            "`bridgehub backup`, then check every table's row count and checksum against the backup. Stop the "
            "web server and the worker first. Everything written since the backup is lost.")

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="a file written by `bridgehub backup`")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, source: Path, yes: bool, **options):
        try:
            manifest = read_manifest(source)
            if not yes and input(f"Replace this installation's data with the backup of {manifest['created_at']}? "
                                 "Type 'yes': ").strip() != "yes":
                raise CommandError("not restored")
            done = restore(source)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"restored {done.tables} tables ({done.rows} rows) and {done.files} files from {source}; "
                          "every table's checksum matches the backup")

"""Backups a restore can prove: the database, the hubs' vector index files and the installation's key.

A backup is one .tar.gz file:
  manifest.json   what was saved: engine, migrations, every table's row count and content checksum,
                  every file's checksum
  database.sqlite3 (SQLite: the online backup API, a consistent copy while the site keeps serving)
  database.dump   (PostgreSQL: pg_dump's custom format, taken in the same snapshot as the checksums)
  files/...       the vector index files and the secret-key file of the data folder

Restore puts all of it back and recomputes every checksum: a restore that does not give back exactly
what was saved says which tables differ and fails. Nothing here knows about the apps' tables: every
table of the database is saved and checked, so a new app is covered without a change here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says what and where."""


@dataclass(frozen=True)
class Restored:
    tables: int
    rows: int
    files: int


# --- checksums --------------------------------------------------------------------------------------

def _canonical(value: Any) -> str:
    if isinstance(value, memoryview):
        value = bytes(value)
    if isinstance(value, (dict, list)):  # PostgreSQL hands JSON back decoded
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return repr(value)


def _user_tables(cursor: Any) -> list[str]:
    return sorted(name for name in connection.introspection.table_names(cursor)
                  if not name.startswith("sqlite_"))


def _order_by(cursor: Any, table: str) -> str:
    """The primary key (rows come back in a stable order without sorting in memory), else every column."""
    keys = connection.introspection.get_primary_key_columns(cursor, table) or []
    if keys:
        return ", ".join(connection.ops.quote_name(key) for key in keys)
    columns = len(connection.introspection.get_table_description(cursor, table))
    return ", ".join(str(position) for position in range(1, columns + 1))


def fingerprint_tables(cursor: Any) -> dict[str, dict[str, Any]]:
    """{table: {"rows": n, "sha256": hex}} for every table of the database the cursor reads."""
    result = {}
    for table in _user_tables(cursor):
        digest, rows = hashlib.sha256(), 0
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} "  # noqa: S608 - names from the catalogue
                       f"ORDER BY {_order_by(cursor, table)}")
        while batch := cursor.fetchmany(2000):
            for row in batch:
                digest.update(("\x1f".join(_canonical(value) for value in row) + "\x1e").encode())
            rows += len(batch)
        result[table] = {"rows": rows, "sha256": digest.hexdigest()}
    return result


def fingerprint_database() -> dict[str, dict[str, Any]]:
    with connection.cursor() as cursor:
        return fingerprint_tables(cursor)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


# --- what is saved besides the database -------------------------------------------------------------

def _saved_files() -> dict[str, Path]:
    """Archive name → file on disk: the vector index files and the installation's secret-key file."""
    found = {}
    index_dir = Path(settings.MATCHING_INDEX_DIR)
    if index_dir.is_dir():
        for path in sorted(index_dir.iterdir()):
            if path.is_file():
                found[f"files/matching/{path.name}"] = path
    key_file = Path(settings.DATA_DIR) / "secret_key"
    if key_file.is_file():
        found["files/secret_key"] = key_file
    return found


def _target_for(name: str) -> Path:
    if name == "files/secret_key":
        return Path(settings.DATA_DIR) / "secret_key"
    if name.startswith("files/matching/") and "/" not in name.removeprefix("files/matching/"):
        return Path(settings.MATCHING_INDEX_DIR) / name.removeprefix("files/matching/")
    raise BackupError(f"the backup holds an unexpected file {name!r}")


# --- the database, per engine -------------------------------------------------------------------------

def _pg_environment() -> tuple[list[str], dict[str, str]]:
    db = connection.settings_dict
    arguments = ["--dbname", db["NAME"], "--username", db.get("USER") or "postgres"]
    if db.get("HOST"):
        arguments += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        arguments += ["--port", str(db["PORT"])]
    environment = dict(os.environ)
    if db.get("PASSWORD"):
        environment["PGPASSWORD"] = str(db["PASSWORD"])
    return arguments, environment


def _run(command: list[str], environment: dict[str, str]) -> None:
    try:
        done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL's client tools are needed)") from None
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[:2000]}")


def _dump_database(folder: Path) -> tuple[str, dict[str, dict[str, Any]]]:
    """Writes the database into `folder`; returns its file name and the checksums of that same copy."""
    if connection.vendor == "sqlite":
        target = folder / "database.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)  # one consistent snapshot, readers and writers go on
        finally:
            copy.close()
        # Read back with the column types Django's own connection uses, so the checksums match the live ones.
        snapshot = sqlite3.connect(target, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
        try:
            return target.name, fingerprint_tables(snapshot.cursor())
        finally:
            snapshot.close()
    if connection.vendor == "postgresql":
        target = folder / "database.dump"
        arguments, environment = _pg_environment()
        # The checksums and pg_dump read the same exported snapshot: what the manifest says is what the
        # dump holds, however many writes land meanwhile.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot_id = cursor.fetchone()[0]
            _run(["pg_dump", "--format=custom", "--no-owner", f"--snapshot={snapshot_id}",
                  f"--file={target}", *arguments], environment)
            tables = fingerprint_tables(cursor)
        return target.name, tables
    raise BackupError(f"backups of {connection.vendor} databases are not supported")


def _load_database(dump: Path) -> None:
    connections.close_all()
    if connection.vendor == "sqlite":
        source = sqlite3.connect(dump)
        live = sqlite3.connect(connection.settings_dict["NAME"], timeout=60)
        try:
            source.backup(live)  # page by page under the write lock: other connections wait, then see it whole
        finally:
            live.close()
            source.close()
        return
    arguments, environment = _pg_environment()
    _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *arguments, str(dump)],
         environment)


# --- the two commands ---------------------------------------------------------------------------------

def _migrations() -> list[str]:
    return sorted(f"{app}.{name}" for app, name in
                  MigrationRecorder(connection).migration_qs.values_list("app", "name"))


def backup(destination: Path) -> dict[str, Any]:
    """Writes the backup file; returns its manifest. Side effect: `destination` (replaced atomically)."""
    destination = destination.resolve()
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=destination.parent) as scratch:
        folder = Path(scratch)
        database_file, tables = _dump_database(folder)
        files = _saved_files()
        manifest = {
            "format": FORMAT, "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "engine": connection.vendor, "database_file": database_file, "migrations": _migrations(),
            "tables": tables, "files": {name: _file_digest(path) for name, path in files.items()},
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
        partial = folder / "backup.tar.gz"
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(folder / MANIFEST, arcname=MANIFEST)
            archive.add(folder / database_file, arcname=database_file)
            for name, path in files.items():
                archive.add(path, arcname=name)
        os.replace(partial, destination)
    return manifest


def read_manifest(source: Path) -> dict[str, Any]:
    try:
        with tarfile.open(source, "r:gz") as archive:
            member = archive.extractfile(MANIFEST)
            if member is None:
                raise KeyError(MANIFEST)
            manifest = json.loads(member.read())
    except FileNotFoundError:
        raise BackupError(f"{source}: no such file") from None
    except (tarfile.TarError, KeyError, OSError, json.JSONDecodeError) as error:
        raise BackupError(f"{source} is not a bridgehub backup ({MANIFEST} unreadable: {error})") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{source}: backup format {manifest.get('format')!r}, this version reads {FORMAT}")
    return manifest


def differences(expected: dict[str, dict[str, Any]], actual: dict[str, dict[str, Any]]) -> list[str]:
    """One line per table whose rows or content differ (or that only one side has)."""
    lines = []
    for table in sorted(set(expected) | set(actual)):
        before, after = expected.get(table), actual.get(table)
        if before != after:
            lines.append(f"{table}: backup {before['rows'] if before else 'absent'} rows, "
                         f"now {after['rows'] if after else 'absent'} rows"
                         + (" (same count, other content)" if before and after and
                            before["rows"] == after["rows"] else ""))
    return lines


def restore(source: Path) -> Restored:
    """Replaces the database and the saved files with the backup's, then proves it by the checksums.

    Stop the web server and the worker first (PostgreSQL waits for their locks; SQLite readers would see
    the swap mid-request). Raises BackupError before touching anything when the file is not a backup of
    this engine, and after loading when a checksum differs.
    """
    manifest = read_manifest(source)
    if manifest["engine"] != connection.vendor:
        raise BackupError(f"{source} is a {manifest['engine']} backup; this installation runs {connection.vendor}")
    with tempfile.TemporaryDirectory() as scratch, tarfile.open(source, "r:gz") as archive:
        archive.extractall(scratch, filter="data")
        folder = Path(scratch)
        for name, digest in manifest["files"].items():
            _target_for(name)  # refuse unknown names before anything changes
            if _file_digest(folder / name) != digest:
                raise BackupError(f"{source}: {name} is damaged (checksum differs)")
        _load_database(folder / manifest["database_file"])
        index_dir = Path(settings.MATCHING_INDEX_DIR)
        if index_dir.is_dir():
            shutil.rmtree(index_dir)  # index files made after the backup describe rows that are gone
        for name in manifest["files"]:
            target = _target_for(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / name, target)
    problems = differences(manifest["tables"], fingerprint_database())
    if problems:
        raise BackupError("the restored database differs from the backup:\n" + "\n".join(problems))
    return Restored(tables=len(manifest["tables"]), rows=sum(t["rows"] for t in manifest["tables"].values()),
                    files=len(manifest["files"]))

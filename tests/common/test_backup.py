"""The backup drill: build the demo, back up, change data, restore: every table as it was at the backup.

Runs on whichever engine the suite runs on (SQLite by default, PostgreSQL in the second pass), with the
real pg_dump/pg_restore or SQLite's online backup API.
"""

import json
import tarfile

import pytest
from django.core.management import CommandError, call_command

from bridgehub.accounts.models import User
from bridgehub.common.backup import fingerprint_database
from bridgehub.directory.demo.builder import build_demo
from bridgehub.directory.models import Organisation
from bridgehub.hubs.models import Hub
from bridgehub.matchmaking.domain.lists import rebuild_hub
from bridgehub.matchmaking.domain.refresh import profile_for, refresh_profile


@pytest.fixture
def data_dirs(settings, tmp_path, taxonomy_again):
    settings.DATA_DIR = tmp_path / "var"
    settings.MATCHING_INDEX_DIR = tmp_path / "var" / "matching"
    settings.DATA_DIR.mkdir()
    (settings.DATA_DIR / "secret_key").write_text("the installation's key\n")
    return settings


@pytest.mark.django_db(transaction=True)
def test_backup_change_restore_gives_back_every_table_and_file_exactly(data_dirs, tmp_path, capsys):
    build_demo()
    tokyo = Hub.objects.get(slug="tokyo")
    for organisation in Organisation.objects.filter(hub_links__hub=tokyo, kind__in=["startup", "investor"])[:12]:
        refresh_profile(profile_for(organisation=organisation).pk, rebuild=False)  # real vectors, a dozen
    rebuild_hub(tokyo.pk)  # the hub's real vector index files
    index_files = sorted(path.name for path in data_dirs.MATCHING_INDEX_DIR.iterdir())
    assert index_files, "the index was written"
    at_backup = fingerprint_database()
    target = tmp_path / "backups" / "drill.tar.gz"

    call_command("backup", str(target))
    assert "backed up" in capsys.readouterr().out
    with tarfile.open(target) as archive:
        manifest = json.load(archive.extractfile("manifest.json"))
    assert manifest["tables"] == at_backup  # the manifest describes the database as it was
    assert {f"files/matching/{name}" for name in index_files} | {"files/secret_key"} == set(manifest["files"])

    # Life goes on: rows deleted, added and edited, an index file lost, a new one written.
    Organisation.objects.filter(pk__in=list(Organisation.objects.filter(kind="corporate")
                                            .values_list("pk", flat=True)[:3])).delete()
    User.objects.create_user("after-the-backup@example.com", "a long passphrase 7")
    Organisation.objects.filter(kind="investor").update(name="Renamed after the backup")
    (data_dirs.MATCHING_INDEX_DIR / index_files[0]).unlink()
    (data_dirs.MATCHING_INDEX_DIR / "hub-999.npy").write_bytes(b"made later")
    assert fingerprint_database() != at_backup

    call_command("restore", str(target), "--yes")
    assert "every table's checksum matches" in capsys.readouterr().out
    assert fingerprint_database() == at_backup  # every table: same row count, same content
    assert sorted(path.name for path in data_dirs.MATCHING_INDEX_DIR.iterdir()) == index_files
    assert not User.objects.filter(email="after-the-backup@example.com").exists()


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_backup_before_touching_anything(data_dirs, tmp_path):
    Organisation.objects.create(name="Kept", slug="kept", kind="startup", country="JP")
    not_a_backup = tmp_path / "notes.tar.gz"
    not_a_backup.write_text("hello")
    with pytest.raises(CommandError, match="is not a bridgehub backup"):
        call_command("restore", str(not_a_backup), "--yes")
    with pytest.raises(CommandError, match="no such file"):
        call_command("restore", str(tmp_path / "missing.tar.gz"), "--yes")
    assert Organisation.objects.filter(slug="kept").exists()

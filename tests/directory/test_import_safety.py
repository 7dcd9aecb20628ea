"""Uploads are bounded and malformed files answered clearly; imports stay inside the hub; an import
lands whole or not at all; an export re-imports to the same values."""

import hashlib
import io
import zipfile

import pytest
from django.apps import apps
from django.db import connection

from bridgehub.directory.domain.exports import people_rows, to_csv, to_xlsx
from bridgehub.directory.domain.imports import PEOPLE_COLUMNS, ImportRejected, commit_import, preview_import
from bridgehub.directory.domain.search import refresh_search_fields
from bridgehub.directory.domain.tabular import UnreadableFile
from bridgehub.directory.models import Affiliation, ImportBatch, Organisation, Person
from tests.conftest import client_for, run_queued_tasks
from tests.directory.test_imports import GOOD, HEADER, csv_bytes, xlsx
from tests.factories.core import OrganisationFactory, OrganisationHubFactory, PersonFactory


def preview(world, filename, content, kind="organisations"):
    return preview_import(user=world.tokyo_operator, hub=world.tokyo, kind=kind, filename=filename, content=content)


def fingerprint() -> dict[str, tuple[int, str]]:
    """Row count and content checksum of every table of the directory and accounts apps."""
    result = {}
    for label in ("directory", "accounts", "hubs"):
        for model in apps.get_app_config(label).get_models():
            rows = list(model.objects.order_by("pk").values_list())
            result[model._meta.db_table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return result


# --- bounded uploads ----------------------------------------------------------------------------

@pytest.mark.django_db
def test_an_upload_over_the_size_cap_is_refused_before_it_is_read(world, settings):
    settings.IMPORT_MAX_BYTES = 10_000
    from django.core.files.uploadedfile import SimpleUploadedFile

    big = SimpleUploadedFile("big.csv", b"name,kind,country\n" + b"A,startup,JP\n" * 2000, "text/csv")
    response = client_for(world.tokyo_operator).post("/manage/tokyo/imports/", {"kind": "organisations",
                                                                                "file": big})
    assert response.status_code == 200
    assert "The file is larger than 9.8\xa0KB" in response.content.decode()
    assert ImportBatch.objects.count() == 0


def zip_bomb(expanded_bytes: int) -> bytes:
    """A workbook-shaped zip whose one sheet would expand to `expanded_bytes` of spaces."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * expanded_bytes)
    return buffer.getvalue()


@pytest.mark.django_db
def test_a_zip_bomb_is_refused_unopened(world):
    content = zip_bomb(50_000_000)
    assert len(content) < 100_000
    with pytest.raises(UnreadableFile, match="would expand to 50 MB; it is refused as unsafe"):
        preview(world, "bomb.xlsx", content)


def damaged_workbook() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(xlsx([HEADER, *GOOD])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut off mid-element
            target.writestr(item, data)
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(("filename", "content", "message"), [
    ("m.xlsx", damaged_workbook(), "the XLSX file is damaged and cannot be read"),
    ("m.csv", b'name,kind\n"' + b"x" * 200_000 + b'",startup\n', "the CSV file is malformed near line"),
])
def test_malformed_files_get_a_clear_error(world, filename, content, message):
    with pytest.raises(UnreadableFile, match=message):
        preview(world, filename, content)


@pytest.mark.django_db
def test_the_page_answers_a_malformed_file_with_the_reason_not_a_500(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("m.xlsx", damaged_workbook())
    response = client_for(world.tokyo_operator).post("/manage/tokyo/imports/", {"kind": "organisations",
                                                                                "file": upload})
    assert response.status_code == 200
    assert "the XLSX file is damaged and cannot be read" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("filename", ["rows.csv", "rows.xlsx"])
def test_the_row_cap_is_checked_while_rows_stream(world, settings, filename):
    settings.IMPORT_MAX_ROWS = 3
    rows = [HEADER] + [[f"Org {n}", "startup", "JP", "", "", "", "", "en", ""] for n in range(4)]
    content = csv_bytes(rows) if filename.endswith(".csv") else xlsx(rows)
    with pytest.raises(UnreadableFile, match="more than 3 rows; at most 3 can be imported at once"):
        preview(world, filename, content)
    blank_tail = xlsx(rows[:4] + [[None] * 9] * 50)  # formatted empty rows after the data do not count
    assert preview(world, "tail.xlsx", blank_tail).total_rows == 3


@pytest.mark.django_db
def test_the_error_table_is_paginated(world):
    rows = [HEADER] + [["", "spaceship", "JP", "", "", "", "", "en", ""] for _ in range(120)]
    batch = preview(world, "many.csv", csv_bytes(rows))
    assert len(batch.errors) == 240
    client = client_for(world.tokyo_operator)
    first = client.get(f"/manage/tokyo/imports/{batch.pk}/").content.decode()
    last = client.get(f"/manage/tokyo/imports/{batch.pk}/?page=3").content.decode()
    assert (first.count("<td><code>"), last.count("<td><code>")) == (100, 40)
    assert "Page 1 of 3" in first


# --- scoped to the hub, consent ---------------------------------------------------------------

PEOPLE_HEADER = ["name", "organisation", "language", "contact_email", "phone"]


@pytest.mark.django_db
def test_people_attach_only_to_approved_organisations_of_the_importing_hub(world):
    pending = OrganisationFactory(name="Pending Co")
    OrganisationHubFactory(organisation=pending, hub=world.tokyo, status="pending")
    rows = [PEOPLE_HEADER, ["A", "Taipei Org", "en", "", ""], ["B", "Pending Co", "en", "", ""],
            ["C", "Secret Chips", "en", "", ""]]
    batch = preview(world, "p.csv", csv_bytes(rows), kind="people")
    assert [(e["row"], e["column"], e["message"]) for e in batch.errors] == [
        (2, "organisation", "no approved member organisation of this hub has this name or registry number"),
        (3, "organisation", "no approved member organisation of this hub has this name or registry number")]
    commit_import(user=world.tokyo_operator, batch=batch, only_good_rows=True)
    assert list(Affiliation.objects.values_list("person__name", "organisation__name")) == [("C", "Secret Chips")]


@pytest.mark.django_db
def test_imported_people_are_listed_only_after_consent(world):
    batch = preview(world, "p.csv", csv_bytes([PEOPLE_HEADER, ["Imported Ito", "Secret Chips", "en", "", ""]]),
                    kind="people")
    commit_import(user=world.tokyo_operator, batch=batch)
    person = Person.objects.get(name="Imported Ito")
    who = {"anonymous": None, "tokyo_member": world.tokyo_member, "taipei_member": world.taipei_member,
           "owner": world.owner, "tokyo_operator": world.tokyo_operator}

    def seen():
        return {name: client_for(user).get(f"/people/{person.pk}/").status_code for name, user in who.items()}

    assert seen() == {"anonymous": 404, "tokyo_member": 404, "taipei_member": 404, "owner": 200,
                      "tokyo_operator": 200}
    assert "Imported Ito" not in client_for(None).get("/o/secret-chips/").content.decode()
    team = client_for(world.owner).get("/o/secret-chips/team/").content.decode()
    assert "Imported Ito" in team
    assert client_for(world.tokyo_member).post("/o/secret-chips/team/", {"consent": person.pk}).status_code == 404
    client_for(world.owner).post("/o/secret-chips/team/", {"consent": person.pk})
    assert seen() == {name: 200 for name in who}
    assert "Imported Ito" in client_for(None).get("/o/secret-chips/").content.decode()


@pytest.mark.django_db
def test_the_people_export_honours_contact_visibility(world):
    for name, visibility in (("Open Ono", "members"), ("Private Park", "private")):
        person = PersonFactory(name=name, contact_email=f"{name.split()[0].lower()}@example.org", phone="+81 3",
                               contact_visibility=visibility)
        Affiliation.objects.create(person=person, organisation=world.organisation)
    exported = client_for(world.tokyo_operator).get("/manage/tokyo/export/people.csv").content.decode("utf-8-sig")
    assert "open@example.org" in exported and "private@example.org" not in exported


# --- all or nothing ---------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_row_that_became_invalid_after_the_preview_leaves_everything_unchanged(world):
    batch = preview(world, "m.csv", csv_bytes([HEADER, *GOOD]))
    refresh_search_fields(OrganisationFactory(name="Nimbus Labs", kind="corporate", country="US"))
    before = fingerprint()
    with pytest.raises(ImportRejected, match="rows 4 conflict with changes made since the preview"):
        commit_import(user=world.tokyo_operator, batch=batch)
    assert fingerprint() == before


def _fail_inserts_named(name: str) -> None:
    """A real database trigger: the storage refuses one row, as a full disk or a constraint would."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"CREATE TRIGGER refuse_row BEFORE INSERT ON directory_organisation WHEN NEW.name = "
                           f"'{name}' BEGIN SELECT RAISE(ABORT, 'storage refused the row'); END")
        else:
            cursor.execute(f"CREATE FUNCTION refuse_row() RETURNS trigger AS $$ BEGIN IF NEW.name = '{name}' THEN "
                           "RAISE EXCEPTION 'storage refused the row'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql")
            cursor.execute("CREATE TRIGGER refuse_row BEFORE INSERT ON directory_organisation "
                           "FOR EACH ROW EXECUTE FUNCTION refuse_row()")


@pytest.mark.django_db
def test_a_write_failing_mid_batch_leaves_everything_unchanged(world):
    batch = preview(world, "m.csv", csv_bytes([HEADER, *GOOD]))
    _fail_inserts_named("Nimbus Labs")  # the third and last row
    before = fingerprint()
    with pytest.raises(ImportRejected, match="the database refused row 4"):
        commit_import(user=world.tokyo_operator, batch=batch)
    assert fingerprint() == before


@pytest.mark.django_db
def test_a_write_failing_mid_batch_is_a_message_on_the_page_not_a_500(world, django_capture_on_commit_callbacks):
    batch = preview(world, "m.csv", csv_bytes([HEADER, *GOOD]))
    _fail_inserts_named("株式会社汐見プロセス")
    client = client_for(world.tokyo_operator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/manage/tokyo/imports/{batch.pk}/", {"action": "commit"})
    run_queued_tasks(only="commit_import_task")  # the worker tries, and the database refuses
    response = client.get(f"/manage/tokyo/imports/{batch.pk}/")
    assert "Nothing was written: the database refused row 3" in response.content.decode()
    assert not Organisation.objects.filter(name="澄析光學").exists()


# --- round trip -------------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_reimports_to_the_same_values(world, fmt):
    values = [("Tanaka", "+81 3-1234-5678", "CTO"), ("Minus", "-1", "=SUM(A1)"), ("Quote", "'+1", "'plain")]
    for name, phone, title in values:
        person = PersonFactory(name=name, phone=phone, title=title, contact_visibility="members")
        Affiliation.objects.create(person=person, organisation=world.organisation)
    rows = people_rows(Person.objects.order_by("name"), world.tokyo_operator)
    content = to_csv(PEOPLE_COLUMNS, rows) if fmt == "csv" else to_xlsx(PEOPLE_COLUMNS, rows)
    Person.objects.all().delete()
    batch = preview(world, f"people.{fmt}", content, kind="people")
    assert batch.errors == []
    commit_import(user=world.tokyo_operator, batch=batch)
    assert sorted(Person.objects.values_list("name", "phone", "title")) == sorted(values)


@pytest.mark.django_db
def test_a_committed_or_cancelled_batch_keeps_its_report_not_the_file(world):
    from bridgehub.directory.domain.imports import cancel_import

    committed = preview(world, "m.csv", csv_bytes([HEADER, *GOOD]))
    commit_import(user=world.tokyo_operator, batch=committed)
    cancelled = preview(world, "p.csv", csv_bytes([PEOPLE_HEADER, ["Sato", "Secret Chips", "ja", "s@x.example",
                                                                   "+81 3"]]), kind="people")
    cancel_import(user=world.tokyo_operator, batch=cancelled)
    assert [(b.status, b.rows, b.total_rows) for b in ImportBatch.objects.order_by("pk")] == [
        ("committed", [], 3), ("cancelled", [], 1)]

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import Workbook, load_workbook

from bridgehub.directory.domain.exports import organisation_rows, to_csv, to_xlsx
from bridgehub.directory.domain.imports import (
    ORGANISATION_COLUMNS,
    ImportRejected,
    commit_import,
    preview_import,
)
from bridgehub.directory.domain.tabular import UnreadableFile
from bridgehub.directory.models import Affiliation, Organisation, Person
from tests.conftest import client_for

HEADER = ["name", "kind", "country", "registry_number", "website", "sectors", "stage", "language", "summary"]
GOOD = [
    ["澄析光學", "startup", "TW", "04595257", "https://chengxi.example", "先進封裝", "series_a", "zh-Hant",
     "我們開發晶圓缺陷檢測模組。"],
    ["株式会社汐見プロセス", "startup", "JP", "5835678256246", "", "半導体製造装置; robotics", "series_b", "ja",
     "熊本発の洗浄装置メーカーです。"],
    ["Nimbus Labs", "corporate", "US", "", "nimbus.example", "ai_software", "", "en", "A maker of robots."],
]


def xlsx(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")


@pytest.mark.django_db
def test_preview_reports_each_bad_cell_and_writes_nothing(world):
    rows = [HEADER, GOOD[0],
            ["Bad Checksum Co", "startup", "TW", "04595258", "", "", "", "zh-Hant", ""],
            GOOD[1],
            ["", "spaceship", "XX", "", "", "warp drives", "", "en", ""]]
    before = Organisation.objects.count()
    batch = preview_import(user=world.tokyo_operator, hub=world.tokyo, kind="organisations",
                           filename="members.xlsx", content=xlsx(rows))
    assert Organisation.objects.count() == before
    assert (batch.total_rows, batch.bad_rows) == (4, 2)
    cells = [(error["row"], error["column"]) for error in batch.errors]
    assert cells == [(3, "registry_number"), (5, "name"), (5, "kind"), (5, "country"), (5, "sectors")]
    assert batch.errors[-1]["message"] == "unknown sector “warp drives”"


@pytest.mark.django_db
def test_commit_with_bad_rows_is_refused_whole(world):
    rows = [HEADER, GOOD[0], ["Bad Checksum Co", "startup", "TW", "04595258", "", "", "", "zh-Hant", ""]]
    batch = preview_import(user=world.tokyo_operator, hub=world.tokyo, kind="organisations",
                           filename="m.csv", content=csv_bytes(rows))
    before = Organisation.objects.count()
    with pytest.raises(ImportRejected):
        commit_import(user=world.tokyo_operator, batch=batch)
    assert Organisation.objects.count() == before
    batch.refresh_from_db()
    assert batch.status == "previewed"


@pytest.mark.django_db
def test_commit_only_the_good_rows_when_the_operator_asks(world):
    rows = [HEADER, GOOD[0], ["Bad Checksum Co", "startup", "TW", "04595258", "", "", "", "zh-Hant", ""], GOOD[1]]
    batch = preview_import(user=world.tokyo_operator, hub=world.tokyo, kind="organisations",
                           filename="m.csv", content=csv_bytes(rows))
    commit_import(user=world.tokyo_operator, batch=batch, only_good_rows=True)
    assert batch.written_rows == 2
    shiomi = Organisation.objects.get(name="株式会社汐見プロセス")
    assert sorted(shiomi.sectors.values_list("code", flat=True)) == ["robotics", "semiconductors_equipment"]
    assert shiomi.texts.get().language == "ja"
    assert list(shiomi.hub_links.values_list("hub__slug", "status")) == [("tokyo", "approved")]
    assert not Organisation.objects.filter(name="Bad Checksum Co").exists()


@pytest.mark.django_db
def test_clean_file_commits_every_row(world):
    batch = preview_import(user=world.tokyo_operator, hub=world.tokyo, kind="organisations",
                           filename="m.xlsx", content=xlsx([HEADER, *GOOD]))
    assert batch.bad_rows == 0
    commit_import(user=world.tokyo_operator, batch=batch)
    assert Organisation.objects.filter(name__in=[row[0] for row in GOOD]).count() == 3
    with pytest.raises(ImportRejected):
        commit_import(user=world.tokyo_operator, batch=batch)  # a batch is committed once


@pytest.mark.django_db
def test_duplicates_by_registry_number_website_and_name(world):
    existing = Organisation.objects.get(slug="secret-chips")
    existing.website = "https://www.secret.example"
    existing.save()
    from bridgehub.directory.domain.search import refresh_search_fields
    refresh_search_fields(existing)
    rows = [HEADER, GOOD[0],
            ["Other Name", "startup", "TW", "04595257", "", "", "", "en", ""],      # same number as row 2
            ["Secret Chips Inc.", "startup", "JP", "", "", "", "", "en", ""],        # same name as existing
            ["Elsewhere", "startup", "JP", "", "http://secret.example/about", "", "", "en", ""]]
    batch = preview_import(user=world.tokyo_operator, hub=world.tokyo, kind="organisations",
                           filename="d.csv", content=csv_bytes(rows))
    found = [(error["row"], error["column"], error["message"]) for error in batch.errors]
    assert found == [
        (3, "registry_number", "duplicate of row 2 (same registry_number)"),
        (4, "name", "duplicate of existing organisation “Secret Chips” (same name)"),
        (5, "website", "duplicate of existing organisation “Secret Chips” (same website)"),
    ]


@pytest.mark.django_db
def test_missing_required_column_is_reported_on_the_header_row(world):
    batch = preview_import(user=world.tokyo_operator, hub=world.tokyo, kind="organisations",
                           filename="m.csv", content=csv_bytes([["name", "country"], ["A", "JP"]]))
    assert [(e["row"], e["column"]) for e in batch.errors] == [(1, "kind")]
    assert batch.bad_rows == 1


@pytest.mark.django_db
@pytest.mark.parametrize(("filename", "content", "message"), [
    ("m.txt", b"name\n", "m.txt: only .csv and .xlsx files can be imported"),
    ("m.csv", b"", "m.csv: the file is empty"),
    ("m.csv", "name,kind\n".encode("utf-16"),
     "the CSV file is neither UTF-8 nor Shift_JIS, Big5 or GB18030 (byte 0 cannot be read); save it as “CSV UTF-8”"),
    ("m.xlsx", b"not a zip", "the XLSX file cannot be opened; is it an Excel workbook?"),
    ("m.csv", b"name,name\nA,B\n", "m.csv: column(s) name appear twice in the header row"),
])
def test_unreadable_files_say_why(world, filename, content, message):
    with pytest.raises(UnreadableFile) as error:
        preview_import(user=world.tokyo_operator, hub=world.tokyo, kind="organisations",
                       filename=filename, content=content)
    assert str(error.value) == message


@pytest.mark.django_db
def test_other_hubs_operator_cannot_import_or_commit(world):
    with pytest.raises(PermissionDenied):
        preview_import(user=world.taipei_operator, hub=world.tokyo, kind="organisations", filename="m.csv",
                       content=csv_bytes([HEADER, GOOD[0]]))
    batch = preview_import(user=world.tokyo_operator, hub=world.tokyo, kind="organisations", filename="m.csv",
                           content=csv_bytes([HEADER, GOOD[0]]))
    with pytest.raises(PermissionDenied):
        commit_import(user=world.taipei_operator, batch=batch)
    assert not Organisation.objects.filter(name="澄析光學").exists()


@pytest.mark.django_db
def test_people_import_links_people_to_organisations(world):
    rows = [["name", "name_reading", "languages", "organisation", "role", "language", "bio", "contact_email"],
            ["佐藤 美咲", "Sato Misaki", "ja; en", "Secret Chips", "CTO", "ja", "半導体設計の専門家です。",
             "m@example.com"],
            ["Nobody", "", "en", "Unknown Corp", "", "en", "", "not-an-email"]]
    batch = preview_import(user=world.tokyo_operator, hub=world.tokyo, kind="people", filename="p.csv",
                           content=csv_bytes(rows))
    assert [(e["row"], e["column"]) for e in batch.errors] == [(3, "contact_email"), (3, "organisation")]
    commit_import(user=world.tokyo_operator, batch=batch, only_good_rows=True)
    person = Person.objects.get(name="佐藤 美咲")
    assert (person.languages, person.original_language) == (["ja", "en"], "ja")
    assert person.bio == {"ja": "半導体設計の専門家です。"}
    assert Affiliation.objects.get(person=person).organisation.slug == "secret-chips"


@pytest.mark.django_db
def test_export_escapes_formulas_and_reimports_cleanly(world):
    organisation = Organisation.objects.get(slug="secret-chips")
    organisation.name = "=HYPERLINK(\"http://evil\")"
    organisation.save()
    rows = organisation_rows(Organisation.objects.filter(pk=organisation.pk))
    text = to_csv(ORGANISATION_COLUMNS, rows).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    sheet = load_workbook(io.BytesIO(to_xlsx(ORGANISATION_COLUMNS, rows))).active
    # XLSX keeps formulas and text apart: the cell is text (type "s"), so nothing runs and nothing is added.
    assert (sheet["A2"].value, sheet["A2"].data_type) == ("=HYPERLINK(\"http://evil\")", "s")
    assert [cell.value for cell in sheet[1]] == ORGANISATION_COLUMNS


def legacy_csv(rows, encoding: str) -> bytes:
    """A CSV as Japanese (cp932) or Taiwanese (cp950) Excel saves it: no UTF-8, CRLF line ends."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode(encoding)


@pytest.mark.django_db
@pytest.mark.parametrize(("encoding", "row", "shown"), [
    ("cp932", ["株式会社汐見プロセス", "startup", "JP", "", "", "", "", "ja", "熊本発の洗浄装置メーカーです。"],
     "Shift_JIS (cp932)"),
    ("cp950", ["澄析光學股份有限公司", "startup", "TW", "", "", "", "", "zh-Hant",
               "我們開發晶圓缺陷檢測模組，服務台灣與日本的封測廠。"],
     "Big5 (cp950)"),
])
def test_a_csv_from_japanese_or_taiwanese_excel_is_read_in_its_encoding(world, encoding, row, shown):
    batch = preview_import(user=world.tokyo_operator, hub=world.tokyo, kind="organisations", filename="m.csv",
                           content=legacy_csv([HEADER, row], encoding))
    assert (batch.bad_rows, batch.rows[0]["name"], batch.rows[0]["summary"]) == (0, row[0], row[-1])
    assert batch.notices == [{"code": "encoding", "encoding": shown}]
    commit_import(user=world.tokyo_operator, batch=batch)
    assert Organisation.objects.filter(name=row[0]).count() == 1


@pytest.mark.django_db
def test_columns_we_do_not_import_are_named_and_dropped(world):
    batch = preview_import(user=world.tokyo_operator, hub=world.tokyo, kind="organisations", filename="m.csv",
                           content=csv_bytes([[*HEADER, "担当者", "memo"], [*GOOD[2], "佐藤", "call back"]]))
    assert batch.notices == [{"code": "ignored_columns", "columns": ["担当者", "memo"]}]
    assert batch.bad_rows == 0 and "memo" not in batch.rows[0]
    client = client_for(world.tokyo_operator)
    page = client.get(f"/manage/tokyo/imports/{batch.pk}/").content.decode()
    assert "These columns are not imported (unknown names): 担当者, memo." in page

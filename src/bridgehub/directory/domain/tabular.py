"""Reading uploaded CSV and XLSX sheets into rows of text cells."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException


class UnreadableFile(ValueError):
    """The upload is not a sheet we can read; the message says why."""


@dataclass(frozen=True)
class Sheet:
    columns: list[str]
    rows: list[dict[str, str]]  # in file order; row i is spreadsheet row i + 2 (row 1 is the header)


def _clean_header(value: object) -> str:
    return str(value or "").strip().lower().replace(" ", "_")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_sheet(filename: str, content: bytes, max_rows: int) -> Sheet:
    lower = filename.lower()
    if lower.endswith(".xlsx"):
        raw_rows = _xlsx_rows(content)
    elif lower.endswith(".csv"):
        raw_rows = _csv_rows(content)
    else:
        raise UnreadableFile(_("%(file)s: only .csv and .xlsx files can be imported") % {"file": filename})
    if not raw_rows:
        raise UnreadableFile(_("%(file)s: the file is empty") % {"file": filename})
    columns = [_clean_header(value) for value in raw_rows[0]]
    duplicated = sorted({name for name in columns if name and columns.count(name) > 1})
    if duplicated:
        raise UnreadableFile(_("%(file)s: column(s) %(columns)s appear twice in the header row")
                             % {"file": filename, "columns": ", ".join(duplicated)})
    body = [row for row in raw_rows[1:]]
    while body and not any(_cell_text(value) for value in body[-1]):
        body.pop()  # trailing blank lines are formatting, not data
    if len(body) > max_rows:
        raise UnreadableFile(_("%(file)s: %(rows)s rows; at most %(max)s can be imported at once")
                             % {"file": filename, "rows": len(body), "max": max_rows})
    rows = [
        {name: _cell_text(row[index]) if index < len(row) else "" for index, name in enumerate(columns) if name}
        for row in body
    ]
    return Sheet(columns=[name for name in columns if name], rows=rows)


def _csv_rows(content: bytes) -> list[list[object]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(_("the CSV file is not UTF-8 (byte %(byte)s cannot be read); save it as “CSV UTF-8”")
                             % {"byte": exc.start}) from exc
    return [list(row) for row in csv.reader(io.StringIO(text))]


def _xlsx_rows(content: bytes) -> list[list[object]]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnreadableFile(_("the XLSX file cannot be opened; is it an Excel workbook?")) from exc
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()

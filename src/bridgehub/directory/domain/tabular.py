"""Reading uploaded CSV and XLSX sheets into rows of text cells."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from charset_normalizer import from_bytes
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from bridgehub.common.csvsafe import unescape_cell

# What an XLSX upload may expand to: a real member list of 20,000 rows is a few MB of XML.
MAX_XLSX_EXPANDED_BYTES = 200_000_000
MAX_XLSX_PARTS = 1000
MAX_XLSX_RATIO = 200  # far above what spreadsheet XML compresses to...
MAX_XLSX_RATIO_FLOOR = 10_000_000  # ...but small parts may compress well without harm


class UnreadableFile(ValueError):
    """The upload is not a sheet we can read; the message says why."""


# Encodings a CSV from Excel arrives in besides UTF-8: Japanese Windows (Shift_JIS as cp932), Taiwanese
# Windows (Big5 as cp950), Simplified Chinese (GB18030). Detection chooses among these only.
LEGACY_CSV_ENCODINGS = ["cp932", "cp950", "gb18030"]
ENCODING_NAMES = {"utf_8": "UTF-8", "cp932": "Shift_JIS (cp932)", "cp950": "Big5 (cp950)", "gb18030": "GB18030"}


@dataclass(frozen=True)
class Sheet:
    columns: list[str]
    rows: list[dict[str, str]]  # in file order; row i is spreadsheet row i + 2 (row 1 is the header)
    encoding: str = "utf_8"  # of a CSV file (XLSX is always UTF-8 inside)


def _clean_header(value: object) -> str:
    return str(value or "").strip().lower().replace(" ", "_")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_sheet(filename: str, content: bytes, max_rows: int) -> Sheet:
    """The sheet's rows as text, or UnreadableFile saying why (never another exception).

    The row cap is checked while rows are read, so an oversized sheet stops early; an XLSX file is
    checked as a zip archive before any part of it is expanded (a zip bomb is refused unopened).
    """
    lower = filename.lower()
    encoding = "utf_8"
    if lower.endswith(".xlsx"):
        raw_rows = _xlsx_rows(content, max_rows + 1)
    elif lower.endswith(".csv"):
        text, encoding = decode_csv(content)
        raw_rows = _csv_rows(text, max_rows + 1)
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
    rows = [
        {name: _cell_text(row[index]) if index < len(row) else "" for index, name in enumerate(columns) if name}
        for row in body
    ]
    return Sheet(columns=[name for name in columns if name], rows=rows, encoding=encoding)


def _too_many_rows(max_rows: int) -> UnreadableFile:
    return UnreadableFile(_("more than %(max)s rows; at most %(max)s can be imported at once")
                          % {"max": max_rows - 1})


def _capped(rows: Iterator[list[object]], max_rows: int) -> list[list[object]]:
    """Read rows until the cap; trailing blank rows do not count against it."""
    kept: list[list[object]] = []
    blank_run = 0
    for row in rows:
        if any(_cell_text(value) for value in row):
            if len(kept) >= max_rows:
                raise _too_many_rows(max_rows)
            blank_run = 0
        else:
            blank_run += 1
        kept.append(row)
        if blank_run > max_rows:  # a sheet of empty formatted rows: nothing more will come
            break
    return kept[:len(kept) - blank_run] if blank_run else kept


def decode_csv(content: bytes) -> tuple[str, str]:
    """The text of a CSV upload and the encoding it was read in: UTF-8 (with or without BOM) when it is
    valid UTF-8, else the legacy Excel encoding charset-normalizer finds most coherent."""
    try:
        return content.decode("utf-8-sig"), "utf_8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    best = from_bytes(content, cp_isolation=LEGACY_CSV_ENCODINGS).best()
    if best is None or best.encoding not in LEGACY_CSV_ENCODINGS:
        raise UnreadableFile(_("the CSV file is neither UTF-8 nor Shift_JIS, Big5 or GB18030 (byte %(byte)s cannot "
                               "be read); save it as “CSV UTF-8”") % {"byte": first_bad})
    return str(best), best.encoding


def _csv_rows(text: str, max_rows: int) -> list[list[object]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return _capped(([unescape_cell(cell) for cell in row] for row in reader), max_rows)
    except csv.Error as exc:
        raise UnreadableFile(_("the CSV file is malformed near line %(line)s: %(problem)s")
                             % {"line": reader.line_num, "problem": exc}) from exc


def _check_archive(content: bytes) -> None:
    """Refuse an XLSX whose parts would expand beyond the limits, judged from the zip directory."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableFile(_("the XLSX file cannot be opened; is it an Excel workbook?")) from exc
    with archive:
        members = archive.infolist()
        expanded = sum(member.file_size for member in members)
        ratio = max((member.file_size / max(member.compress_size, 1) for member in members), default=0)
    if len(members) > MAX_XLSX_PARTS or expanded > MAX_XLSX_EXPANDED_BYTES or (
            ratio > MAX_XLSX_RATIO and expanded > MAX_XLSX_RATIO_FLOOR):
        raise UnreadableFile(_("the XLSX file would expand to %(size)s MB; it is refused as unsafe (at most "
                               "%(max)s MB)") % {"size": expanded // 1_000_000,
                                                 "max": MAX_XLSX_EXPANDED_BYTES // 1_000_000})


def _xlsx_rows(content: bytes, max_rows: int) -> list[list[object]]:
    _check_archive(content)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken workbook; all mean "unreadable"
        raise UnreadableFile(_("the XLSX file cannot be opened; is it an Excel workbook?")) from exc
    try:
        if not workbook.worksheets:
            return []
        return _capped((list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)), max_rows)
    except UnreadableFile:
        raise
    except Exception as exc:  # noqa: BLE001 - malformed sheet XML surfaces as parser or type errors while streaming
        raise UnreadableFile(_("the XLSX file is damaged and cannot be read (%(problem)s)")
                             % {"problem": type(exc).__name__}) from exc
    finally:
        workbook.close()

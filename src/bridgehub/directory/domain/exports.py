"""Exports in the same shapes the importer reads, with formula-escaped cells."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from bridgehub.common.csvsafe import escape_cell
from bridgehub.directory.domain.imports import ORGANISATION_COLUMNS, PEOPLE_COLUMNS
from bridgehub.directory.domain.queries import person_group_visible, with_person_data
from bridgehub.directory.models import Organisation, Person


def organisation_rows(queryset: QuerySet[Organisation]) -> list[list[object]]:
    rows: list[list[object]] = []
    for organisation in queryset.prefetch_related("sectors", "texts"):
        text = organisation.text_for(organisation.original_language)
        values = {
            "name": organisation.name, "name_reading": organisation.name_reading, "kind": organisation.kind,
            "investor_type": organisation.investor_type, "country": organisation.country,
            "founded_year": organisation.founded_year or "", "website": organisation.website,
            "team_size": organisation.team_size if organisation.team_size is not None else "",
            "registry_number": organisation.registry_number, "stage": organisation.stage,
            "sectors": "; ".join(sector.code for sector in organisation.sectors.all()),
            "language": organisation.original_language,
            "tagline": text.tagline if text else "", "summary": text.summary if text else "",
        }
        rows.append([values[column] for column in ORGANISATION_COLUMNS])
    return rows


def people_rows(queryset: QuerySet[Person], viewer: Any) -> list[list[object]]:
    """People as the import reads them; a field group the viewer may not read by the person's own
    visibility setting (a private phone number, say) is left empty."""
    rows: list[list[object]] = []
    for person in with_person_data(queryset):
        affiliation = next(iter(person.affiliations.all()), None)
        contact = person_group_visible(viewer, person, person.contact_visibility)
        profile = person_group_visible(viewer, person, person.profile_visibility)
        values = {
            "name": person.name, "name_reading": person.name_reading, "title": person.title if profile else "",
            "languages": "; ".join(person.languages), "contact_email": person.contact_email if contact else "",
            "phone": person.phone if contact else "",
            "organisation": affiliation.organisation.name if affiliation else "",
            "role": affiliation.role if affiliation else "", "language": person.original_language,
            "bio": person.bio.get(person.original_language, "") if profile else "",
        }
        rows.append([values[column] for column in PEOPLE_COLUMNS])
    return rows


def to_csv(columns: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    writer.writerows([[escape_cell(value) for value in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8 (CJK) correctly


def to_xlsx(columns: list[str], rows: list[list[object]]) -> bytes:
    """Text cells are written as text, never as formulas, so "=…" or "+81 3…" stays what it was."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("bridgehub")
    sheet.append(columns)
    for row in rows:
        sheet.append([_text_cell(sheet, value) if isinstance(value, str) else value for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text_cell(sheet: Any, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl reads a leading "=" as a formula unless told it is text
    return cell

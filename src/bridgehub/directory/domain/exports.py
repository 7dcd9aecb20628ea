"""Exports in the same shapes the importer reads, with formula-escaped cells."""

from __future__ import annotations

import csv
import io

from django.db.models import QuerySet
from openpyxl import Workbook

from bridgehub.common.csvsafe import escape_cell
from bridgehub.directory.domain.imports import ORGANISATION_COLUMNS, PEOPLE_COLUMNS
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


def people_rows(queryset: QuerySet[Person]) -> list[list[object]]:
    rows: list[list[object]] = []
    for person in queryset.prefetch_related("affiliations__organisation"):
        affiliation = next(iter(person.affiliations.all()), None)
        values = {
            "name": person.name, "name_reading": person.name_reading, "title": person.title,
            "languages": "; ".join(person.languages), "contact_email": person.contact_email, "phone": person.phone,
            "organisation": affiliation.organisation.name if affiliation else "",
            "role": affiliation.role if affiliation else "", "language": person.original_language,
            "bio": person.bio.get(person.original_language, ""),
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
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("bridgehub")
    sheet.append(columns)
    for row in rows:
        sheet.append([escape_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

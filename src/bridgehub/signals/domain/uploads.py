"""News items uploaded by an operator as CSV or JSON: read whole, checked row by row, added all or none.

CSV columns (a header row, UTF-8 with or without BOM): title, url, published (ISO date or date-time),
text (optional), outlet (optional). JSON: a list of objects with the same keys.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, time
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from bridgehub.hubs.models import Hub
from bridgehub.signals.domain.ingest import IngestResult, RawItem, ingest
from bridgehub.signals.enums import SourceKind
from bridgehub.signals.models import Source

MAX_ROWS = 20_000
MAX_BYTES = 20_000_000


class UploadError(ValueError):
    """The file cannot be added; `problems` names each bad row and field."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems[:20]))
        self.problems = problems


def _published(value: str) -> datetime | None:
    """The moment `value` names, None when it names none (2026-13-01 included: Django's parsers raise)."""
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = datetime.combine(day, time(0, 0)) if day else None
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def _row(number: int, row: dict[str, object], problems: list[str]) -> RawItem | None:
    def text(field: str) -> str:
        value = row.get(field)
        return value.strip() if isinstance(value, str) else ""

    before = len(problems)
    title, url, published = text("title"), text("url"), text("published")
    if not title:
        problems.append(_("row %(row)s, title: missing") % {"row": number})
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        problems.append(_("row %(row)s, url: not a web address") % {"row": number})
    moment = _published(published) if published else None
    if moment is None:
        problems.append(_("row %(row)s, published: not a date (YYYY-MM-DD or an ISO date-time)") % {"row": number})
    if "\x00" in "".join(str(value) for value in row.values()):
        problems.append(_("row %(row)s: contains a null character") % {"row": number})
    if len(problems) > before or moment is None:
        return None
    return RawItem(title=title[:500], url=url, published_at=moment, body=text("text"), outlet=text("outlet")[:200])


def read_upload(name: str, content: bytes) -> list[RawItem]:
    """The items of an uploaded file; UploadError with every problem when any row is bad."""
    if len(content) > MAX_BYTES:
        raise UploadError([_("The file is larger than 20 MB.")])
    try:
        decoded = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UploadError([_("The file is not UTF-8 text (byte %(at)s).") % {"at": error.start}]) from error
    rows: list[object]
    if name.lower().endswith(".json"):
        try:
            loaded = json.loads(decoded)
        except json.JSONDecodeError as error:
            raise UploadError([_("Not JSON: line %(line)s, column %(column)s.") % {
                "line": error.lineno, "column": error.colno}]) from error
        if not isinstance(loaded, list):
            raise UploadError([_("The JSON file must hold a list of items.")])
        rows = loaded
        first_row = 1
    else:
        reader = csv.DictReader(io.StringIO(decoded))
        missing = {"title", "url", "published"} - set(reader.fieldnames or [])
        if missing:
            raise UploadError([_("The header row lacks: %(columns)s.") % {"columns": ", ".join(sorted(missing))}])
        rows = list(reader)
        first_row = 2  # the header is row 1, as a spreadsheet counts
    if len(rows) > MAX_ROWS:
        raise UploadError([_("The file has more than %(rows)s items.") % {"rows": MAX_ROWS}])
    problems: list[str] = []
    items = []
    for offset, row in enumerate(rows):
        if not isinstance(row, dict):
            problems.append(_("row %(row)s: expected an object") % {"row": offset + first_row})
            continue
        found = _row(offset + first_row, row, problems)
        if found is not None:
            items.append(found)
    if problems:
        raise UploadError(problems)
    if not items:
        raise UploadError([_("The file holds no items.")])
    return items


def upload_items(*, user: Any, hub: Hub, name: str, content: bytes) -> IngestResult:
    """Add an uploaded file's items to the hub's feed, all or none. Side effects: an upload source for the
    hub (one, reused), items."""
    items = read_upload(name, content)
    source, _created = Source.objects.get_or_create(hub=hub, kind=SourceKind.UPLOAD, url="",
                                                    defaults={"name": _("Uploads"), "created_by": user})
    return ingest(hub=hub, source=source, raw_items=items)

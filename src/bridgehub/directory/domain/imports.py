"""Operator imports of organisations and people: preview, per-cell report, all-or-nothing commit.

A preview parses and validates every row and stores the rows and the report in an ImportBatch;
nothing else is written. Commit re-validates inside one transaction (the directory may have
changed since the preview) and writes either every row, or, when the operator chose it, the
good rows only; if any row it means to write fails, nothing is written.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bridgehub.common.languages import CONTENT_LANGUAGES
from bridgehub.common.text import fold_for_search, normalise_name, website_key
from bridgehub.directory.domain import organisations as organisation_domain
from bridgehub.directory.domain.tabular import ENCODING_NAMES, read_sheet
from bridgehub.directory.enums import ApprovalStatus, ImportKind, ImportStatus
from bridgehub.directory.forms import OrganisationForm, PersonForm
from bridgehub.directory.models import Affiliation, ImportBatch, Organisation, Person, ProfileText, Sector
from bridgehub.hubs.domain.queries import operated_hub_ids
from bridgehub.hubs.models import Hub

ORGANISATION_COLUMNS = ["name", "name_reading", "kind", "investor_type", "country", "founded_year", "website",
                        "team_size", "registry_number", "stage", "sectors", "language", "tagline", "summary"]
PEOPLE_COLUMNS = ["name", "name_reading", "title", "languages", "contact_email", "phone", "organisation", "role",
                  "language", "bio"]
REQUIRED = {ImportKind.ORGANISATIONS: ["name", "kind", "country"], ImportKind.PEOPLE: ["name"]}
FIRST_DATA_ROW = 2  # spreadsheet row numbers: row 1 is the header


class ImportRejected(ValueError):
    """The batch cannot be committed as asked; nothing was written."""


@dataclass
class RowCheck:
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, row: int, column: str, value: str, message: object) -> None:
        self.errors.append({"row": row, "column": column, "value": value[:80], "message": str(message)})


def _split_list(value: str) -> list[str]:
    return [part.strip() for part in value.replace("；", ";").replace("、", ";").replace(",", ";").split(";")
            if part.strip()]


def _sector_lookup() -> dict[str, Sector]:
    lookup: dict[str, Sector] = {}
    for sector in Sector.objects.all():
        for key in (sector.code, sector.label_zh_hant, sector.label_ja, sector.label_en):
            lookup[fold_for_search(key)] = sector
    return lookup


class _DuplicateIndex:
    """Registry numbers, websites and normalised names already taken (in the directory or the file)."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str], str] = {}
        for name, country, number, site, name_key in Organisation.objects.values_list(
                "name", "country", "registry_number", "website_key", "name_key"):
            holder = _("existing organisation “%(name)s”") % {"name": name}
            self._remember(name, country, number, site, name_key, holder)

    def _keys(self, country: str, number: str, site: str, name_key: str) -> list[tuple[str, str]]:
        keys = [("name", name_key)] if name_key else []
        if number:
            keys.append(("registry_number", f"{country}:{number}"))
        if site:
            keys.append(("website", site))
        return keys

    def _remember(self, name: str, country: str, number: str, site: str, name_key: str, holder: str) -> None:
        for key in self._keys(country, number, site, name_key):
            self.seen.setdefault(key, holder)

    def check(self, name: str, country: str, number: str, site: str, row: int) -> tuple[str, str] | None:
        """(column, holder) of the first clash, then remembers this row."""
        name_key = normalise_name(name)
        clash = None
        for key in self._keys(country, number, site, name_key):
            if key in self.seen:
                clash = (key[0], self.seen[key])
                break
        self._remember(name, country, number, site, name_key, _("row %(row)s") % {"row": row})
        return clash


def _check_organisation_rows(rows: list[dict[str, str]], hub: Hub) -> tuple[list[dict], RowCheck]:
    check = RowCheck()
    sectors = _sector_lookup()
    duplicates = _DuplicateIndex()
    prepared = []
    for offset, row in enumerate(rows):
        number = offset + FIRST_DATA_ROW
        data = {key: row.get(key, "") for key in ORGANISATION_COLUMNS}
        language = data["language"] or "en"
        form = OrganisationForm(data={**data, "original_language": language, "sectors": []})
        if not form.is_valid():
            for column, messages in form.errors.items():
                column = "language" if column == "original_language" else column
                for message in messages:
                    check.add(number, column, data.get(column, ""), message)
        sector_ids = []
        for label in _split_list(data["sectors"]):
            sector = sectors.get(fold_for_search(label))
            if sector is None:
                check.add(number, "sectors", label, _("unknown sector “%(label)s”") % {"label": label})
            else:
                sector_ids.append(sector.pk)
        if form.is_valid():
            clash = duplicates.check(form.cleaned_data["name"], form.cleaned_data["country"],
                                     form.cleaned_data["registry_number"], website_key(data["website"]), number)
            if clash:
                column, holder = clash
                check.add(number, column, data.get(column, ""),
                          _("duplicate of %(holder)s (same %(column)s)") % {"holder": holder, "column": column})
        prepared.append({**data, "language": language, "sector_ids": sector_ids})
    return prepared, check


def _check_people_rows(rows: list[dict[str, str]], hub: Hub) -> tuple[list[dict], RowCheck]:
    """People attach only to organisations this hub approved: never to another hub's, never to one
    still waiting for approval (the importing operator could otherwise write into them)."""
    check = RowCheck()
    members = Organisation.objects.filter(hub_links__hub=hub, hub_links__status=ApprovalStatus.APPROVED)
    by_name = {normalise_name(name): pk for pk, name in members.values_list("pk", "name")}
    by_number = dict(members.exclude(registry_number="").values_list("registry_number", "pk"))
    prepared = []
    for offset, row in enumerate(rows):
        number = offset + FIRST_DATA_ROW
        data = {key: row.get(key, "") for key in PEOPLE_COLUMNS}
        languages = _split_list(data["languages"])
        language = data["language"] or (languages[0] if languages else "en")
        form = PersonForm(data={**data, "languages": languages, "original_language": language,
                                "profile_visibility": "public", "contact_visibility": "members"})
        if not form.is_valid():
            for column, messages in form.errors.items():
                column = "language" if column == "original_language" else column
                for message in messages:
                    check.add(number, column, data.get(column, ""), message)
        organisation_id = None
        if data["organisation"]:
            organisation_id = by_number.get(data["organisation"]) or by_name.get(normalise_name(data["organisation"]))
            if organisation_id is None:
                check.add(number, "organisation", data["organisation"],
                          _("no approved member organisation of this hub has this name or registry number"))
        prepared.append({**data, "languages": languages, "language": language, "organisation_id": organisation_id})
    return prepared, check


def _checker(kind: str):
    return _check_organisation_rows if kind == ImportKind.ORGANISATIONS else _check_people_rows


def preview_import(*, user: Any, hub: Hub, kind: str, filename: str, content: bytes) -> ImportBatch:
    """Parse and check an upload. Side effects: one ImportBatch row (nothing else is written).

    Raises UnreadableFile when the file is not a readable sheet.
    """
    if hub.pk not in operated_hub_ids(user):
        raise PermissionDenied("only this hub's operators import into it")
    sheet = read_sheet(filename, content, settings.IMPORT_MAX_ROWS)
    check = RowCheck()
    missing = [column for column in REQUIRED[ImportKind(kind)] if column not in sheet.columns]
    for column in missing:
        check.add(1, column, "", _("required column “%(column)s” is missing from the header row") % {"column": column})
    if not missing:
        _prepared, check = _checker(kind)(sheet.rows, hub)
    bad = {error["row"] for error in check.errors if error["row"] >= FIRST_DATA_ROW}
    notices: list[dict] = []
    if sheet.encoding != "utf_8":
        notices.append({"code": "encoding", "encoding": ENCODING_NAMES.get(sheet.encoding, sheet.encoding)})
    known = ORGANISATION_COLUMNS if kind == ImportKind.ORGANISATIONS else PEOPLE_COLUMNS
    ignored = [column for column in sheet.columns if column not in known]
    if ignored:
        notices.append({"code": "ignored_columns", "columns": ignored})
    known_rows = [{key: value for key, value in row.items() if key in known} for row in sheet.rows]
    with transaction.atomic():
        return ImportBatch.objects.create(
            hub=hub, created_by=user, kind=kind, filename=filename[:255], rows=known_rows, errors=check.errors,
            notices=notices, total_rows=len(sheet.rows), bad_rows=len(bad) if not missing else len(sheet.rows),
        )


def _write_organisation(user: Any, hub: Hub, data: dict) -> None:
    form = OrganisationForm(data={**data, "original_language": data["language"], "sectors": data["sector_ids"]})
    if not form.is_valid():
        raise ImportRejected(_("a row changed meaning since the preview: %(errors)s")
                             % {"errors": form.errors.as_text()})
    organisation = form.save(commit=False)
    organisation_domain.create_organisation(user=user, organisation=organisation,
                                            sectors=form.cleaned_data["sectors"], hubs=[hub], approved=True)
    if data["tagline"] or data["summary"]:
        ProfileText.objects.create(organisation=organisation, language=data["language"],
                                   tagline=data["tagline"], summary=data["summary"])
        organisation_domain.refresh_search_fields(organisation)


def _write_person(data: dict) -> None:
    bio = {data["language"]: data["bio"]} if data["bio"] and data["language"] in CONTENT_LANGUAGES else {}
    person = Person.objects.create(
        name=data["name"], name_reading=data["name_reading"], title=data["title"], languages=data["languages"],
        original_language=data["language"], bio=bio, contact_email=data["contact_email"], phone=data["phone"],
        listing_consent=False,  # listed once they or their organisation's admin agree
    )
    if data["organisation_id"]:
        Affiliation.objects.create(person=person, organisation_id=data["organisation_id"], role=data["role"])


def commit_import(*, user: Any, batch: ImportBatch, only_good_rows: bool = False) -> ImportBatch:
    """Write a previewed batch: all rows, or only the good ones when asked.

    Side effects: organisations (approved into the batch's hub) or people, and the batch's
    status. With any bad row and `only_good_rows` False, raises ImportRejected and writes nothing.
    """
    if batch.hub_id not in operated_hub_ids(user):
        raise PermissionDenied("only this hub's operators import into it")
    if batch.status not in (ImportStatus.PREVIEWED, ImportStatus.COMMITTING):  # committing: the worker's claim
        raise ImportRejected(_("this import was already committed or cancelled"))
    if batch.bad_rows and not only_good_rows:
        raise ImportRejected(ngettext("%(count)s row has errors: fix the file, or import only the good rows",
                                      "%(count)s rows have errors: fix the file, or import only the good rows",
                                      batch.bad_rows) % {"count": batch.bad_rows})
    bad = {error["row"] for error in batch.errors}
    with transaction.atomic():
        # Re-check against the directory as it is now, inside the same transaction as the writes.
        prepared, recheck = _checker(batch.kind)(batch.rows, batch.hub)
        newly_bad = {error["row"] for error in recheck.errors} - bad
        if newly_bad:
            raise ImportRejected(_("rows %(rows)s conflict with changes made since the preview; upload the file again")
                                 % {"rows": ", ".join(str(row) for row in sorted(newly_bad))})
        written = 0
        for offset, data in enumerate(prepared):
            if offset + FIRST_DATA_ROW in bad:
                continue
            try:
                with transaction.atomic():
                    if batch.kind == ImportKind.ORGANISATIONS:
                        _write_organisation(user, batch.hub, data)
                    else:
                        _write_person(data)
            except DatabaseError as error:
                # Raising here rolls back every row already written in this transaction.
                raise ImportRejected(_("the database refused row %(row)s (%(problem)s); nothing was written")
                                     % {"row": offset + FIRST_DATA_ROW, "problem": error}) from error
            written += 1
        batch.status = ImportStatus.COMMITTED
        batch.written_rows = written
        batch.committed_at = timezone.now()
        batch.commit_error = ""
        batch.rows = []  # the file's contents now live in the directory; the batch keeps its report only
        batch.save(update_fields=["status", "written_rows", "committed_at", "rows", "commit_error"])
    return batch


# A commit the worker never finished (stopped mid-run: its transaction rolled back) may be asked again.
COMMIT_LOST_AFTER = dt.timedelta(minutes=30)


def request_commit(*, user: Any, batch: ImportBatch, only_good_rows: bool) -> bool:
    """The operator's "import": checked now, written by the background worker. Returns False when the
    batch is already being written (a second press). Raises what commit_import would raise at once."""
    if batch.hub_id not in operated_hub_ids(user):
        raise PermissionDenied("only this hub's operators import into it")
    if batch.bad_rows and not only_good_rows:
        raise ImportRejected(ngettext("%(count)s row has errors: fix the file, or import only the good rows",
                                      "%(count)s rows have errors: fix the file, or import only the good rows",
                                      batch.bad_rows) % {"count": batch.bad_rows})
    now = timezone.now()
    claimable = Q(status=ImportStatus.PREVIEWED) | Q(status=ImportStatus.COMMITTING,
                                                     commit_requested_at__lt=now - COMMIT_LOST_AFTER)
    with transaction.atomic():
        claimed = ImportBatch.objects.filter(claimable, pk=batch.pk).update(
            status=ImportStatus.COMMITTING, commit_requested_by=user, commit_requested_at=now,
            commit_only_good=only_good_rows, commit_error="")
        if not claimed:
            if ImportBatch.objects.filter(pk=batch.pk, status=ImportStatus.COMMITTING).exists():
                return False
            raise ImportRejected(_("this import was already committed or cancelled"))
        transaction.on_commit(lambda: _queue_commit(batch.pk))
    return True


def _queue_commit(batch_id: int) -> None:
    from bridgehub.directory.tasks import commit_import_task

    commit_import_task.enqueue(batch_id)


def run_requested_commit(batch_id: int) -> str:
    """The worker's side: write the batch, or put it back to "previewed" with the reason, in the language
    of the operator who asked. Returns the batch's status."""
    batch = ImportBatch.objects.select_related("commit_requested_by").filter(
        pk=batch_id, status=ImportStatus.COMMITTING).first()
    if batch is None:
        return "not requested"
    operator = batch.commit_requested_by
    with translation.override(operator.language if operator else None):
        try:
            if operator is None:
                raise ImportRejected(_("the operator who asked for this import no longer exists"))
            commit_import(user=operator, batch=batch, only_good_rows=batch.commit_only_good)
        except (ImportRejected, PermissionDenied) as error:
            reason = str(error)
        except Exception:
            logging.getLogger("bridgehub.imports").exception("import batch %s failed", batch_id)
            reason = _("an unexpected error stopped the import (it is in the worker's log); nothing was written")
        else:
            return ImportStatus.COMMITTED
    ImportBatch.objects.filter(pk=batch_id, status=ImportStatus.COMMITTING).update(
        status=ImportStatus.PREVIEWED, commit_error=reason)
    return ImportStatus.PREVIEWED


def cancel_import(*, user: Any, batch: ImportBatch) -> None:
    if batch.hub_id not in operated_hub_ids(user):
        raise PermissionDenied("only this hub's operators import into it")
    with transaction.atomic():
        # A cancelled file is not kept: names, addresses and phone numbers in it go with it.
        ImportBatch.objects.filter(pk=batch.pk, status=ImportStatus.PREVIEWED).update(status=ImportStatus.CANCELLED,
                                                                                      rows=[])

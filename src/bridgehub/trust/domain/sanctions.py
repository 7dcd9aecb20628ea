"""Sanctions lists a hub's operators are licensed to use: loaded from a file, matched against the
hub's organisations and the people affiliated with them. Nothing is downloaded or shipped.

File format (CSV, UTF-8, a header row): `list,id,name,aliases,country`. `aliases` holds the other
written forms separated by `|` (the name in another script, former names); matching across scripts
relies on them, since nothing here transliterates. Loading replaces the hub's entries of the lists
named in the file, whole or not at all.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q

from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import Organisation, Person
from bridgehub.engines.trust.lookalike import Known, sanctions_hits
from bridgehub.hubs.models import Hub
from bridgehub.trust.enums import CaseKind
from bridgehub.trust.models import Case, SanctionsEntry

COLUMNS = ("list", "id", "name", "aliases", "country")


class SanctionsFileError(ValueError):
    """Every problem found, each as "row N, field: what is wrong"."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems[:20]) + (f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""))
        self.problems = problems


@dataclass(frozen=True)
class LoadResult:
    entries: int
    lists: tuple[str, ...]
    cases: int


def parse(content: bytes) -> list[SanctionsEntry]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SanctionsFileError([f"byte {error.start}: the file is not UTF-8"]) from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise SanctionsFileError([f"row 1: missing column(s) {', '.join(missing)}"])
    problems, entries, seen = [], [], set()
    for number, row in enumerate(reader, start=2):
        list_name, entry_id, name = (row.get("list") or "").strip(), (row.get("id") or "").strip(), (
            row.get("name") or "").strip()
        for field, value, limit in (("list", list_name, 80), ("id", entry_id, 80), ("name", name, 300)):
            if not value:
                problems.append(f"row {number}, {field}: empty")
            elif len(value) > limit:
                problems.append(f"row {number}, {field}: longer than {limit} characters")
        country = (row.get("country") or "").strip().upper()
        if country and len(country) != 2:
            problems.append(f"row {number}, country: not a two-letter code ({country!r})")
        if (list_name, entry_id) in seen:
            problems.append(f"row {number}, id: {entry_id!r} appears twice in list {list_name!r}")
        seen.add((list_name, entry_id))
        aliases = [alias.strip() for alias in (row.get("aliases") or "").split("|") if alias.strip()]
        entries.append(SanctionsEntry(list_name=list_name, entry_id=entry_id, name=name, aliases=aliases,
                                      country=country))
    if problems:
        raise SanctionsFileError(problems)
    return entries


@transaction.atomic
def load(*, hub: Hub, content: bytes) -> LoadResult:
    """Side effects: the hub's entries of the file's lists replaced; sanctions cases for new matches."""
    entries = parse(content)
    lists = tuple(sorted({entry.list_name for entry in entries}))
    SanctionsEntry.objects.filter(hub=hub, list_name__in=lists).delete()
    for entry in entries:
        entry.hub = hub
    SanctionsEntry.objects.bulk_create(entries)
    return LoadResult(len(entries), lists, len(screen_hub(hub)))


@transaction.atomic
def screen_hub(hub: Hub) -> list[Case]:
    """Matches the hub's organisations (applied or approved) and their people against its entries.
    Side effects: one case per (organisation or person, entry) not raised before."""
    entries = [Known(f"{e.list_name}:{e.entry_id}", (e.name, *e.aliases)) for e in SanctionsEntry.objects.filter(
        hub=hub)]
    if not entries:
        return []
    organisations = Organisation.objects.filter(hub_links__hub=hub).exclude(
        hub_links__hub=hub, hub_links__status=ApprovalStatus.REJECTED).distinct()
    people = Person.objects.filter(Q(affiliations__organisation__in=organisations)).distinct()
    opened = []
    subjects: list[tuple[str, Organisation | None, Any, tuple[str, str]]] = [
        (f"organisation:{o.pk}", o, o.created_by, (o.name, o.name_reading)) for o in organisations]
    subjects += [(f"person:{p.pk}", None, p.user, (p.name, p.name_reading)) for p in people]
    for ref, organisation, user, names in subjects:
        for hit in sanctions_hits(tuple(n for n in names if n), entries):
            if Case.objects.filter(hub=hub, kind=CaseKind.SANCTIONS, evidence_ref=ref, reason=hit.original_id).exists():
                continue
            opened.append(Case.objects.create(
                hub=hub, kind=CaseKind.SANCTIONS, subject_organisation=organisation, subject_user=user,
                reason=hit.original_id, evidence=f"{' / '.join(n for n in names if n)} ~ {hit.detail}",
                evidence_ref=ref, score=1.0, reasons=[hit.reason]))
    return opened

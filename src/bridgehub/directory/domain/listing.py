"""The rows of one listing page, read with four flat queries (no per-row ORM objects).

Why: Django's prefetch machinery clones a queryset per row and relation, which cost more than
the search itself on a 20-row page; listing pages and the API list share these plain rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from bridgehub.common.languages import pick_language
from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import Organisation, OrganisationHub, ProfileText, Sector


@dataclass
class ListingRow:
    id: int
    slug: str
    name: str
    name_reading: str
    kind: str
    investor_type: str
    country: str
    stage: str
    original_language: str
    text_language: str | None = None
    tagline: str = ""
    summary: str = ""
    sectors: list[Sector] = field(default_factory=list)
    hub_slugs: list[str] = field(default_factory=list)


def listing_rows(ids: list[int], ui_language: str | None) -> list[ListingRow]:
    """Rows for `ids` in that order; the text is the reader's language if written, else the original."""
    rows = {
        values["id"]: ListingRow(**values)
        for values in Organisation.objects.filter(pk__in=ids).values(
            "id", "slug", "name", "name_reading", "kind", "investor_type", "country", "stage", "original_language")
    }
    texts: dict[int, dict[str, tuple[str, str]]] = defaultdict(dict)
    for organisation_id, language, tagline, summary in ProfileText.objects.filter(
            organisation_id__in=ids).values_list("organisation_id", "language", "tagline", "summary"):
        texts[organisation_id][language] = (tagline, summary)
    sectors = {sector.pk: sector for sector in Sector.objects.all()}
    for organisation_id, sector_id in Organisation.sectors.through.objects.filter(
            organisation_id__in=ids).order_by("sector__position").values_list("organisation_id", "sector_id"):
        rows[organisation_id].sectors.append(sectors[sector_id])
    for organisation_id, slug in OrganisationHub.objects.filter(
            organisation_id__in=ids, status=ApprovalStatus.APPROVED).order_by("hub_id").values_list(
            "organisation_id", "hub__slug"):
        rows[organisation_id].hub_slugs.append(slug)
    for row in rows.values():
        written = texts.get(row.id, {})
        row.text_language = pick_language(list(written), ui_language, row.original_language)
        if row.text_language:
            row.tagline, row.summary = written[row.text_language]
    return [rows[pk] for pk in ids if pk in rows]

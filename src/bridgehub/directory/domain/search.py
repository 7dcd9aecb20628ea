"""Keyword search and filters over the directory, identical on SQLite and PostgreSQL.

Each organisation carries a folded `search_document` built from its *public* content only
(names, profile texts, and the labels of its sectors, kind, country and public asks/offers in
all three languages). A query is folded the same way and every word must occur: CJK words as
substrings (CJK has no word boundaries, and 1–2 character queries such as 半導 must work,
which SQLite's FTS5 trigram tokenizer cannot answer), Latin words at a word start (so AI does
not match "Taiwan"). Tagging a profile
with a sector makes it findable in every language, whatever language its text is in.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import translation

from bridgehub.common.text import is_latin_word, normalise_name, searchable_words, website_key
from bridgehub.common.visibility import Visibility
from bridgehub.directory.enums import ApprovalStatus, AskOfferKind, Country, Direction, OrganisationKind
from bridgehub.directory.models import Organisation, Sector

_UI_LANGUAGES = ("zh-hant", "ja", "en")
MAX_QUERY_WORDS = 8


def _labels_in_all_languages(choices: type, value: str) -> list[str]:
    labels = []
    for language in _UI_LANGUAGES:
        with translation.override(language):
            labels.append(str(choices(value).label))
    return labels


def build_search_document(organisation: Organisation) -> str:
    parts: list[str] = [organisation.name, organisation.name_reading]
    for text in organisation.texts.all():
        parts += [text.tagline, text.summary]
    sectors = list(organisation.sectors.select_related("parent"))
    for sector in sectors:
        parts.append(sector.all_labels)
        if sector.parent is not None:
            parts.append(sector.parent.all_labels)
    parts += _labels_in_all_languages(OrganisationKind, organisation.kind)
    if organisation.country in Country.values:
        parts += _labels_in_all_languages(Country, organisation.country)
    for item in organisation.asks_offers.all():
        if item.visibility == Visibility.PUBLIC:
            parts += _labels_in_all_languages(AskOfferKind, item.kind)
            parts.append(item.note)
    return searchable_words(" \n ".join(part for part in parts if part))


def refresh_search_fields(organisation: Organisation) -> None:
    """Rebuild the derived search and duplicate-detection columns of one organisation."""
    Organisation.objects.filter(pk=organisation.pk).update(
        search_document=build_search_document(organisation),
        name_key=normalise_name(organisation.name),
        website_key=website_key(organisation.website),
    )


@dataclass(frozen=True)
class DirectoryFilters:
    query: str = ""
    kind: str = ""
    sector: str = ""
    stage: str = ""
    country: str = ""
    hub: str = ""
    ask: str = ""
    offer: str = ""


def query_words(query: str) -> list[str]:
    return searchable_words(query).split()[:MAX_QUERY_WORDS]


def sector_codes_with_children(code: str) -> list[str]:
    return [code, *Sector.objects.filter(parent__code=code).values_list("code", flat=True)]


def filter_organisations(queryset: QuerySet[Organisation], filters: DirectoryFilters) -> QuerySet[Organisation]:
    """Apply keyword and facet filters; facets use public data only, so they leak nothing."""
    for word in query_words(filters.query):
        # Latin words match at a word start; CJK words anywhere (they have no word boundaries).
        needle = " " + word if is_latin_word(word) else word
        queryset = queryset.filter(search_document__contains=needle)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.stage:
        queryset = queryset.filter(stage=filters.stage)
    if filters.country:
        queryset = queryset.filter(country=filters.country)
    conditions = Q()
    if filters.sector:
        conditions &= Q(pk__in=Organisation.objects.filter(
            sectors__code__in=sector_codes_with_children(filters.sector)).values("pk"))
    if filters.hub:
        conditions &= Q(pk__in=Organisation.objects.filter(
            hub_links__hub__slug=filters.hub, hub_links__status=ApprovalStatus.APPROVED).values("pk"))
    for direction, kind in ((Direction.ASK, filters.ask), (Direction.OFFER, filters.offer)):
        if kind:
            conditions &= Q(pk__in=Organisation.objects.filter(
                asks_offers__direction=direction, asks_offers__kind=kind,
                asks_offers__visibility=Visibility.PUBLIC).values("pk"))
    return queryset.filter(conditions)


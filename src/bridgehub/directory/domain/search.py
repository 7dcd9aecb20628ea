"""Keyword search and filters over the directory, identical on SQLite and PostgreSQL.

Each organisation carries a folded `search_document` built from its *public* content only
(names, profile texts, and the labels of its sectors, kind, country and public asks/offers in
all three languages). A query is folded the same way and every word must occur: CJK words as
substrings (CJK has no word boundaries, and 1–2 character queries such as 半導 must work,
which SQLite's FTS5 trigram tokenizer cannot answer), Latin words at a word start (so AI does
not match "Taiwan"). Matching runs in the in-memory listing index (`listing_index`). Tagging a profile
with a sector makes it findable in every language, whatever language its text is in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone, translation

from bridgehub.common.text import normalise_name, searchable_words, website_key
from bridgehub.common.visibility import Visibility
from bridgehub.directory.domain import queries
from bridgehub.directory.domain.listing_index import DirectoryIndex, current_index
from bridgehub.directory.enums import AskOfferKind, Country, OrganisationKind
from bridgehub.directory.models import DirectoryVersion, Organisation, OrganisationHub
from bridgehub.hubs.domain.queries import operated_hub_ids

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
    """Rebuild the derived search and duplicate-detection columns of one organisation.

    Also bumps the directory version, which tells every process's listing index to reload.
    """
    Organisation.objects.filter(pk=organisation.pk).update(
        updated_at=timezone.now(),
        search_document=build_search_document(organisation),
        name_key=normalise_name(organisation.name),
        website_key=website_key(organisation.website),
    )
    DirectoryVersion.bump()


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


def extra_visible_ids(user: Any) -> frozenset[int]:
    """Unlisted organisations a viewer may still see: their own, and applicants to hubs they operate."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    own = set(queries.own_organisation_roles(user))
    operated = operated_hub_ids(user)
    if operated:
        own |= set(OrganisationHub.objects.filter(hub_id__in=operated).values_list("organisation_id", flat=True))
    return frozenset(own)


@dataclass(frozen=True)
class DirectorySearch:
    index: DirectoryIndex
    ids: list[int]
    # What besides the filters decided the result: part of any memo key derived from it.
    viewer_key: frozenset[int]


def search_directory(user: Any, filters: DirectoryFilters) -> DirectorySearch:
    """The organisations `user` may see that match `filters`, in listing order."""
    index = current_index()
    also_visible = extra_visible_ids(user)
    ids = index.remember(("search", filters, also_visible), lambda: index.search(
        query_words(filters.query), kind=filters.kind, stage=filters.stage, country=filters.country,
        sector=filters.sector, hub=filters.hub, ask=filters.ask, offer=filters.offer, also_visible=also_visible))
    return DirectorySearch(index=index, ids=ids, viewer_key=also_visible)

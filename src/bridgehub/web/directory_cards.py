"""The directory's result list as plain values, rendered by a Jinja2 fragment (web/jinja.py says why).

Every word is translated here (the same message ids as the Django templates use), so the fragment
holds structure only.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bridgehub.common.templatetags.bridgehub import language_badge
from bridgehub.directory.domain.listing import ListingRow
from bridgehub.web.choices import enum_labels
from bridgehub.web.paths import RowPaths

BLURB_LENGTH = 160


@dataclass(frozen=True, slots=True)
class Card:
    url: str
    name: str
    name_reading: str
    meta: str
    text_language: str | None
    blurb: str
    badge: str
    sector_labels: list[str]


@dataclass(frozen=True, slots=True)
class Pager:
    label: str
    position: str
    previous: str
    next: str
    previous_url: str
    next_url: str


def render_results(rows: list[ListingRow], page: Page, query: QueryDict, language: str) -> SafeString:
    count = page.paginator.count
    context = {
        "count_line": ngettext("%(counter)s organisation found", "%(counter)s organisations found", count) % {
            "counter": number_format(count, force_grouping=True)},
        "cards": cards(rows, language),
        "nothing_matches": _("Nothing matches. Try fewer words or remove a filter."),
        "pager": pager(page, query),
    }
    return SafeString(render_to_string("web/directory_results.jinja", context, using="jinja2"))


def cards(rows: list[ListingRow], language: str) -> list[Card]:
    labels = enum_labels(language)
    organisation_path = RowPaths("web:organisation", "slug")
    result = []
    for row in rows:
        meta = [labels["kinds"][row.kind], labels["countries"].get(row.country, row.country)]
        if stage := labels["stages"].get(row.stage, ""):
            meta.append(stage)
        badge = language_badge(row.text_language, language) if row.text_language else ""
        result.append(Card(
            url=organisation_path(row.slug), name=row.name, name_reading=row.name_reading,
            meta=" · ".join(meta), text_language=row.text_language,
            blurb=_shortened(row.tagline or row.summary), badge=badge,
            sector_labels=[sector.label_for(language) for sector in row.sectors]))
    return result


def _shortened(text: str) -> str:
    return text if len(text) <= BLURB_LENGTH else text[:BLURB_LENGTH - 1].rstrip() + "…"


def pager(page: Page, query: QueryDict) -> Pager | None:
    if not page.has_other_pages():
        return None

    def url_of(number: int) -> str:
        params = query.copy()
        params["page"] = str(number)
        return "?" + params.urlencode()

    return Pager(
        label=_("Pages"), previous=_("Previous"), next=_("Next"),
        position=_("Page %(number)s of %(total)s") % {
            "number": number_format(page.number, force_grouping=True),
            "total": number_format(page.paginator.num_pages, force_grouping=True)},
        previous_url=url_of(page.previous_page_number()) if page.has_previous() else "",
        next_url=url_of(page.next_page_number()) if page.has_next() else "")

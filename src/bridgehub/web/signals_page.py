"""A member's signals page as a Jinja2 fragment (web/jinja.py says why): the feed of twenty stories and
the panel of what they follow.

As Django templates the page cost more than its reads: twenty story cards (sources, reasons, links
with a "wrong?" button each) and, per hub, a checkbox for every sector of the taxonomy. Here every word
arrives translated from Python with the templates' message ids (once per language and process) and
every date formatted, so the fragment holds structure only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from django.template.backends.utils import csrf_input
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from bridgehub.common.templatetags.bridgehub import colon, language_badge
from bridgehub.signals.enums import EventType
from bridgehub.web.paths import RowPaths


@dataclass(frozen=True)
class Panel:
    """What the member follows, for the side panel."""

    hubs: list[Any]
    organisations: list[Any]
    sectors: list[Any]
    chosen_sectors: set[int]
    default_sectors: set[int]
    event_types: list[tuple[str, str]]
    chosen_event_types: set[str]
    sectors_from_profile: bool


@dataclass(frozen=True, slots=True)
class Words:
    """The page's fixed words in one language, as attributes (a template reads `words.feed` with one
    getattr; on a dict Jinja first tries the attribute and pays for the AttributeError)."""

    signals: str
    intro: str
    feed: str
    empty: str
    pages: str
    newer: str
    older: str
    follow: str
    always: str
    organisations: str
    stop: str
    follow_others: str
    default: str
    event_types: str
    save: str
    why: str
    named: str
    wrong: str
    not_about: str
    follow_up: str
    colon: str
    separator: str
    events: dict[str, str]


@cache
def _words(language: str, sectors_from_profile: bool) -> Words:
    """The words in `language` (the active one when called): gettext once per process, as the chrome's."""
    return Words(
        signals=_("Signals"),
        intro=_("News about your organisation, the organisations you work with or follow, and your sectors. "
                "Copies of one story from several outlets are shown once, with every source; titles stay in "
                "the language they were written in."),
        feed=_("Your feed"),
        empty=_("Nothing yet. News appears here when it mentions your organisation, your partners or what "
                "you follow, once your hub's operators have added news sources."),
        pages=_("Pages"), newer=_("Newer"), older=_("Older"), follow=_("What you follow"),
        always=_("Always: the organisations you have a relationship with, and the sectors your profile is "
                 "read as.") if sectors_from_profile else
        _("Always: your own organisation, the organisations you have a relationship with, and your "
          "organisation's sectors."),
        organisations=_("Organisations"), stop=_("Stop following"),
        follow_others=_("Follow other organisations from their profile pages."),
        default=_("(from your profile)") if sectors_from_profile else _("(your organisation's)"),
        event_types=_("Only these kinds of sector news (none chosen: all)"), save=_("Save topics"),
        why=_("Why you see this"), named=_("Organisations named"), wrong=_("wrong?"),
        not_about=_("This story is not about %(name)s"),
        follow_up=_("A follow-up on an earlier story."),
        colon=colon(), separator=pgettext("list separator", ", "),
        events={value: str(name) for value, name in EventType.choices},
    )


@lru_cache(maxsize=256)
def _sources(language: str, count: int) -> str:
    return ngettext("%(counter)s source", "%(counter)s sources", count) % {"counter": count}


class _Paths:
    """The page's per-row paths (web/paths.py says why not one `reverse` per row)."""

    def __init__(self) -> None:
        self.of_organisation = RowPaths("web:organisation", "slug")
        self.to_follow = RowPaths("web:organisation_follow", "slug")
        self.wrong_link = RowPaths("web:signal_link_wrong", 987654321)


@dataclass(frozen=True, slots=True)
class Card:
    """One story as its card shows it."""

    pk: int
    language: str
    url: str
    title: str
    badge: SafeString
    published: str
    day: str
    event: str
    sources: str
    copies: list[tuple[str, str, str]]
    evidence: str
    reasons: list[str]
    links: list[tuple[str, str, str, str]]
    follow_up: bool


def _card(entry: Any, paths: _Paths, words: Words, language: str, badges: dict[str, SafeString]) -> Card:
    item = entry.item
    published = timezone.localtime(item.published_at)
    if item.language not in badges:
        badges[item.language] = SafeString(language_badge(item.language))
    return Card(
        pk=item.pk, language=item.language, url=item.url, title=item.title, badge=badges[item.language],
        published=published.isoformat(), day=published.date().isoformat(),
        event=words.events.get(item.event_type, item.event_type) if item.event_type else "",
        sources=_sources(language, len(entry.copies)),
        copies=[(copy.url, copy.language, copy.outlet) for copy in entry.copies],
        evidence=item.evidence if item.evidence and item.evidence != item.title else "",
        reasons=entry.reasons,
        links=[(paths.of_organisation(link.organisation.slug), link.organisation.name, paths.wrong_link(link.pk),
                words.not_about % {"name": link.organisation.name}) for link in entry.links],
        follow_up=bool(item.follow_up_of_id),
    )


def render_content(request: Any, *, entries: list[Any], page_number: int, has_older: bool, panel: Panel) -> SafeString:
    """The page's content block."""
    language = translation.get_language()  # the reader's (accounts/middleware.py), as request.LANGUAGE_CODE
    sectors = [(sector.pk, sector.parent_id is not None, sector.label_for(language),
                sector.pk in panel.chosen_sectors, sector.pk in panel.default_sectors) for sector in panel.sectors]
    words, paths, badges = _words(language, panel.sectors_from_profile), _Paths(), {}
    values = {
        "words": words, "csrf_input": csrf_input(request),
        "entries": [_card(entry, paths, words, language, badges) for entry in entries], "page_number": page_number,
        "has_older": has_older,
        "organisations": [(paths.of_organisation(organisation.slug), organisation.name,
                           paths.to_follow(organisation.slug)) for organisation in panel.organisations],
        "hubs": [(hub.pk, _("Sectors in %(hub)s") % {"hub": hub.name_for(language)})
                 for hub in panel.hubs],
        "topics_url": reverse("web:signals_topics"), "sectors": sectors,
        "event_types": [(value, words.events[value], value in panel.chosen_event_types)
                        for value, _name in panel.event_types],
    }
    return SafeString(render_to_string("web/signals_page.jinja", values, using="jinja2"))

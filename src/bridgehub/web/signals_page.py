"""A member's signals page as a Jinja2 fragment (web/jinja.py says why): the feed of twenty stories and
the panel of what they follow.

As Django templates the page cost more than its reads: twenty story cards (sources, reasons, links
with a "wrong?" form each) and, per hub, a checkbox for every sector of the taxonomy. Here every word
arrives translated from Python with the templates' message ids and every date formatted, so the
fragment holds structure only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template.backends.utils import csrf_input
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from bridgehub.common.templatetags.bridgehub import colon, language_badge
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


def _words(sectors_from_profile: bool) -> dict[str, str]:
    return {
        "signals": _("Signals"),
        "intro": _("News about your organisation, the organisations you work with or follow, and your sectors. "
                   "Copies of one story from several outlets are shown once, with every source; titles stay in "
                   "the language they were written in."),
        "feed": _("Your feed"),
        "empty": _("Nothing yet. News appears here when it mentions your organisation, your partners or what "
                   "you follow, once your hub's operators have added news sources."),
        "pages": _("Pages"), "newer": _("Newer"), "older": _("Older"), "follow": _("What you follow"),
        "always": _("Always: the organisations you have a relationship with, and the sectors your profile is "
                    "read as.") if sectors_from_profile else
        _("Always: your own organisation, the organisations you have a relationship with, and your "
          "organisation's sectors."),
        "organisations": _("Organisations"), "stop": _("Stop following"),
        "follow_others": _("Follow other organisations from their profile pages."),
        "default": _("(from your profile)") if sectors_from_profile else _("(your organisation's)"),
        "event_types": _("Only these kinds of sector news (none chosen: all)"), "save": _("Save topics"),
        "why": _("Why you see this"), "named": _("Organisations named"), "wrong": _("wrong?"),
        "follow_up": _("A follow-up on an earlier story."),
        "colon": colon(), "separator": pgettext("list separator", ", "),
    }


class _Paths:
    """The page's per-row paths (web/paths.py says why not one `reverse` per row)."""

    def __init__(self) -> None:
        self.of_organisation = RowPaths("web:organisation", "slug")
        self.to_follow = RowPaths("web:organisation_follow", "slug")
        self.wrong_link = RowPaths("web:signal_link_wrong", 987654321)


def _entry(entry: Any, paths: _Paths, events: dict[str, str], badges: dict[str, SafeString]) -> dict[str, Any]:
    item = entry.item
    published = timezone.localtime(item.published_at)
    count = len(entry.copies)
    if item.language not in badges:
        badges[item.language] = SafeString(language_badge(item.language))
    return {
        "pk": item.pk, "language": item.language, "url": item.url, "title": item.title,
        "badge": badges[item.language], "published": published.isoformat(), "day": published.date().isoformat(),
        "event": events.get(item.event_type, item.event_type) if item.event_type else "",
        "sources": ngettext("%(counter)s source", "%(counter)s sources", count) % {"counter": count},
        "copies": [(copy.url, copy.language, copy.outlet) for copy in entry.copies],
        "evidence": item.evidence if item.evidence and item.evidence != item.title else "",
        "reasons": entry.reasons,
        "links": [(paths.of_organisation(link.organisation.slug), link.organisation.name, paths.wrong_link(link.pk),
                   _("This story is not about %(name)s") % {"name": link.organisation.name})
                  for link in entry.links],
        "follow_up": bool(item.follow_up_of_id),
    }


def render_content(request: Any, *, entries: list[Any], page_number: int, has_older: bool, panel: Panel) -> SafeString:
    """The page's content block."""
    sectors = [(sector.pk, sector.parent_id is not None, sector.label_for(request.LANGUAGE_CODE),
                sector.pk in panel.chosen_sectors, sector.pk in panel.default_sectors) for sector in panel.sectors]
    paths, events, badges = _Paths(), {value: str(name) for value, name in panel.event_types}, {}
    values = {
        "words": _words(panel.sectors_from_profile), "csrf_input": csrf_input(request),
        "entries": [_entry(entry, paths, events, badges) for entry in entries], "page_number": page_number,
        "has_older": has_older,
        "organisations": [(paths.of_organisation(organisation.slug), organisation.name,
                           paths.to_follow(organisation.slug)) for organisation in panel.organisations],
        "hubs": [(hub.pk, _("Sectors in %(hub)s") % {"hub": hub.name_for(request.LANGUAGE_CODE)})
                 for hub in panel.hubs],
        "topics_url": reverse("web:signals_topics"), "sectors": sectors,
        "event_types": [(value, name, value in panel.chosen_event_types) for value, name in panel.event_types],
    }
    return SafeString(render_to_string("web/signals_page.jinja", values, using="jinja2"))

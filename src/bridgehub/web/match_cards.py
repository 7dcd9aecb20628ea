"""A reader's recommendation cards as plain values, rendered by a Jinja2 fragment (web/jinja.py says why).

The cards were most of the recommendations page's template time (10 cards, three forms each).
Every word is translated here with the message ids the Django templates use, so the fragment holds
structure only; the saved list and the rest of the page stay Django templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template.backends.utils import csrf_input
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bridgehub.common.templatetags.bridgehub import colon, quoted, zoned
from bridgehub.matchmaking.domain.recommendations import Item, Page
from bridgehub.matchmaking.enums import IntroStatus
from bridgehub.matchmaking.models import Introduction
from bridgehub.trust.domain.verification import Badge
from bridgehub.trust.texts import BADGES


@dataclass(frozen=True, slots=True)
class Story:
    url: str
    title: str
    language: str
    date: str


@dataclass(frozen=True, slots=True)
class TrustLine:
    code: str
    label: str
    explanation: str


@dataclass(frozen=True, slots=True)
class MatchCard:
    target_id: int
    url: str
    name: str
    saved: bool
    trust: list[TrustLine]
    reasons: list[str]
    news: list[Story]
    mine: str  # the best sentence pair, quoted ("" when there is none)
    theirs: str
    status: SafeString  # the introduction's state ("" when none)
    can_request: bool  # no introduction yet, or the last one was declined or withdrawn


def render_cards(request: Any, page: Page, *, kind: str, news: dict[int, list[Any]],
                 trust: dict[int, list[Badge]], not_relevant_options: str, feedback_url: str,
                 introduce_url: str) -> SafeString:
    context = {
        "cards": [card(request, item, news, trust) for item in page.items],
        "words": words(), "kind": kind, "hub_slug": page.hub.slug if page.hub else "",
        "feedback_url": feedback_url, "introduce_url": introduce_url,
        "not_relevant_options": not_relevant_options,
        "empty": empty_line(page),
        # Once for the page: the backend's lazy csrf_input would be evaluated again in each of 30 forms.
        "csrf_input": csrf_input(request),
        "hidden": ngettext("%(n)s recommendation marked not relevant is hidden.",
                           "%(n)s recommendations marked not relevant are hidden.", page.hidden) % {
            "n": page.hidden} if page.hidden else "",
    }
    return SafeString(render_to_string("web/match_results.jinja", context, using="jinja2"))


def words() -> dict[str, str]:
    """The fragment's fixed words in the active language (the same message ids as the templates)."""
    return {
        "saved": _("saved"), "in_the_news": _("In the news") + colon(),
        "you_wrote": _("You wrote") + colon(), "they_wrote": _("They wrote") + colon(),
        "request": _("Request an introduction"), "note": _("A note for them (optional)"), "send": _("Send"),
        "save": _("Save"), "unsave": _("Unsave"), "not_relevant": _("Not relevant"), "why_not": _("Why not?"),
        "hide": _("Hide"),
    }


def empty_line(page: Page) -> str:
    if page.items or page.reader.status != "ready":
        return ""
    if page.built_at:
        return _("No match of this kind in this hub yet.")
    return _("Recommendations for this hub are being computed.")


def card(request: Any, item: Item, news: dict[int, list[Any]], trust: dict[int, list[Badge]]) -> MatchCard:
    target = item.target
    organisation = target.organisation
    if organisation is not None:
        url = reverse("web:organisation", args=[organisation.slug])
    else:
        url = reverse("web:person", args=[target.person_id])
    introduction = item.introduction
    return MatchCard(
        target_id=target.pk, url=url, name=target.name, saved=item.saved,
        trust=trust_lines(trust.get(organisation.pk, [])) if organisation is not None else [],
        reasons=item.reasons,
        news=[Story(url=story.url, title=story.title, language=story.language,
                    date=date_format(localtime(story.published_at), "Y-m-d") if story.published_at else "")
              for story in (news.get(organisation.pk, []) if organisation is not None else [])],
        mine=quoted(item.pair.mine) if item.pair else "", theirs=quoted(item.pair.theirs) if item.pair else "",
        status=introduction_status(request, introduction),
        can_request=introduction is None or introduction.status in (IntroStatus.DECLINED, IntroStatus.WITHDRAWN))


def trust_lines(shown: list[Badge]) -> list[TrustLine]:
    """As the `trust_badges` tag words them (quiet: "not verified" is not said on a match card)."""
    lines = []
    for badge in shown:
        label, explanation = BADGES[badge.code]
        when = date_format(badge.when, "SHORT_DATE_FORMAT") if badge.when else ""
        lines.append(TrustLine(badge.code, str(label),
                               str(explanation) % {"by": badge.by, "date": when, "domain": badge.by}))
    return lines


def introduction_status(request: Any, introduction: Introduction | None) -> SafeString:
    """What web/_introduction_status.html shows, for a card of the fragment."""
    if introduction is None:
        return SafeString("")
    if introduction.status == IntroStatus.ACCEPTED:
        state = format_html('<span class="badge ok">{}</span> ', _("Introduction accepted"))
        if introduction.shared_contact:
            state = format_html("{}{} <strong>{}</strong>", state, _("Reach them at:"), introduction.shared_contact)
    elif introduction.status == IntroStatus.PENDING:
        state = format_html('<span class="badge">{}</span>', _("Introduction asked: waiting for their answer"))
    elif introduction.status == IntroStatus.DECLINED:
        state = format_html('<span class="badge warn">{}</span>', _("Introduction declined"))
    else:
        state = format_html('<span class="badge">{}</span>', introduction.get_status_display())
    return format_html('<p class="intro-status intro-{}">{} <span class="muted">{}</span></p>', introduction.status,
                       state, zoned({"request": request}, introduction.created_at))

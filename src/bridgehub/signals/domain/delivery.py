"""New stories by e-mail to the members they concern, each in the reader's language.

After a batch of items lands, the worker mails each member concerned one message listing the stories
that concern them (the same rule and the same reasons as their feed), under the mail topic "signals"
that they can have at once, in a daily or weekly digest (the default is daily), or not at all.
Titles stay in the language they were written in, marked with that language's name.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

from bridgehub.accounts.domain.mailing import send_to_people
from bridgehub.accounts.enums import MailTopic
from bridgehub.accounts.models import User
from bridgehub.directory.models import Organisation, OrganisationMembership
from bridgehub.pipeline.models import Relationship
from bridgehub.signals.domain import queries
from bridgehub.signals.enums import ItemLanguage
from bridgehub.signals.models import Follow, Item


def _candidates(hub_id: int, items: list[Item]) -> set[int]:
    """People who may be concerned (a superset; each is checked with the feed's own rule)."""
    organisations = {link.organisation_id for item in items for link in item.links.all()}
    sectors = {sector.pk for item in items for sector in item.sectors.all()}
    event_types = {item.event_type for item in items if item.event_type}
    partners: set[int] = set()
    for first, second in Relationship.objects.filter(
            Q(organisation_id__in=organisations) | Q(counterpart_id__in=organisations)).values_list(
            "organisation_id", "counterpart_id"):
        partners.update(side for side in (first, second) if side)
    with_sectors = set(Organisation.sectors.through.objects.filter(sector_id__in=sectors).values_list(
        "organisation_id", flat=True))
    people = set(OrganisationMembership.objects.filter(
        organisation_id__in=organisations | partners | with_sectors).values_list("user_id", flat=True))
    people |= set(Follow.objects.filter(hub_id=hub_id).filter(
        Q(organisation_id__in=organisations) | Q(sector_id__in=sectors) | Q(event_type__in=event_types))
        .values_list("user_id", flat=True))
    return people


def _subject(count: int) -> str:
    return ngettext("News for you: %(count)d story", "News for you: %(count)d stories", count) % {"count": count}


def _body(user: Any, items: list[Item], interests: queries.Interests) -> str:
    lines = []
    for entry in queries.feed_entries(user, items, interests, get_language()):
        outlets = pgettext("list separator", ", ").join(copy.outlet for copy in entry.copies)
        lines.append(_("%(title)s [%(language)s] (%(outlets)s)") % {
            "title": entry.item.title, "language": ItemLanguage(entry.item.language).label, "outlets": outlets})
        lines.extend(f"  · {reason}" for reason in entry.reasons)
        lines.append(f"  {entry.item.url}")
    return "\n".join(lines)


def deliver_items(hub_id: int, item_ids: list[int]) -> int:
    """Mail each member concerned by these new items (see the module docstring); returns how many people."""
    base = Item.objects.filter(hub_id=hub_id, pk__in=item_ids)
    items = list(queries.with_feed_data(base))
    if not items:
        return 0
    concerned = 0
    for user in User.objects.filter(pk__in=_candidates(hub_id, items), deleted_at=None).order_by("pk"):
        interests = queries.interests_for_user(user)
        mine = set(queries.items_for_user(user, interests).filter(pk__in=item_ids).values_list("pk", flat=True))
        chosen = [item for item in items if item.pk in mine]
        if not chosen:
            continue
        concerned += 1
        send_to_people(partial(_subject, len(chosen)), partial(_body, user, chosen, interests), [user.email],
                       topic=MailTopic.SIGNALS, link=reverse("web:signals"))
    return concerned

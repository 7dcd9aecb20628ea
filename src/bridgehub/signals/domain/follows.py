"""A member's follows and link reports; an operator's sources and aliases."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from bridgehub.directory.domain.queries import member_hub_ids
from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import Organisation, OrganisationHub, Sector
from bridgehub.exchanges.models import Programme, Round
from bridgehub.hubs.domain.membership import check_operator
from bridgehub.hubs.models import Hub
from bridgehub.signals.enums import SourceKind
from bridgehub.signals.models import Alias, Follow, Item, ItemLink, LinkReport, Pin, Source


class SignalsError(ValueError):
    """A request that cannot be done, in words for the person who made it."""


def _hubs_in_common(user: Any, organisation: Organisation) -> list[int]:
    linked = set(OrganisationHub.objects.filter(organisation=organisation, status=ApprovalStatus.APPROVED)
                 .values_list("hub_id", flat=True))
    return sorted(linked & member_hub_ids(user))


@transaction.atomic
def follow_organisation(*, user: Any, organisation: Organisation) -> int:
    """Follow `organisation` in every hub the user shares with it. Side effects: Follow rows. Returns how
    many hubs."""
    hubs = _hubs_in_common(user, organisation)
    if not hubs:
        raise SignalsError(_("You can follow organisations of your own hubs only."))
    for hub in Hub.objects.filter(pk__in=hubs):
        follow(user=user, hub=hub, organisation=organisation)
    return len(hubs)


@transaction.atomic
def unfollow_organisation(*, user: Any, organisation: Organisation) -> None:
    """Side effects: the user's Follow rows for `organisation` are deleted."""
    Follow.objects.filter(user=user, organisation=organisation).delete()


@transaction.atomic
def follow(*, user: Any, hub: Hub, organisation: Organisation | None = None, sector: Sector | None = None,
           event_type: str = "") -> tuple[Follow, bool]:
    """Follow one organisation (a member of `hub`), sector or event type in a hub of the user's. Side
    effects: a Follow row (returned with whether it is new)."""
    if hub.pk not in member_hub_ids(user):
        raise SignalsError(_("You are not a member of this hub."))
    if organisation is not None and not OrganisationHub.objects.filter(
            hub=hub, organisation=organisation, status=ApprovalStatus.APPROVED).exists():
        raise SignalsError(_("This organisation is not a member of the hub."))
    return Follow.objects.get_or_create(user=user, hub=hub, organisation=organisation, sector=sector,
                                        event_type=event_type)


@transaction.atomic
def unfollow(*, user: Any, follow_row: Follow) -> None:
    """Side effects: the Follow row is deleted (only the user's own)."""
    Follow.objects.filter(pk=follow_row.pk, user=user).delete()


@transaction.atomic
def set_topics(*, user: Any, hub: Hub, sectors: list[Sector], event_types: list[str]) -> None:
    """The sectors and event types the user follows in `hub`, replacing the earlier choice. Side effects:
    Follow rows."""
    if hub.pk not in member_hub_ids(user):
        raise SignalsError(_("You are not a member of this hub."))
    Follow.objects.filter(user=user, hub=hub, organisation__isnull=True).delete()
    Follow.objects.bulk_create([Follow(user=user, hub=hub, sector=sector) for sector in sectors]
                               + [Follow(user=user, hub=hub, event_type=event_type) for event_type in event_types])


@transaction.atomic
def report_link(*, user: Any, link: ItemLink) -> bool:
    """The user says `link` is wrong: it leaves their feed. Side effects: a LinkReport (once per person)."""
    if link.item.hub_id not in member_hub_ids(user):
        raise SignalsError(_("You are not a member of this hub."))
    _report, created = LinkReport.objects.get_or_create(link=link, user=user)
    return created


def _check_web_address(url: str, message: str) -> None:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise SignalsError(message) from None
    if len(url) > 1000:
        raise SignalsError(message)


@transaction.atomic
def add_feed(*, user: Any, hub: Hub, name: str, url: str) -> Source:
    """Side effects: a feed source of the hub; after commit, a task that reads it at once (the worker then
    polls it every half hour)."""
    check_operator(user, hub)
    url = url.strip()
    _check_web_address(url, _("Enter the feed's web address (http or https)."))
    if Source.objects.filter(hub=hub, url=url).exists():
        raise SignalsError(_("This hub already has a source with this address."))
    source = Source.objects.create(hub=hub, kind=SourceKind.FEED, name=name.strip()[:120] or url[:120], url=url,
                                   created_by=user)
    transaction.on_commit(partial(_enqueue_poll, source.pk))
    return source


def _enqueue_poll(source_id: int) -> None:
    from bridgehub.signals.tasks import poll_source_task

    poll_source_task.enqueue(source_id)


@transaction.atomic
def request_article(*, user: Any, hub: Hub, url: str) -> None:
    """An article without a feed, by its address. Side effects: the hub's articles source (made once);
    after commit, a task that fetches and adds the article (its failure is shown on that source)."""
    from bridgehub.signals.domain.pages import pages_source

    check_operator(user, hub)
    url = url.strip()
    _check_web_address(url, _("Enter the article's web address (http or https)."))
    transaction.on_commit(partial(_enqueue_article, pages_source(hub, user).pk, url))


def _enqueue_article(source_id: int, url: str) -> None:
    from bridgehub.signals.tasks import add_article_task

    add_article_task.enqueue(source_id, url)


@transaction.atomic
def set_source_active(*, user: Any, source: Source, active: bool) -> None:
    """Side effects: the source is polled again, or no longer (its items stay)."""
    check_operator(user, source.hub)
    Source.objects.filter(pk=source.pk).update(active=active)


@transaction.atomic
def pin_item(*, user: Any, item: Item, target: Round | Programme) -> Pin:
    """Put a story on a round's page (or on every round page of a programme) of the item's hub. Side
    effects: a Pin."""
    check_operator(user, item.hub)
    hub_id = target.programme.hub_id if isinstance(target, Round) else target.hub_id
    if hub_id != item.hub_id:
        raise SignalsError(_("Pin a story to a round or programme of its own hub."))
    found, _created = (Pin.objects.get_or_create(item=item, round=target, defaults={"pinned_by": user})
                       if isinstance(target, Round) else
                       Pin.objects.get_or_create(item=item, programme=target, defaults={"pinned_by": user}))
    return found


@transaction.atomic
def unpin(*, user: Any, pin: Pin) -> None:
    """Side effects: the Pin is deleted."""
    check_operator(user, pin.item.hub)
    pin.delete()


@transaction.atomic
def add_alias(*, user: Any, hub: Hub, organisation: Organisation, name: str) -> Alias:
    """Another name the news uses for `organisation` in this hub. Side effects: an Alias (new items link
    through it; the linker is rebuilt on the next run); after commit, when new, a background task that
    links the hub's stories of the last year through it (signals/domain/relink.py)."""
    check_operator(user, hub)
    if not OrganisationHub.objects.filter(hub=hub, organisation=organisation,
                                          status=ApprovalStatus.APPROVED).exists():
        raise SignalsError(_("This organisation is not a member of the hub."))
    alias, created = Alias.objects.get_or_create(hub=hub, organisation=organisation, name=name.strip(),
                                                 defaults={"added_by": user})
    if created:
        transaction.on_commit(partial(_relink, hub.pk, organisation.pk))
    return alias


@transaction.atomic
def remove_alias(*, user: Any, alias: Alias) -> None:
    """An alias added by mistake. Side effects: the Alias deleted; after commit, a background task that
    removes the links made through it (signals/domain/relink.py)."""
    check_operator(user, alias.hub)
    hub_id, organisation_id, name = alias.hub_id, alias.organisation_id, alias.name
    alias.delete()
    transaction.on_commit(partial(_unlink, hub_id, organisation_id, name))


def _unlink(hub_id: int, organisation_id: int, name: str) -> None:
    from bridgehub.signals.tasks import unlink_alias_task

    unlink_alias_task.enqueue(hub_id, organisation_id, name)


def _relink(hub_id: int, organisation_id: int) -> None:
    from bridgehub.signals.tasks import relink_organisation_task

    relink_organisation_task.enqueue(hub_id, organisation_id)

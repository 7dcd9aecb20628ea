"""A member's follows and link reports; an operator's sources and aliases."""

from __future__ import annotations

from typing import Any

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
    for hub_id in hubs:
        Follow.objects.get_or_create(user=user, hub_id=hub_id, organisation=organisation)
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


@transaction.atomic
def add_feed(*, user: Any, hub: Hub, name: str, url: str) -> Source:
    """Side effects: a feed source of the hub (polled by the worker from now on)."""
    check_operator(user, hub)
    if Source.objects.filter(hub=hub, url=url).exists():
        raise SignalsError(_("This hub already has a source with this address."))
    return Source.objects.create(hub=hub, kind=SourceKind.FEED, name=name, url=url, created_by=user)


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
    through it; the linker is rebuilt on the next run)."""
    check_operator(user, hub)
    if not OrganisationHub.objects.filter(hub=hub, organisation=organisation,
                                          status=ApprovalStatus.APPROVED).exists():
        raise SignalsError(_("This organisation is not a member of the hub."))
    alias, _created = Alias.objects.get_or_create(hub=hub, organisation=organisation, name=name.strip(),
                                                  defaults={"added_by": user})
    return alias

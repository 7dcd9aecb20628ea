"""The hub's directory as the linker sees it, built once per process and rebuilt when it changes."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max

from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import Organisation
from bridgehub.engines.linking.link import Entry, Linker
from bridgehub.hubs.models import Hub
from bridgehub.signals.models import Alias


@dataclass(frozen=True)
class _Built:
    version: tuple[object, ...]
    linker: Linker


_BUILT: dict[int, _Built] = {}


def _version(hub: Hub) -> tuple[object, ...]:
    organisations = Organisation.objects.filter(hub_links__hub=hub, hub_links__status=ApprovalStatus.APPROVED)
    figures = organisations.aggregate(count=Count("pk"), changed=Max("updated_at"))
    aliases = Alias.objects.filter(hub=hub).aggregate(count=Count("pk"), last=Max("pk"))
    return figures["count"], figures["changed"], aliases["count"], aliases["last"]


def linker_for_hub(hub: Hub) -> Linker:
    """A linker over the hub's approved organisations: their names, readings and the hub's aliases."""
    version = _version(hub)
    built = _BUILT.get(hub.pk)
    if built is not None and built.version == version:
        return built.linker
    names: dict[int, list[str]] = {}
    rows = Organisation.objects.filter(hub_links__hub=hub, hub_links__status=ApprovalStatus.APPROVED).values_list(
        "pk", "name", "name_reading")
    for pk, name, reading in rows:
        names[pk] = [part for part in (name, reading) if part]
    for organisation_id, alias in Alias.objects.filter(hub=hub, organisation_id__in=names).values_list(
            "organisation_id", "name"):
        names[organisation_id].append(alias)
    linker = Linker(Entry(str(pk), tuple(found)) for pk, found in names.items())
    _BUILT[hub.pk] = _Built(version, linker)
    return linker

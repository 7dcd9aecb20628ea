"""Market signals on the background worker: feeds polled every half hour, or at once on request."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

POLL_EVERY = dt.timedelta(minutes=30)


@task()
def poll_source_task(source_id: int) -> str:
    from bridgehub.signals.domain.feeds import poll_source
    from bridgehub.signals.models import Source

    source = Source.objects.select_related("hub").filter(pk=source_id, active=True).first()
    if source is None:
        return "gone"
    result = poll_source(source)
    return "failed" if result is None else f"added {result.added}, copies {result.copies}"


@task()
def add_article_task(source_id: int, url: str) -> str:
    from bridgehub.signals.domain.pages import add_article
    from bridgehub.signals.models import Source

    source = Source.objects.select_related("hub").filter(pk=source_id).first()
    if source is None:
        return "gone"
    result = add_article(source, url)
    return "failed" if result is None else f"added {result.added}, copies {result.copies}"


@task()
def deliver_signals_task(hub_id: int, item_ids: list[int]) -> str:
    from bridgehub.signals.domain.delivery import deliver_items

    return f"concerned {deliver_items(hub_id, item_ids)}"


@task()
def poll_feeds_task() -> str:
    from bridgehub.common.periodic import schedule_next
    from bridgehub.signals.domain.feeds import poll_due_sources

    try:
        return f"polled {poll_due_sources()}"
    finally:
        schedule_next(poll_feeds_task, POLL_EVERY)  # a failing run must not end the chain


@task()
def relink_organisation_task(hub_id: int, organisation_id: int) -> str:
    from bridgehub.hubs.models import Hub
    from bridgehub.signals.domain.relink import relink_organisation

    hub = Hub.objects.filter(pk=hub_id).first()
    if hub is None:
        return "gone"
    result = relink_organisation(hub, organisation_id)
    return f"read {result.read}, linked {result.added}"


@task()
def unlink_alias_task(hub_id: int, organisation_id: int, name: str) -> str:
    from bridgehub.hubs.models import Hub
    from bridgehub.signals.domain.relink import unlink_alias

    hub = Hub.objects.filter(pk=hub_id).first()
    if hub is None:
        return "gone"
    return f"unlinked {unlink_alias(hub, organisation_id, name)}"

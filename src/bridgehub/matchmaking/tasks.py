"""Background tasks (run by `bridgehub db_worker`): the encoder and the hub-wide allocation never
run inside a web request."""

from __future__ import annotations

from django_tasks import task


@task()
def refresh_profile_task(profile_id: int) -> str:
    from bridgehub.matchmaking.domain.refresh import refresh_profile

    return refresh_profile(profile_id)


@task()
def rebuild_hub_task(hub_id: int) -> str:
    from bridgehub.matchmaking.domain.lists import rebuild_if_requested

    return rebuild_if_requested(hub_id)

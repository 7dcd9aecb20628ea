"""The worker's periodic tick: what `bridgehub exchanges_tick` does from cron, every minute."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

TICK_EVERY = dt.timedelta(minutes=1)


@task()
def tick_task() -> str:
    from bridgehub.common.periodic import beat, schedule_next
    from bridgehub.exchanges.domain.tick import run_tick

    try:
        beat()
        return run_tick()
    finally:
        schedule_next(tick_task, TICK_EVERY)  # a failing run must not end the chain


@task()
def schedule_round_task(job_id: int) -> str:
    from bridgehub.engines.scheduling.model import wait_for_abandoned_solves
    from bridgehub.exchanges.domain.scheduling_jobs import run_job

    try:
        return run_job(job_id)
    finally:
        # A solve the optimiser stopped waiting for at its time limit ends with this task, not after it.
        wait_for_abandoned_solves()


@task()
def agenda_mail_task(round_id: int, registration_ids: list[int]) -> str:
    """Each person whose meetings are new or moved: their agenda by e-mail with an .ics, and an inbox entry."""
    from bridgehub.exchanges.domain import notify
    from bridgehub.exchanges.models import Round

    round_ = Round.objects.filter(pk=round_id).first()
    if round_ is None:
        return "round gone"
    notify.agenda_changed(round_, registration_ids)
    return f"{len(registration_ids)} agendas"

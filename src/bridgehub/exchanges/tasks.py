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

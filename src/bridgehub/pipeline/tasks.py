"""The pipeline's periodic work on the background worker."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

REMINDERS_EVERY = dt.timedelta(minutes=30)  # each hub's morning is caught within half an hour


@task()
def pipeline_reminders_task() -> str:
    from bridgehub.common.periodic import schedule_next
    from bridgehub.pipeline.domain.reminders import send_daily_reminders

    try:
        return f"reminded {send_daily_reminders()}"
    finally:
        schedule_next(pipeline_reminders_task, REMINDERS_EVERY)  # a failing run must not end the chain

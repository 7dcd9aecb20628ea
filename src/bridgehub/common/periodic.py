"""Periodic work on the background worker: a task that runs, then queues its own next run.

The worker (`bridgehub db_worker`, long-running) starts each task named in settings.PERIODIC_TASKS
once; each run queues the next one `every` later unless one is already waiting, so two workers started
together converge on one chain. Each run also records the worker's heartbeat, which /health reads.
"""

from __future__ import annotations

import datetime as dt
import socket
from typing import Any

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

# A run still marked running after this long belongs to a worker that was stopped mid-run.
RUNNING_LOST_AFTER = dt.timedelta(minutes=10)


def _waiting(task: Any, *, except_running: bool = False) -> bool:
    runs = DBTaskResult.objects.filter(task_path=task.module_path)
    ready = runs.filter(status="READY")
    if except_running:
        return ready.exists()
    alive = runs.filter(status="RUNNING", started_at__gte=timezone.now() - RUNNING_LOST_AFTER)
    return ready.exists() or alive.exists()


def ensure_scheduled(task: Any) -> bool:
    """Queues `task` now unless a run is already waiting or running. Returns whether it queued one."""
    if _waiting(task):
        return False
    task.enqueue()
    return True


def schedule_next(task: Any, every: dt.timedelta) -> bool:
    """Called at the end of a run: queues the next one unless another chain already has one waiting."""
    if _waiting(task, except_running=True):
        return False
    task.using(run_after=timezone.now() + every).enqueue()
    return True


def beat() -> None:
    from bridgehub.common.models import WorkerHeartbeat

    WorkerHeartbeat.objects.update_or_create(pk=1, defaults={"beat_at": timezone.now(),
                                                             "host": socket.gethostname()[:100]})

"""/health/ for monitoring: the database answers, the worker's heartbeat is recent, the queue moves.

200 with "ok" when all three hold; 503 with "degraded" (worker silent or queue stuck: pages work,
e-mails and recommendations wait) or "down" (no database). Counts and ages only: nothing private.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Min
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _seconds_since(moment) -> float | None:
    return round((timezone.now() - moment).total_seconds(), 1) if moment else None


@never_cache
@require_GET
def health(request):
    from django_tasks_db.models import DBTaskResult, get_date_max

    from bridgehub.common.models import WorkerHeartbeat

    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse({"status": "down", "database": {"ok": False, "error": type(error).__name__}},
                            status=503)
    database_ms = round((time.perf_counter() - started) * 1000, 1)
    heartbeat = WorkerHeartbeat.objects.filter(pk=1).values_list("beat_at", flat=True).first()
    due = DBTaskResult.objects.ready()
    # A task queued without a delay is due since it was queued (its run_after holds the far-future marker).
    undelayed = due.filter(run_after=get_date_max()).aggregate(oldest=Min("enqueued_at"))["oldest"]
    delayed = due.exclude(run_after=get_date_max()).aggregate(oldest=Min("run_after"))["oldest"]
    oldest_due = min((moment for moment in (undelayed, delayed) if moment), default=None)
    worker_age, queue_age = _seconds_since(heartbeat), _seconds_since(oldest_due)
    worker_ok = worker_age is not None and worker_age <= settings.HEALTH_WORKER_SILENT_AFTER_S
    queue_ok = queue_age is None or queue_age <= settings.HEALTH_QUEUE_STUCK_AFTER_S
    status = "ok" if worker_ok and queue_ok else "degraded"
    return JsonResponse({
        "status": status,
        "database": {"ok": True, "vendor": connection.vendor, "ms": database_ms},
        "worker": {"ok": worker_ok, "last_heartbeat": heartbeat.isoformat() if heartbeat else None,
                   "seconds_since": worker_age},
        "queue": {"ok": queue_ok, "due": due.count(), "oldest_due_seconds": queue_age},
    }, status=200 if status == "ok" else 503)

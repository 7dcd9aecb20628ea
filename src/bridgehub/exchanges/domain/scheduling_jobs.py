"""The optimiser off the request path: the operator's press queues a job; the worker solves it.

Two operators pressing "run" together get one job (the round's row is locked while we look for an
active one). A job the worker never finished (the worker was stopped mid-run) stops blocking new runs
once it is clearly overdue. The solver runs inside the task with its time limit, so nothing it starts
outlives the task.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bridgehub.exchanges.domain.rounds import ExchangeError, check_operator
from bridgehub.exchanges.domain.scheduling import accepted_requests, run_scheduler
from bridgehub.exchanges.enums import RoundStatus
from bridgehub.exchanges.models import Round, SchedulingJob

log = logging.getLogger("bridgehub.exchanges")
# Beyond the time limit: queue wait and writing the preview. A job older than this is given up.
GRACE = dt.timedelta(minutes=10)


def _give_up_overdue(round_: Round) -> None:
    now = timezone.now()
    for job in SchedulingJob.objects.filter(round=round_, status__in=[SchedulingJob.Status.QUEUED,
                                                                     SchedulingJob.Status.RUNNING]):
        if now - job.created_at > dt.timedelta(seconds=job.time_limit) + GRACE:
            job.status, job.finished_at = SchedulingJob.Status.FAILED, now
            job.error = _("The worker did not finish this run. Check that the background worker is running, "
                          "then run the optimiser again.")
            job.save(update_fields=["status", "finished_at", "error"])


def request_schedule(*, user: Any, round_: Round, keep_interpreters: bool,
                     time_limit: float) -> tuple[SchedulingJob, bool]:
    """Queues a run, or returns the one already queued or running. Returns (job, whether it is new).

    What can be checked at once is checked here, so the operator hears it at once: who may, whether
    the round is open, whether there is anything to schedule.
    """
    check_operator(user, round_.programme.hub)
    if round_.status not in (RoundStatus.OPEN, RoundStatus.PUBLISHED):
        raise ExchangeError(_("Open the round before scheduling it."))
    if not accepted_requests(round_):
        raise ExchangeError(_("There are no accepted requests to schedule yet."))
    with transaction.atomic():
        Round.objects.select_for_update().filter(pk=round_.pk).first()  # one operator at a time decides
        _give_up_overdue(round_)
        active = SchedulingJob.objects.filter(round=round_, status__in=[SchedulingJob.Status.QUEUED,
                                                                        SchedulingJob.Status.RUNNING]).first()
        if active is not None:
            return active, False
        job = SchedulingJob.objects.create(round=round_, requested_by=user, keep_interpreters=keep_interpreters,
                                           time_limit=time_limit)
        transaction.on_commit(lambda: _enqueue(job.pk))
    return job, True


def _enqueue(job_id: int) -> None:
    from bridgehub.exchanges.tasks import schedule_round_task

    schedule_round_task.enqueue(job_id)


def run_job(job_id: int) -> str:
    """The worker's side: claim the job, solve, keep the preview or the reason it failed."""
    claimed = SchedulingJob.objects.filter(pk=job_id, status=SchedulingJob.Status.QUEUED).update(
        status=SchedulingJob.Status.RUNNING, started_at=timezone.now())
    if not claimed:
        return "not queued"
    job = SchedulingJob.objects.select_related("round__programme__hub", "requested_by").get(pk=job_id)
    language = job.requested_by.language if job.requested_by else None
    with translation.override(language):
        try:
            run = run_scheduler(user=job.requested_by, round_=job.round, time_limit=job.time_limit,
                                keep_interpreters=job.keep_interpreters)
        except ExchangeError as error:
            job.status, job.error = SchedulingJob.Status.FAILED, str(error)
        except Exception:
            log.exception("scheduling job %s failed", job_id)
            job.status, job.error = SchedulingJob.Status.FAILED, _(
                "The optimiser stopped with an unexpected error; it is in the worker's log. Run it again, "
                "or tell the platform's maintainers if it happens again.")
        else:
            job.status, job.run = SchedulingJob.Status.DONE, run
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "run", "finished_at"])
    return job.status


def latest_job(round_: Round) -> SchedulingJob | None:
    return SchedulingJob.objects.filter(round=round_).select_related("requested_by").first()

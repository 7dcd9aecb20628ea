"""The worker's periodic tick (one chain, heartbeat, chores done) and /health/ built on it."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from bridgehub.common.models import WorkerHeartbeat
from bridgehub.common.periodic import beat, ensure_scheduled
from bridgehub.common.tasks import retry_mail_task
from bridgehub.exchanges.enums import RequestStatus
from bridgehub.exchanges.models import MeetingRequest
from bridgehub.exchanges.tasks import tick_task

TICK = "bridgehub.exchanges.tasks.tick_task"


def run_worker(*extra):
    call_command("db_worker", "--no-startup-delay", "--no-reload", "--interval", "0.05", *extra, verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_a_worker_starts_the_tick_which_does_the_chores_and_queues_its_next_run(exchange):
    from bridgehub.exchanges.domain import participation

    overdue = participation.send_request(user=exchange.world.owner, sender=exchange.owner_reg,
                                         recipient=exchange.taipei_reg)
    MeetingRequest.objects.filter(pk=overdue.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    DBTaskResult.objects.all().delete()  # the request's own follow-up tasks are not what this test is about
    before = timezone.now()

    run_worker("--max-tasks", "1")  # a long-running worker, stopped after its first task: the tick

    assert MeetingRequest.objects.get(pk=overdue.pk).status == RequestStatus.EXPIRED
    assert WorkerHeartbeat.objects.get().beat_at >= before
    ran = DBTaskResult.objects.get(task_path=TICK, status="SUCCESSFUL")
    assert ran.return_value == "reminded 0, expired 1, digests 0"
    following = DBTaskResult.objects.get(task_path=TICK, status="READY")
    assert dt.timedelta(seconds=50) < following.run_after - before < dt.timedelta(seconds=70)
    assert ensure_scheduled(tick_task) is False  # a second worker joins the chain, it does not start another


@pytest.mark.django_db(transaction=True)
def test_a_batch_worker_starts_no_periodic_chain(db):
    run_worker("--batch")
    assert not DBTaskResult.objects.filter(task_path=TICK).exists()


@pytest.mark.django_db
def test_health_says_degraded_until_the_worker_beats(client):
    silent = client.get("/health/")
    assert silent.status_code == 503
    assert silent.json()["status"] == "degraded" and silent.json()["worker"]["ok"] is False
    assert silent.json()["database"]["ok"] is True and silent["Cache-Control"].startswith("max-age=0")
    beat()
    healthy = client.get("/health/")
    assert healthy.status_code == 200 and healthy.json()["status"] == "ok"


@pytest.mark.django_db
def test_health_says_degraded_when_a_due_task_waits_too_long(client, django_capture_on_commit_callbacks):
    beat()
    with django_capture_on_commit_callbacks(execute=True):
        retry_mail_task.enqueue(1)
    assert client.get("/health/").json()["queue"] == {"ok": True, "due": 1,
                                                      "oldest_due_seconds": pytest.approx(0, abs=5)}
    DBTaskResult.objects.update(run_after=timezone.now() - dt.timedelta(minutes=10))
    stuck = client.get("/health/")
    assert stuck.status_code == 503 and stuck.json()["queue"]["ok"] is False
    assert stuck.json()["queue"]["oldest_due_seconds"] >= 600


@pytest.mark.django_db
def test_a_tick_left_running_by_a_stopped_worker_does_not_stop_the_next_worker_from_starting_one(
        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert ensure_scheduled(tick_task) is True
    DBTaskResult.objects.filter(task_path=TICK).update(status="RUNNING", started_at=timezone.now())
    assert ensure_scheduled(tick_task) is False  # a live run: one chain
    DBTaskResult.objects.filter(task_path=TICK).update(started_at=timezone.now() - dt.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert ensure_scheduled(tick_task) is True  # that worker is gone: a new chain starts
    assert DBTaskResult.objects.filter(task_path=TICK, status="READY").count() == 1

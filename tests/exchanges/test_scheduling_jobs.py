"""The optimiser runs on the background worker: one run per round at a time, progress, result or reason."""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from bridgehub.exchanges.domain import participation
from bridgehub.exchanges.domain.scheduling_jobs import request_schedule, run_job
from bridgehub.exchanges.models import MeetingRequest, ScheduleRun, SchedulingJob
from tests.conftest import client_for


def agree(exchange):
    request = participation.send_request(user=exchange.world.owner, sender=exchange.owner_reg,
                                         recipient=exchange.taipei_reg)
    participation.respond(user=exchange.world.taipei_member, request=request, accept=True)
    return request


@pytest.mark.django_db(transaction=True)
def test_two_presses_make_one_run_which_the_worker_turns_into_a_preview(exchange):
    agree(exchange)
    operator = client_for(exchange.world.tokyo_operator)
    url = f"/manage/tokyo/rounds/{exchange.round.pk}/"
    first = operator.post(url + "action/", {"action": "schedule"}, follow=True).content.decode()
    again = operator.post(url + "action/", {"action": "schedule"}, follow=True).content.decode()
    assert "The optimiser is running" in first and "already running" in again
    assert SchedulingJob.objects.count() == 1 and not ScheduleRun.objects.exists()  # nothing solved in the request
    polling = operator.get(url + "optimiser/")
    assert 'hx-trigger="every 2s"' in polling.content.decode() and "HX-Refresh" not in polling

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    job = SchedulingJob.objects.get()
    assert job.status == "done" and job.run == ScheduleRun.objects.get() and job.run.summary["meetings"] == 1
    finished = operator.get(url + "optimiser/")
    assert finished["HX-Refresh"] == "true" and "hx-trigger" not in finished.content.decode()
    page = operator.get(url).content.decode()
    assert "Publish this schedule" in page and "scheduling-job" not in page  # the preview, no progress box


@pytest.mark.django_db
def test_a_run_that_cannot_finish_says_why_in_the_operators_language(exchange):
    request = agree(exchange)
    exchange.world.tokyo_operator.language = "ja"
    exchange.world.tokyo_operator.save(update_fields=["language"])
    job, new = request_schedule(user=exchange.world.tokyo_operator, round_=exchange.round, keep_interpreters=True,
                                time_limit=2)
    assert new and job.status == "queued"
    MeetingRequest.objects.filter(pk=request.pk).update(status="withdrawn")  # gone before the worker came
    assert run_job(job.pk) == "failed"
    job.refresh_from_db()
    assert job.error and "accepted" not in job.error  # written in Japanese for the operator who asked
    assert run_job(job.pk) == "not queued"  # a job is run once
    page = client_for(exchange.world.tokyo_operator).get(f"/manage/tokyo/rounds/{exchange.round.pk}/")
    assert job.error in page.content.decode()


@pytest.mark.django_db
def test_a_running_job_shows_the_time_it_has_used_against_its_limit(exchange):
    agree(exchange)
    job, _new = request_schedule(user=exchange.world.tokyo_operator, round_=exchange.round, keep_interpreters=True,
                                 time_limit=30)
    SchedulingJob.objects.filter(pk=job.pk).update(status="running",
                                                   started_at=timezone.now() - dt.timedelta(seconds=12))
    html = client_for(exchange.world.tokyo_operator).get(
        f"/manage/tokyo/rounds/{exchange.round.pk}/optimiser/").content.decode()
    used = re.search(r'<progress max="30" value="(\d+)"', html)
    assert used and 12 <= int(used.group(1)) <= 15 and f"{used.group(1)} seconds used" in html
    assert 'hx-trigger="every 2s"' in html  # and it keeps polling


@pytest.mark.django_db
def test_a_run_the_worker_never_finished_stops_blocking_after_its_grace(exchange):
    agree(exchange)
    stuck, _new = request_schedule(user=exchange.world.tokyo_operator, round_=exchange.round,
                                   keep_interpreters=True, time_limit=2)
    SchedulingJob.objects.filter(pk=stuck.pk).update(status="running",
                                                     created_at=stuck.created_at - dt.timedelta(minutes=30))
    fresh, new = request_schedule(user=exchange.world.tokyo_operator, round_=exchange.round,
                                  keep_interpreters=True, time_limit=2)
    assert new and fresh.pk != stuck.pk
    stuck.refresh_from_db()
    assert stuck.status == "failed" and "worker" in stuck.error

"""Background tasks of the directory (run by `bridgehub db_worker`)."""

from __future__ import annotations

from django_tasks import task


@task()
def commit_import_task(batch_id: int) -> str:
    from bridgehub.directory.domain.imports import run_requested_commit

    return run_requested_commit(batch_id)

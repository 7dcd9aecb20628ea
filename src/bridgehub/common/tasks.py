"""Background tasks of shared pieces (run by `bridgehub db_worker`)."""

from __future__ import annotations

from django_tasks import task


@task()
def retry_mail_task(mail_id: int) -> str:
    from bridgehub.common.mail import retry_kept_mail

    return retry_kept_mail(mail_id)

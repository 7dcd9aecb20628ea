"""Concurrent writers on the embedded SQLite database queue on the lock instead of failing."""

import threading

import pytest
from django.db import connection, connections, transaction

from bridgehub.directory.models import Organisation

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite-specific locking behaviour")


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_see_no_database_is_locked_errors():
    assert connection.cursor().execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    errors: list[BaseException] = []
    writers, rows_each = 8, 25

    def write(worker: int) -> None:
        try:
            for index in range(rows_each):
                # Read-then-write inside one transaction: the pattern that deadlocks under
                # deferred transactions and fails with "database is locked".
                with transaction.atomic():
                    Organisation.objects.filter(kind="startup").count()
                    Organisation.objects.create(slug=f"w{worker}-{index}", name=f"W{worker} {index}",
                                                kind="startup", country="JP")
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(worker,)) for worker in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Organisation.objects.filter(slug__startswith="w").count() == writers * rows_each

"""An import is written by the background worker: one write per batch, progress, the result or why not."""

import pytest
from django.core.management import call_command

from bridgehub.directory.domain.imports import request_commit, run_requested_commit
from bridgehub.directory.models import ImportBatch, Organisation
from tests.conftest import client_for
from tests.directory.test_import_safety import preview
from tests.directory.test_imports import GOOD, HEADER, csv_bytes
from tests.factories.core import OrganisationFactory


@pytest.mark.django_db(transaction=True)
def test_the_worker_writes_the_batch_while_the_page_shows_progress(taxonomy_again, world):
    batch = preview(world, "members.csv", csv_bytes([HEADER, *GOOD]))
    operator = client_for(world.tokyo_operator)
    page_url = f"/manage/tokyo/imports/{batch.pk}/"
    first = operator.post(page_url, {"action": "commit"}, follow=True).content.decode()
    again = operator.post(page_url, {"action": "commit"}, follow=True).content.decode()
    assert "being written in the background" in first and "already being written" in again
    assert not Organisation.objects.filter(name="澄析光學").exists()  # nothing written in the request
    polling = operator.get(page_url + "progress/")
    assert 'hx-trigger="every 2s"' in polling.content.decode() and "HX-Refresh" not in polling

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    batch.refresh_from_db()
    assert (batch.status, batch.written_rows) == ("committed", len(GOOD))
    assert Organisation.objects.filter(name="澄析光學", hub_links__hub=world.tokyo).exists()
    assert operator.get(page_url + "progress/")["HX-Refresh"] == "true"


@pytest.mark.django_db
def test_a_batch_that_no_longer_fits_goes_back_to_preview_with_the_reason_in_the_operators_language(world):
    world.tokyo_operator.language = "ja"
    world.tokyo_operator.save(update_fields=["language"])
    batch = preview(world, "members.csv", csv_bytes([HEADER, *GOOD]))
    assert request_commit(user=world.tokyo_operator, batch=batch, only_good_rows=False) is True
    assert request_commit(user=world.tokyo_operator, batch=batch, only_good_rows=False) is False  # one write
    OrganisationFactory(name="澄析光學", country="TW", registry_number="04595257")  # added by hand meanwhile
    assert run_requested_commit(batch.pk) == "previewed"
    batch.refresh_from_db()
    assert batch.status == "previewed" and batch.commit_error and "conflict" not in batch.commit_error
    assert Organisation.objects.filter(name="株式会社汐見プロセス").count() == 0  # whole or nothing
    page = client_for(world.tokyo_operator).get(f"/manage/tokyo/imports/{batch.pk}/").content.decode()
    assert batch.commit_error in page and 'value="commit"' in page  # the operator may fix and try again
    assert run_requested_commit(batch.pk) == "not requested"
    assert ImportBatch.objects.get(pk=batch.pk).status == "previewed"

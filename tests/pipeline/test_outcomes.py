"""The hub's outcome figures: young relationships censored, amounts at dated rates, files that regenerate
identically, filters from a query."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from bridgehub.pipeline.domain.history import history_changed
from bridgehub.pipeline.domain.outcomes import hub_outcomes
from bridgehub.pipeline.domain.queries import PipelineFilters
from bridgehub.pipeline.domain.relationships import open_relationship, record_stage
from bridgehub.pipeline.domain.report import end_of_day, outcomes_report
from bridgehub.pipeline.domain.report_files import outcomes_pdf, outcomes_xlsx
from bridgehub.pipeline.models import ExchangeRate, Relationship, StageEvent
from tests.factories.core import OrganisationFactory, OrganisationHubFactory


def TODAY():  # noqa: N802  (reads like the constant it stands for)
    """The Tokyo hub's day: reports are as of the end of a day in the hub's zone."""
    return timezone.localdate(timezone=dt.timezone(dt.timedelta(hours=9)))


def opened(world, name: str, days_ago: int) -> Relationship:
    organisation = OrganisationFactory(slug=name.lower().replace(" ", "-"), name=name, country="TW")
    OrganisationHubFactory(organisation=organisation, hub=world.tokyo)
    relationship = open_relationship(user=world.tokyo_operator, hub=world.tokyo, organisation=organisation,
                                     counterpart=world.organisation)[0]
    Relationship.objects.filter(pk=relationship.pk).update(opened_at=timezone.now() - dt.timedelta(days=days_ago))
    history_changed(world.tokyo.pk)
    relationship.refresh_from_db()
    return relationship


def backdate(event: StageEvent, days_ago: int) -> None:
    day = TODAY() - dt.timedelta(days=days_ago)
    StageEvent.objects.filter(pk=event.pk).update(effective_on=day, recorded_at=timezone.now() - dt.timedelta(
        days=days_ago))
    history_changed(event.relationship.hub_id)


@pytest.mark.django_db
def test_a_young_relationship_is_censored_never_counted_as_failed(world):
    old_poc = opened(world, "Old PoC", 400)
    opened(world, "Old Nothing", 400)
    backdate(record_stage(user=world.owner, relationship=old_poc, stage="poc", effective_on=TODAY()), 360)
    for index in range(4):
        opened(world, f"Young {index}", 3)
    outcomes = hub_outcomes(world.tokyo, timezone.now())
    incidence = dict((step, shares) for step, _label, shares in outcomes.incidence)
    assert incidence[4][365] == 0.5  # 1 of the 2 old ones; the 4 young are not failures
    assert outcomes.funnel.reached[4] == 1 and len(outcomes.states) == 6  # the plain count is 1 of 6
    rows = {label: row for label, row in outcomes.cohorts}
    young = next(row for label, row in rows.items() if row.size == 4)
    assert all(cell.pending for cell in young.cells)
    old = next(row for label, row in rows.items() if row.size == 2)
    assert [cell.share for cell in old.cells] == [0.0, 0.5, 0.5, 0.5]  # the PoC came 40 days after opening
    medians = {time.step: time for time in outcomes.medians}
    poc_day = StageEvent.objects.get(relationship=old_poc).effective_on
    waited = (poc_day - old_poc.opened_at.astimezone(world.tokyo.zone).date()).days  # 40, or 39 across zones
    assert medians[4].median_days == waited and medians[4].reached == 1
    met = next(conversion for conversion in outcomes.conversions if conversion.step == 1)
    assert (met.judged, met.went_on, met.too_young) == (2, 1, 4)
    poc = next(conversion for conversion in outcomes.conversions if conversion.step == 4)
    assert (poc.judged, poc.went_on) == (1, 1)  # step 3 ("NDA") was skipped: reached with the PoC


@pytest.mark.django_db
def test_amounts_are_converted_at_the_rate_of_their_date(world, tmp_path):
    relationship = opened(world, "Formosa", 200)
    rates = tmp_path / "rates.csv"
    rates.write_text("date,currency,per_usd,source\n2020-01-01,TWD,30,test\n2020-01-01,JPY,150,test\n"
                     f"{(TODAY() - dt.timedelta(days=50)).isoformat()},JPY,100,test\n", encoding="utf-8")
    call_command("exchange-rates", str(rates))
    assert ExchangeRate.objects.count() == 3
    early = record_stage(user=world.owner, relationship=relationship, stage="investment", effective_on=TODAY(),
                         amount=3_000_000, currency="TWD")
    backdate(early, 100)  # 3 m TWD = 100,000 USD = 15 m JPY at the old rate
    record_stage(user=world.owner, relationship=relationship, stage="order", effective_on=TODAY(),
                 amount=1_000, currency="USD")  # 100,000 JPY at the new rate
    report = outcomes_report(world.tokyo, TODAY())
    assert report["currency"] == "JPY"
    assert report["amounts"]["investment"]["claimed"]["converted"] == 15_000_000
    assert report["amounts"]["order"]["claimed"]["converted"] == 100_000
    # A rate in the file later for an earlier day is a correction; a later day's rate changes nothing before it.
    ExchangeRate.objects.create(currency="JPY", valid_from=TODAY() + dt.timedelta(days=1), per_usd=Decimal(1))
    assert outcomes_report(world.tokyo, TODAY())["amounts"]["investment"]["claimed"]["converted"] == 15_000_000


@pytest.mark.django_db
def test_a_bad_rates_file_loads_nothing_and_names_row_and_field(world, tmp_path):
    rates = tmp_path / "rates.csv"
    rates.write_text("date,currency,per_usd\n2026-01-01,JPY,150\n2026-13-01,JPY,150\n2026-01-01,EUR,1\n"
                     "2026-01-01,TWD,-3\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("exchange-rates", str(rates))
    message = str(error.value)
    assert "row 3, date" in message and "row 4, currency" in message and "row 5, per_usd" in message
    assert not ExchangeRate.objects.exists()
    rates.write_text("day,currency\n", encoding="utf-8")
    with pytest.raises(CommandError, match="lacks date, per_usd"):
        call_command("exchange-rates", str(rates))


@pytest.mark.django_db
def test_the_workbook_and_pdf_of_a_past_date_regenerate_identically(world):
    from openpyxl import load_workbook

    relationship = opened(world, "Formosa", 30)
    backdate(record_stage(user=world.owner, relationship=relationship, stage="nda", effective_on=TODAY()), 10)
    as_of = TODAY() - dt.timedelta(days=2)
    before = outcomes_xlsx(world.tokyo, as_of, "ja"), outcomes_pdf(world.tokyo, as_of, "zh-hant")
    record_stage(user=world.owner, relationship=relationship, stage="order", effective_on=TODAY(), amount=5,
                 currency="JPY")
    opened(world, "Newcomer", 0)
    after = outcomes_xlsx(world.tokyo, as_of, "ja"), outcomes_pdf(world.tokyo, as_of, "zh-hant")
    assert before == after
    today = outcomes_xlsx(world.tokyo, TODAY(), "ja")
    assert today != after[0]
    sheet = load_workbook(io.BytesIO(today)).worksheets[1]
    assert sheet.max_row == 2 + 2  # title, header and both relationships


@pytest.mark.django_db
def test_the_opening_window_and_programme_filters(world):
    recent, older = opened(world, "Recent", 5), opened(world, "Older", 60)
    window = PipelineFilters.from_params({"opened_from": (TODAY() - dt.timedelta(days=10)).isoformat(),
                                          "opened_to": TODAY().isoformat()}, world.tokyo)
    assert set(hub_outcomes(world.tokyo, end_of_day(world.tokyo, TODAY()), window).states) == {recent.pk}
    ignored = PipelineFilters.from_params({"opened_from": "soon", "round": "999999", "programme": "x",
                                           "countries": "TW-XX"}, world.tokyo)
    assert ignored == PipelineFilters()
    assert set(hub_outcomes(world.tokyo, end_of_day(world.tokyo, TODAY()), ignored).states) == {recent.pk, older.pk}
    from bridgehub.exchanges.models import Programme
    from tests.exchanges.conftest import make_round

    programme = Programme.objects.create(hub=world.tokyo, name="Monthly deep tech")
    Relationship.objects.filter(pk=older.pk).update(round=make_round(programme))
    history_changed(world.tokyo.pk)
    by_programme = PipelineFilters.from_params({"programme": str(programme.pk)}, world.tokyo)
    assert set(hub_outcomes(world.tokyo, end_of_day(world.tokyo, TODAY()), by_programme).states) == {older.pk}
    other_hub = Programme.objects.create(hub=world.taipei, name="Taipei's")
    assert PipelineFilters.from_params({"programme": str(other_hub.pk)}, world.tokyo).programme_id is None

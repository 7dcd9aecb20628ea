"""The pipeline user story in a real browser: after a Tokyo round, a Taipei founder records a PoC in
Chinese; the Japanese corporate confirms it in Japanese; the Tokyo operator sees the funnel count it as
confirmed and downloads the PDF report."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bridgehub.pipeline.domain.relationships import open_relationship
from bridgehub.pipeline.enums import Origin
from bridgehub.pipeline.models import StageConfirmation
from tests.browser.test_exchange_round import log_in
from tests.exchanges.conftest import exchange  # noqa: F401 - the fixture


@pytest.mark.django_db(transaction=True)
def test_a_poc_recorded_in_chinese_is_confirmed_in_japanese_and_counted(live_server, browser, exchange):  # noqa: F811
    world = exchange.world
    relationship, _new = open_relationship(user=world.taipei_member, hub=world.tokyo,
                                           organisation=exchange.taipei_reg.organisation,
                                           counterpart=world.organisation, origin=Origin.MEETING,
                                           round_=exchange.round, system=True)
    base = live_server.url
    founder = log_in(browser, base, "taipei-member@example.com", locale="zh-TW")
    founder.goto(f"{base}/relationships/{relationship.pk}/")
    form = founder.locator("#stage-form")
    form.locator("select[name=stage]").select_option("poc")
    form.locator("input[name=effective_on]").fill((timezone.localdate() - dt.timedelta(days=1)).isoformat())
    form.locator("button", has_text="記錄").click()
    expect(founder.locator("#current-stage")).to_have_text("PoC")
    expect(founder.locator("#history")).to_contain_text("已申報")  # claimed, until the other side confirms

    corporate = log_in(browser, base, "owner@example.com", locale="ja-JP")
    corporate.goto(f"{base}/relationships/")
    corporate.locator("#relationships a").first.click()
    corporate.locator("#history button", has_text="確認する").click()
    expect(corporate.locator("#history")).to_contain_text("相手側が確認")
    assert StageConfirmation.objects.get().side_id == world.organisation.pk

    operator = log_in(browser, base, "op-tokyo@example.com", locale="ja-JP")
    operator.goto(f"{base}/manage/tokyo/pipeline/")
    poc_row = operator.locator("#funnel-table tbody tr").nth(4)
    expect(poc_row).to_contain_text("PoC")
    expect(poc_row.locator("td").nth(1)).to_have_text("1")
    expect(poc_row.locator("td").nth(2)).to_have_text("1")  # confirmed
    with operator.expect_download() as download:
        operator.locator("a", has_text="レポート（PDF）").click()
    path = download.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert download.value.suggested_filename.startswith("tokyo-outcomes-")

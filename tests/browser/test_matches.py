"""The matching user story in a real browser: a Taiwanese founder (Chinese interface) finds the
Japanese fund with reasons in Chinese, asks for an introduction; the fund (Japanese interface) sees
and accepts it; the founder dismisses a corporate as not relevant, with a reason."""

import pytest
from playwright.sync_api import expect

from bridgehub.matchmaking.models import Introduction, MatchFeedback
from tests.browser.test_exchange_round import log_in
from tests.matchmaking.market import market  # noqa: F401 - the fixture


@pytest.mark.django_db(transaction=True)
def test_founder_finds_the_fund_asks_for_an_introduction_and_the_fund_accepts(live_server, browser, market):  # noqa: F811
    base = live_server.url
    founder = log_in(browser, base, "startup@example.com", locale="zh-TW")
    founder.goto(f"{base}/matches/")
    fund_card = founder.locator(f'article[data-target="{market.profiles["fund"].pk}"]')
    expect(fund_card).to_contain_text("Fund")
    expect(fund_card.locator(".reasons")).to_contain_text("先進封裝")
    expect(fund_card.locator(".pair")).to_be_visible()
    expect(founder.locator("body")).not_to_contain_text("Biofund")
    fund_card.locator("summary", has_text="請求引薦").click()
    fund_card.locator("textarea[name=note]").fill("想在十二月的東京交流會見面")
    fund_card.locator("button", has_text="送出").click()
    expect(founder.locator(".messages")).to_contain_text("已請求引薦")
    assert Introduction.objects.get().note == "想在十二月的東京交流會見面"

    investor = log_in(browser, base, "fund@example.com", locale="ja-JP")
    investor.goto(f"{base}/matches/")
    intro = investor.locator("[data-introduction]")
    expect(intro).to_contain_text("Startup")
    expect(intro).to_contain_text("十二月")
    intro.locator("input[name=contact]").fill("deals@fund.example")
    intro.locator("button[name=accept]").click()
    expect(investor.locator(".messages")).to_contain_text("承諾しました")
    assert (Introduction.objects.get().status, Introduction.objects.get().shared_contact) == (
        "accepted", "deals@fund.example")

    founder.goto(f"{base}/matches/?profile={market.profiles['startup'].pk}&kind=corporate")
    card = founder.locator(f'article[data-target="{market.profiles["corporate"].pk}"]')
    card.locator("summary", has_text="不相關").click()
    card.locator("select[name=reason]").select_option("geography")
    card.locator("button", has_text="隱藏").click()
    expect(founder.locator("#recommendations")).to_contain_text("已隱藏 1 則")
    assert MatchFeedback.objects.get(signal="not_relevant").reason == "geography"

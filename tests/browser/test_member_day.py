"""The member's day on a phone (390 px) and a laptop (1280 px), in Japanese and Traditional Chinese:
the agenda as cards in the reader's own time, matches to act on, the inbox with its unread count, and an
edit whose error sits in a hidden language tab. No page scrolls sideways; controls are finger-sized."""

import datetime as dt
import re

import pytest
from django.db import transaction
from playwright.sync_api import expect

from bridgehub.exchanges.domain import participation
from bridgehub.exchanges.domain import scheduling as scheduling_domain
from bridgehub.exchanges.models import Programme, Round
from bridgehub.matchmaking.domain.intros import request_introduction
from tests.browser.test_exchange_round import log_in
from tests.conftest import run_queued_tasks
from tests.factories.core import HubMembershipFactory, UserFactory
from tests.matchmaking.market import market  # noqa: F401 - the fixture

WIDTHS = [390, 1280]
LANGUAGES = [("ja-JP", "ja"), ("zh-TW", "zh-hant")]
TOKYO_START = dt.datetime(2027, 3, 4, 1, 0, tzinfo=dt.UTC)  # 10:00 in Tokyo, 09:00 in Taipei

TEXT = {
    "ja": {"agenda": "アジェンダ", "inbox": "受信箱", "asks": "紹介を依頼しています", "problems": "直すべき問題",
           "saved": "保存と紹介"},
    "zh-hant": {"agenda": "行程", "inbox": "收件匣", "asks": "請求引薦給", "problems": "個問題需要修正",
                "saved": "已收藏與引薦"},
}


@pytest.fixture
def day(market):  # noqa: F811
    """A published March round where the Taiwanese start-up meets the Japanese fund, who has also been
    asked for an introduction. The fund's inbox holds four unread entries: the meeting request, the
    agreement, the published agenda and the introduction."""
    startup_user, fund_user = market.users["startup"], market.users["fund"]
    startup_user.time_zone, fund_user.time_zone = "Asia/Taipei", "Asia/Tokyo"
    startup_user.save()
    fund_user.save()
    operator = HubMembershipFactory(hub=market.world.tokyo, user=UserFactory(email="op@example.com")).user
    programme = Programme.objects.create(hub=market.world.tokyo, name="Monthly", name_ja="月例交流会",
                                         name_zh_hant="每月交流會")
    round_ = Round.objects.create(programme=programme, title="March round", title_ja="3月ラウンド",
                                  title_zh_hant="三月場次", starts_at=TOKYO_START, time_zone="Asia/Tokyo",
                                  venue="Otemachi", slot_minutes=30, slot_count=4, tables=2, status="open")
    with transaction.atomic():
        startup = participation.register(user=startup_user, round_=round_, organisation_id=market.orgs["startup"].pk,
                                         languages=["zh", "en"], available_slots=[0, 1, 2, 3], max_meetings=None)
        fund = participation.register(user=fund_user, round_=round_, organisation_id=market.orgs["fund"].pk,
                                      languages=["ja", "en"], available_slots=[0], max_meetings=None)
        participation.respond(user=fund_user, accept=True, request=participation.send_request(
            user=startup_user, sender=startup, recipient=fund))
        run = scheduling_domain.run_scheduler(user=operator, round_=round_, time_limit=2)
        scheduling_domain.publish(user=operator, run=run)
        request_introduction(user=startup_user, reader=market.profiles["startup"], target=market.profiles["fund"],
                             hub=market.world.tokyo, note="三月在大手町見面後，想進一步討論。")
    run_queued_tasks(only="agenda_mail_task")  # the worker sends the published agendas (and their inbox entries)
    return round_


def no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport, f"{page.url} is {width} px wide in a {viewport} px window"


def small_controls(page) -> list[str]:
    """Visible buttons and navigation links shorter than 44 px (what a finger needs)."""
    return page.evaluate("""() => Array.from(document.querySelectorAll(
        'main button, main .button, .mainnav a, .account a, .account button, main summary, main select'))
        .filter(el => el.offsetParent !== null)
        .map(el => [el.getBoundingClientRect().height, (el.textContent || el.name || '').trim().slice(0, 30)])
        .filter(([height]) => height < 44).map(([h, text]) => `${text} (${Math.round(h)} px)`)""")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("locale", "language"), LANGUAGES)
def test_the_members_day_at_phone_and_laptop_width(live_server, browser, day, market, width,  # noqa: F811
                                                   locale, language):
    base = live_server.url
    text = TEXT[language]
    # The fund (Tokyo) reads its day: the next meeting, the inbox, the agenda as cards in Tokyo time.
    fund = log_in(browser, base, "fund@example.com", locale=locale)
    fund.set_viewport_size({"width": width, "height": 900})
    fund.goto(f"{base}/dashboard/")
    expect(fund.locator("#next-meeting")).to_contain_text("10:00")
    expect(fund.locator("#next-meeting")).to_contain_text("Startup")
    expect(fund.locator(".mainnav .count")).to_have_text("4")
    no_sideways_scroll(fund)

    fund.locator(".mainnav a[href='/inbox/']").click()
    expect(fund.locator(".inbox-entry.unread")).to_have_count(4)
    entry = fund.locator(".inbox-entry.unread", has_text=text["asks"])
    expect(entry).to_contain_text("三月在大手町見面後")
    no_sideways_scroll(fund)
    entry.locator("button.entry-link").click()
    expect(fund.locator("#introductions")).to_be_visible()
    expect(fund.locator(".mainnav .count")).to_have_text("3")
    no_sideways_scroll(fund)

    fund.goto(f"{base}/rounds/{day.pk}/")
    card = fund.locator("#agenda .meeting-card")
    expect(card).to_have_count(1)
    expect(card.locator(".local-time")).to_have_text("10:00–10:30")
    expect(card.locator(".who")).to_contain_text("Startup")
    expect(fund.locator("h1")).to_have_text("3月ラウンド" if language == "ja" else "三月場次")
    no_sideways_scroll(fund)
    if width == 390:
        box_width = card.bounding_box()["width"]
        assert box_width <= 390 - 16  # one card across the phone, not a squeezed table
        assert small_controls(fund) == []

    # The start-up (Taipei) sees the same meeting at 09:00 its time, with the round's 10:00 beside it.
    startup = log_in(browser, base, "startup@example.com", locale=locale)
    startup.set_viewport_size({"width": width, "height": 900})
    startup.goto(f"{base}/rounds/{day.pk}/")
    expect(startup.locator("#agenda .local-time")).to_have_text("09:00–09:30")
    expect(startup.locator("#agenda .round-time")).to_contain_text("10:00")
    startup.goto(f"{base}/matches/")
    expect(startup.locator("article.match").first).to_be_visible()
    no_sideways_scroll(startup)
    startup.locator("#kinds a", has_text=text["saved"]).click()
    expect(startup.locator("#sent article.match")).to_contain_text("Fund")
    no_sideways_scroll(startup)
    if width == 390:
        assert small_controls(startup) == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("locale", "language"), LANGUAGES)
def test_an_error_in_a_hidden_tab_is_shown_and_its_tab_opened(live_server, browser, market, width,  # noqa: F811
                                                              locale, language):
    base = live_server.url
    text = TEXT[language]
    page = log_in(browser, base, "startup@example.com", locale=locale)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{base}/o/startup/edit/")
    page.locator("#tab-button-ja").click()
    # Japanese IME composition can run past maxlength in Chromium; the server is the judge either way.
    page.locator("#id_text-ja-tagline").evaluate("input => input.removeAttribute('maxlength')")
    page.fill("#id_text-ja-tagline", "先端パッケージング" * 30)
    page.locator("#tab-button-zh-Hant").click()  # the error will sit in a tab that is not the open one
    expect(page.locator("#id_text-ja-tagline")).to_be_hidden()
    page.locator("form.stacked button[type=submit].primary").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(text["problems"])
    expect(summary).to_be_focused()
    expect(page.locator("#tab-button-ja")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#tab-button-ja")).to_have_class(re.compile(r"\bhas-error\b"))
    expect(page.locator("#id_text-ja-tagline")).to_be_visible()
    # The summary's link leads to the field, opening its tab if another was chosen meanwhile.
    page.locator("#tab-button-en").click()
    summary.locator("a").first.click()
    expect(page.locator("#id_text-ja-tagline")).to_be_focused()
    # Tabs are real tabs: the arrow keys move between them.
    page.locator("#tab-button-ja").press("ArrowRight")
    expect(page.locator("#tab-button-en")).to_be_focused()
    no_sideways_scroll(page)

"""The trust user story in a real browser: an unverified "Sequoia Capital Partners Asia" on a
free-mail address asks a Taipei founder for a due-diligence fee in Chinese; the founder sees a
caution with the reason and reports it; the Tokyo operator, reading Japanese, finds it in the review
queue and suspends the sender, who can then no longer write to anyone in the hub."""

import pytest
from playwright.sync_api import expect

from bridgehub.exchanges.domain import participation
from bridgehub.trust.models import Case, Restriction, TrustSettings
from tests.browser.test_exchange_round import log_in
from tests.exchanges.conftest import exchange  # noqa: F401 - the fixture
from tests.trust.conftest import FEE_NOTE_ZH, scam  # noqa: F401 - the fixture


@pytest.mark.django_db(transaction=True)
def test_founder_reports_a_fee_request_and_the_operator_suspends_the_sender(live_server, browser, exchange, scam):  # noqa: F811
    TrustSettings.objects.create(hub=exchange.world.tokyo, hold_at=None)  # this hub cautions, never holds
    request = participation.send_request(user=scam.user, sender=scam.registration, recipient=exchange.taipei_reg,
                                         note=FEE_NOTE_ZH)
    base = live_server.url

    founder = log_in(browser, base, "taipei-member@example.com", locale="zh-TW")
    founder.goto(f"{base}/rounds/{exchange.round.pk}/")
    card = founder.locator(f'[data-request="{request.pk}"]')
    expect(card).to_contain_text("盡職調查費用")
    caution = card.locator(".caution")
    expect(caution).to_contain_text("先付費")  # the upfront-fee reason, in Chinese
    expect(caution).to_contain_text("自稱知名機構")  # an unverified sender naming a well-known fund
    expect(card.locator(".trust-badges")).to_contain_text("未驗證")
    card.locator("summary", has_text="檢舉").click()
    card.locator("input[value=asked_for_fee]").check()
    card.locator("textarea[name=comment]").fill("要我先付 3,000 美元")
    card.locator("button", has_text="送出檢舉").click()
    expect(founder.locator(".messages")).to_contain_text("謝謝您")
    report = Case.objects.get(kind="report")
    assert (report.reporter, report.subject_user) == (exchange.world.taipei_member, scam.user)

    operator = log_in(browser, base, "op-tokyo@example.com", locale="ja-JP")
    operator.goto(f"{base}/manage/tokyo/trust/")
    row = operator.locator(f'[data-case="{report.pk}"]')
    expect(row).to_contain_text("Sequoia Capital Partners Asia")
    expect(row).to_contain_text("メンバーからの通報")
    row.locator("a").first.click()
    expect(operator.locator("blockquote.evidence")).to_contain_text("盡職調查費用")
    expect(operator.locator("body")).to_contain_text("要我先付 3,000 美元")
    operator.locator("input[value=suspend]").check()
    operator.locator("#case-note").fill("創業者に前払いの手数料を求めたため")
    operator.locator("button", has_text="実行").click()
    expect(operator.locator(".messages")).to_contain_text("完了しました")
    measure = Restriction.objects.get()
    assert (measure.user, measure.kind, measure.ends_at) == (scam.user, "suspended", None)
    with pytest.raises(participation.ExchangeError):
        participation.send_request(user=scam.user, sender=scam.registration, recipient=exchange.owner_reg,
                                   note="hello")

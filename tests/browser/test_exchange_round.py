"""The exchange round's user story in a real browser: create → register → request → accept → schedule →
publish → each side sees the meeting in their own time → the calendar file carries the right TZID."""

from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from bridgehub.accounts.models import User
from bridgehub.exchanges.models import Meeting
from tests.exchanges.conftest import ROUND_START
from tests.factories.core import (
    TEST_PASSWORD,
    HubFactory,
    HubMembershipFactory,
    OrganisationFactory,
    OrganisationHubFactory,
    OrganisationMembershipFactory,
    UserFactory,
)


def log_in(browser, base, email, locale="en-US", **context_options):
    """A browser in `locale`, logged in as `email`, whose account reads that locale's language (as if
    they had signed up from this browser: after login the account's language is the one that counts)."""
    language = {"en": "en", "ja": "ja", "zh": "zh-hant"}[locale.split("-")[0]]
    User.objects.filter(email=email).update(language=language)
    context = browser.new_context(locale=locale, accept_downloads=True, **context_options)
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("form button[type=submit]")
    return page


def member(email, name, zone, hub):
    user = UserFactory(email=email, time_zone=zone)
    organisation = OrganisationFactory(name=name)
    OrganisationHubFactory(organisation=organisation, hub=hub)
    OrganisationMembershipFactory(organisation=organisation, user=user)
    return user, organisation


def register_first_slot_only(page, base, round_id, languages):
    page.goto(f"{base}/rounds/{round_id}/")
    for box in page.locator("input[name=available_slots]").all()[1:]:
        box.uncheck()
    for code in languages:
        page.check(f"input[name=languages][value={code}]")
    page.click("button[name=register]")
    expect(page.locator("#agenda")).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_round_from_creation_to_calendars_in_two_time_zones(live_server, browser):
    base = live_server.url
    tokyo = HubFactory(slug="tokyo", name_en="Tokyo Hub", time_zone="Asia/Tokyo")
    HubMembershipFactory(hub=tokyo, user=UserFactory(email="op@tokyo.example"))
    member("tokyo@example.com", "Otemachi Robotics", "Asia/Tokyo", tokyo)
    member("taipei@example.com", "Hsinchu Sensors", "Asia/Taipei", tokyo)

    # The operator creates a programme and a round (time read in the round's zone), then opens it.
    operator = log_in(browser, base, "op@tokyo.example")
    operator.goto(f"{base}/manage/tokyo/rounds/")
    operator.fill("#id_name", "Tokyo deep-tech monthly")
    operator.click("button[name=programme]")
    operator.fill("#id_title", "December round")
    operator.fill("#id_starts_at", f"{ROUND_START:%Y-%m-%d}T10:00")
    operator.select_option("#id_time_zone", "Asia/Tokyo")
    operator.fill("#id_slot_minutes", "30")
    operator.fill("#id_slot_count", "4")
    operator.fill("#id_tables", "2")
    operator.click("button[name=round]")
    operator.click("button[value=open]")
    expect(operator.locator(".meta")).to_contain_text("Open for registration")
    round_id = operator.url.rstrip("/").split("/")[-1]

    # Members from Tokyo and Taipei register; the Tokyo member asks, the Taipei member accepts.
    tokyo_page = log_in(browser, base, "tokyo@example.com", "ja-JP")
    register_first_slot_only(tokyo_page, base, round_id, ["ja", "en"])
    taipei_page = log_in(browser, base, "taipei@example.com", "zh-TW")
    register_first_slot_only(taipei_page, base, round_id, ["zh", "en"])
    tokyo_page.reload()
    card = tokyo_page.locator("#suggestions .card", has_text="Hsinchu Sensors")
    card.locator("textarea").fill("Sensor PoC in our factory?")
    card.locator("button").click()
    taipei_page.reload()
    incoming = taipei_page.locator("#incoming .request", has_text="Otemachi Robotics")
    expect(incoming).to_contain_text("Sensor PoC in our factory?")
    incoming.locator("button[name=accept]").click()

    # The operator schedules (preview), then publishes.
    operator.reload()
    operator.click("button[value=schedule]")
    expect(operator.locator("#scheduling-job")).to_contain_text("optimiser")  # queued: the page polls
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)  # the worker solves
    expect(operator.locator(".preview-meetings")).to_have_text("1 / 1")  # the poll saw it end and reloaded
    operator.click("button[value=publish]")
    expect(operator.locator("#schedule")).to_contain_text("Published")
    assert Meeting.objects.count() == 1

    # Same meeting: 10:00 in Tokyo, 09:00 in Taipei.
    tokyo_page.reload()
    expect(tokyo_page.locator("#agenda .local-time")).to_have_text("10:00–10:30")
    taipei_page.reload()
    expect(taipei_page.locator("#agenda .local-time")).to_have_text("09:00–09:30")
    expect(taipei_page.locator("#agenda .round-time")).to_contain_text("10:00 東京")
    expect(taipei_page.locator("#agenda .round-time [title]")).to_have_attribute("title", "Asia/Tokyo")

    # The Taipei member's calendar file says so in its own zone.
    with taipei_page.expect_download() as download:
        taipei_page.click("#agenda a[href$='.ics']")
    content = Path(download.value.path()).read_text(encoding="utf-8")
    assert f"DTSTART;TZID=Asia/Taipei:{ROUND_START:%Y%m%d}T090000" in content
    assert "TZID:Asia/Taipei" in content and "Hsinchu Sensors" not in content.split("SUMMARY")[1].split("\n")[0]

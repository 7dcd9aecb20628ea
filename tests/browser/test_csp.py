"""Under the Content-Security-Policy the pages still work in a real browser, and none is refused."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_journey import log_in
from tests.factories.core import (
    TEST_PASSWORD,
    HubFactory,
    OrganisationFactory,
    OrganisationHubFactory,
    OrganisationMembershipFactory,
    ProfileTextFactory,
    UserFactory,
)


@pytest.mark.django_db(transaction=True)
def test_pages_run_their_scripts_with_no_policy_violation(live_server, page):
    hub = HubFactory(slug="tokyo")
    owner = UserFactory(email="owner@example.com", display_name="Owner")
    organisation = OrganisationFactory(slug="chips", name="Chips KK")
    ProfileTextFactory(organisation=organisation, language="en", summary="We design chips.")
    OrganisationHubFactory(organisation=organisation, hub=hub)
    OrganisationMembershipFactory(organisation=organisation, user=owner)
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
            else None)
    base = live_server.url
    log_in(page, base, "owner@example.com", TEST_PASSWORD)

    page.goto(f"{base}/o/chips/edit/")  # tabs are driven by app.js
    page.click("#tab-button-ja")
    expect(page.locator("#tab-ja")).to_be_visible()
    expect(page.locator("#tab-en")).to_be_hidden()
    assert page.get_attribute("#tab-button-ja", "aria-selected") == "true"
    page.keyboard.press("ArrowRight")
    assert page.get_attribute("#tab-button-en", "aria-selected") == "true"

    page.goto(f"{base}/directory/")  # htmx swaps the results in
    page.select_option("select[name=kind]", "startup")
    expect(page.locator("#results")).to_contain_text("Chips KK")
    page.select_option("#language-select", "ja")  # the language menu submits itself
    expect(page.locator("h1")).to_have_text("ディレクトリ")

    page.goto(f"{base}/api/v1/docs")  # the vendored Swagger UI renders
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("bridgehub API")
    assert refused == []

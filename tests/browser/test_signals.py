"""A member's signals in a real browser: a story's "wrong?" button (one form a story, each button posting
to its own link's address) hides the story from the reader's feed and records the report."""

import pytest
from playwright.sync_api import expect

from bridgehub.directory.models import Organisation, Sector
from bridgehub.signals.domain.ingest import ingest
from bridgehub.signals.models import LinkReport
from tests.browser.test_exchange_round import log_in
from tests.factories.core import OrganisationFactory, OrganisationHubFactory
from tests.signals.conftest import raw


@pytest.mark.django_db(transaction=True)
def test_a_member_marks_a_link_wrong_and_the_story_leaves_their_feed(live_server, browser, world):
    partner = OrganisationFactory(slug="partner", name="Kumamoto Robotics")
    OrganisationHubFactory(organisation=partner, hub=world.tokyo)
    Organisation.objects.get(pk=world.organisation.pk).sectors.set([Sector.objects.get(code="robotics")])
    ingest(hub=world.tokyo, source=None, raw_items=[
        raw("Secret Chips opens an office in Taipei", "https://n.example/own"),
        raw("Secret Chips and Kumamoto Robotics win an order from Toyota", "https://n.example/both", days=1)])
    page = log_in(browser, live_server.url, "owner@example.com")
    page.goto(f"{live_server.url}/signals/")
    both = page.locator("article.signal", has_text="win an order from Toyota")
    expect(both.locator(".links a")).to_have_text(["Secret Chips", "Kumamoto Robotics"])
    own = page.locator("article.signal", has_text="opens an office in Taipei")
    own.get_by_title("This story is not about Secret Chips").click()
    expect(page.locator("body")).to_contain_text("the link is hidden from your feed")
    expect(page.locator("article.signal", has_text="opens an office in Taipei")).to_have_count(0)
    report = LinkReport.objects.get()
    assert (report.user.email, report.link.item.url, report.link.organisation_id) == (
        "owner@example.com", "https://n.example/own", world.organisation.pk)
    # The other story's link to the same organisation is still shown: a report is about one story.
    expect(page.locator("article.signal", has_text="win an order from Toyota").locator(".links a")).to_have_text(
        ["Secret Chips", "Kumamoto Robotics"])

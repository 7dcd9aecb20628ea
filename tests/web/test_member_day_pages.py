"""Forms that never hide an error, amounts as people type them, one time zone chosen from a list, the
app shell a phone needs, operators' decisions with reasons, and matches one acts on."""

import json

import pytest
from django.core.exceptions import ValidationError

from bridgehub.common.money import AmountField, parse_amount
from bridgehub.directory.domain.organisations import decide_application
from bridgehub.directory.models import Organisation, OrganisationHub
from bridgehub.matchmaking.models import Introduction, MatchFeedback, MatchProfile
from tests.conftest import client_for
from tests.factories.core import OrganisationFactory
from tests.web.test_flows import organisation_form


@pytest.mark.django_db
def test_an_error_in_a_hidden_language_tab_is_summarised_and_its_tab_opens(world):
    client = client_for(world.owner)
    data = organisation_form(name="Secret Chips", registry_number="", original_language="en", **{
        "text-en-tagline": "Chips for edge AI", "text-en-summary": "We design chips.",
        "text-ja-tagline": "エッジ" * 80, "text-ja-summary": "チップを設計しています。",
        "items-TOTAL_FORMS": "0", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000"})
    page = client.post("/o/secret-chips/edit/", data, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    summary = page.split('data-error-summary>')[1].split("</div>")[0]
    assert "There is 1 problem to fix before saving." in summary
    assert 'href="#id_text-ja-tagline"' in summary and "<strong>Tagline (日本語)</strong>" in summary
    # The Japanese tab is the open one and says it holds the error; the others are hidden.
    ja_tab = page.split('id="tab-button-ja"')[0].rsplit("<button", 1)[1]
    assert 'aria-selected="true"' in ja_tab and "has-error" in ja_tab
    assert 'class="tabpanel" id="tab-ja"' in page and 'class="tabpanel hidden" id="tab-en"' in page
    assert Organisation.objects.get(slug="secret-chips").texts.get().tagline == "Chips for edge AI"


@pytest.mark.parametrize(("typed", "amount"), [
    ("7,680,000", 7_680_000), ("7 680 000", 7_680_000), ("７，６８０，０００", 7_680_000), ("7680000", 7_680_000),
    ("1,000.00", 1000)])
def test_amounts_are_read_with_their_separators(typed, amount):
    assert parse_amount(typed) == amount
    assert AmountField(required=False).clean(typed) == amount


@pytest.mark.parametrize("typed", ["768万", "7.68M", "-5", "12,5x"])
def test_amounts_in_words_or_units_are_refused_not_guessed(typed):
    with pytest.raises(ValidationError, match="Write the amount in digits"):
        AmountField(required=False).clean(typed)


@pytest.mark.django_db
def test_a_saved_amount_is_shown_whole_with_separators(world):
    client = client_for(world.owner)
    data = organisation_form(name="Secret Chips", registry_number="", original_language="en", **{
        "text-en-tagline": "Chips", "text-en-summary": "We design chips.", "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0", "items-MAX_NUM_FORMS": "1000",
        "items-0-direction": "ask", "items-0-kind": "funding", "items-0-amount_min": "7,680,000",
        "items-0-currency": "TWD", "items-0-visibility": "public"})
    assert client.post("/o/secret-chips/edit/", data).status_code == 302
    assert Organisation.objects.get(slug="secret-chips").asks_offers.get().amount_min == 7_680_000
    page = client.get("/o/secret-chips/edit/").content.decode()
    assert 'value="7,680,000"' in page and 'inputmode="numeric"' in page


@pytest.mark.django_db
def test_the_time_zone_is_chosen_from_readable_names_and_saved_once(world):
    world.owner.language = "ja"
    world.owner.save(update_fields=["language"])
    client = client_for(world.owner)
    page = client.get("/me/settings/").content.decode()
    assert '<option value="Asia/Taipei">台北 (UTC+8)</option>' in page
    assert 'data-suggest-zone="offer"' in page
    client.post("/me/settings/", {"display_name": "Aya", "time_zone": "Asia/Taipei"})
    world.owner.refresh_from_db()
    assert world.owner.time_zone == "Asia/Taipei"
    refused = client.post("/me/settings/", {"display_name": "Aya", "time_zone": "Mars/Olympus"})
    assert refused.status_code == 200 and "data-error-summary" in refused.content.decode()


@pytest.mark.django_db
def test_the_manifest_and_icons_let_a_phone_keep_the_site(world):
    response = client_for(None).get("/manifest.webmanifest", HTTP_ACCEPT_LANGUAGE="zh-hant")
    manifest = json.loads(response.content)
    assert response["Content-Type"] == "application/manifest+json"
    assert (manifest["start_url"], manifest["display"], manifest["lang"]) == ("/dashboard/", "standalone", "zh-hant")
    assert manifest["name"] == "bridgehub：跨境新創交流平台"
    assert sorted(icon["sizes"] for icon in manifest["icons"]) == ["192x192", "512x512", "any"]
    page = client_for(None).get("/directory/").content.decode()
    assert 'rel="manifest"' in page and 'rel="icon"' in page and 'rel="apple-touch-icon"' in page
    assert client_for(None).get("/favicon.ico")["Location"].endswith("favicon-32.png")


@pytest.mark.django_db
def test_a_rejection_says_why_to_the_organisations_admins(world, django_capture_on_commit_callbacks):
    applicant = OrganisationFactory(slug="applicant", name="Applicant KK")
    link = OrganisationHub.objects.create(organisation=applicant, hub=world.tokyo)
    with pytest.raises(ValidationError, match="Say why"):
        decide_application(user=world.tokyo_operator, link=link, approve=False, reason="  ")
    client = client_for(world.tokyo_operator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/manage/tokyo/applications/{link.pk}/", {"decision": "reject",
                                                               "reason": "Not a start-up: a consultancy."})
    link.refresh_from_db()
    assert (link.status, link.decision_reason) == ("rejected", "Not a start-up: a consultancy.")
    page = client.get("/manage/tokyo/").content.decode()
    assert "Not a start-up: a consultancy." in page and 'aria-current="page"' in page


@pytest.mark.django_db
def test_saved_matches_and_introductions_are_kept_with_their_answer(world):
    def profile(organisation, kind):
        return MatchProfile.objects.update_or_create(organisation=organisation,
                                                     defaults={"kind": kind, "status": "ready"})[0]

    reader = profile(world.organisation, "startup")
    fund = profile(OrganisationFactory(name="Harbour Fund", kind="investor"), "investor")
    lab = profile(OrganisationFactory(name="Lab Corp", kind="corporate"), "corporate")
    MatchFeedback.objects.create(reader=reader, target=lab, signal="saved", user=world.owner)
    Introduction.objects.create(hub=world.tokyo, requester=reader, recipient=fund, requested_by=world.owner,
                                status="accepted", shared_contact="deals@harbour.example")
    page = client_for(world.owner).get(f"/matches/?profile={reader.pk}&view=saved").content.decode()
    section = page.split('id="sent"')[1]
    assert section.index("Harbour Fund") < section.index("Lab Corp")
    assert "Introduction accepted" in section and "deals@harbour.example" in section
    assert "Request an introduction" not in section

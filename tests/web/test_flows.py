"""Member and operator journeys through the pages (server side)."""

import io

import pytest
from django.test import Client
from openpyxl import Workbook

from bridgehub.directory.models import ImportBatch, Organisation, OrganisationHub
from tests.conftest import client_for, run_queued_tasks


def organisation_form(**changes):
    data = {"name": "株式会社朝凪ロボティクス", "name_reading": "Asanagi Robotics", "kind": "startup",
            "country": "JP", "registry_number": "5835678256246", "stage": "seed", "original_language": "ja",
            "sectors": [], "hubs": [],
            "text-ja-tagline": "介護ロボット", "text-ja-summary": "介護施設向けの移乗支援ロボットを開発しています。",
            "text-ja-member_details": "", "text-en-tagline": "", "text-en-summary": "", "text-en-member_details": "",
            "text-zh-Hant-tagline": "", "text-zh-Hant-summary": "", "text-zh-Hant-member_details": ""}
    data.update(changes)
    return data


@pytest.mark.django_db
def test_create_organisation_in_japanese_and_apply_to_a_hub(world):
    from bridgehub.directory.models import Sector

    client = client_for(world.tokyo_member)
    robotics = Sector.objects.get(code="robotics").pk
    response = client.post("/o/new/", organisation_form(sectors=[robotics], hubs=[world.tokyo.pk]))
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="株式会社朝凪ロボティクス")
    assert list(organisation.texts.values_list("language", "tagline")) == [("ja", "介護ロボット")]
    assert list(organisation.hub_links.values_list("hub__slug", "status")) == [("tokyo", "pending")]
    assert organisation.memberships.get().user == world.tokyo_member
    # The operator approves; then the public finds it by its sector in Chinese.
    link = organisation.hub_links.get()
    client_for(world.tokyo_operator).post(f"/manage/tokyo/applications/{link.pk}/", {"decision": "approve"})
    page = Client().get("/directory/?q=機器人", HTTP_ACCEPT_LANGUAGE="zh-hant").content.decode()
    assert "株式会社朝凪ロボティクス" in page


@pytest.mark.django_db
def test_create_refuses_a_profile_with_no_text_and_writes_nothing(world):
    client = client_for(world.tokyo_member)
    response = client.post("/o/new/", organisation_form(**{"text-ja-tagline": "", "text-ja-summary": "",
                                                          "hubs": [world.tokyo.pk]}))
    assert response.status_code == 200
    assert "Write the profile in at least one language." in response.content.decode()
    assert not Organisation.objects.filter(name="株式会社朝凪ロボティクス").exists()


@pytest.mark.django_db
def test_create_reports_an_invalid_registry_number_on_its_field(world):
    client = client_for(world.tokyo_member)
    response = client.post("/o/new/", organisation_form(registry_number="1234567890123", hubs=[world.tokyo.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "A Japanese 法人番号 has 13 digits and a valid check digit." in html
    assert not Organisation.objects.filter(name="株式会社朝凪ロボティクス").exists()


@pytest.mark.django_db
def test_edit_adds_a_second_language_and_structured_asks(world):
    client = client_for(world.owner)
    data = organisation_form(name="Secret Chips", kind="startup", country="JP", registry_number="",
                             original_language="en", **{
                                 "text-en-tagline": "Chips for edge AI", "text-en-summary": "We design chips.",
                                 "text-ja-tagline": "エッジAI向けチップ", "text-ja-summary": "チップを設計しています。",
                                 "items-TOTAL_FORMS": "1", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0",
                                 "items-MAX_NUM_FORMS": "1000", "items-0-direction": "ask", "items-0-kind": "funding",
                                 "items-0-amount_min": "100000000", "items-0-amount_max": "300000000",
                                 "items-0-currency": "JPY", "items-0-visibility": "public"})
    response = client.post("/o/secret-chips/edit/", data)
    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="secret-chips")
    assert sorted(organisation.texts.values_list("language", flat=True)) == ["en", "ja"]
    assert list(organisation.asks_offers.values_list("kind", "amount_min", "amount_max", "currency")) == [
        ("funding", 100000000, 300000000, "JPY")]


@pytest.mark.django_db
def test_edit_rejects_an_amount_without_currency_and_keeps_the_old_data(world):
    client = client_for(world.owner)
    data = organisation_form(name="Changed", kind="startup", country="JP", registry_number="", **{
        "text-en-summary": "x", "items-TOTAL_FORMS": "1", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000", "items-0-direction": "ask", "items-0-kind": "funding",
        "items-0-amount_min": "5", "items-0-visibility": "public"})
    response = client.post("/o/secret-chips/edit/", data)
    assert response.status_code == 200
    assert "Give the currency of the amount." in response.content.decode()
    assert Organisation.objects.get(slug="secret-chips").name == "Secret Chips"


def xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_operator_imports_through_the_back_office(world, django_capture_on_commit_callbacks):
    client = client_for(world.tokyo_operator)
    content = xlsx([["name", "kind", "country", "registry_number"], ["Good KK", "corporate", "JP", ""],
                    ["Bad", "startup", "TW", "123"]])
    upload = io.BytesIO(content)
    upload.name = "members.xlsx"
    response = client.post("/manage/tokyo/imports/", {"kind": "organisations", "file": upload})
    batch = ImportBatch.objects.get()
    assert response["Location"] == f"/manage/tokyo/imports/{batch.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "2 rows: 1 good, 1 with errors." in page
    client.post(f"/manage/tokyo/imports/{batch.pk}/", {"action": "commit"})
    assert not Organisation.objects.filter(name="Good KK").exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/manage/tokyo/imports/{batch.pk}/", {"action": "commit_good"})
    run_queued_tasks(only="commit_import_task")  # the worker writes the rows
    assert OrganisationHub.objects.get(organisation__name="Good KK").status == "approved"


@pytest.mark.django_db
def test_api_token_page_shows_the_token_once(world):
    client = client_for(world.owner)
    page = client.post("/me/tokens/", {"name": "CRM sync"}).content.decode()
    token = page.split('<code id="new-token">')[1].split("</code>")[0]
    assert token.startswith("bh_")
    assert token not in client.get("/me/tokens/").content.decode()
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.get("/api/v1/organisations/secret-chips").json()["texts"][0]["member_details"] is not None


@pytest.mark.django_db
def test_own_person_profile_with_bios_in_two_languages(world):
    client = client_for(world.owner)
    response = client.post("/me/profile/", {"name": "林怡君", "name_reading": "Lin Yi-Chun", "title": "CEO",
                                            "languages": ["zh-Hant", "ja"], "original_language": "zh-Hant",
                                            "profile_visibility": "public", "contact_visibility": "members",
                                            "bio-zh-Hant": "半導體設備創業者。", "bio-ja": "半導体装置の起業家です。",
                                            "bio-en": ""})
    assert response.status_code == 302
    page = Client().get(response["Location"], HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "半導体装置の起業家です。" in page and "半導體設備創業者。" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "expected"), [("owner", 200), ("tokyo_member", 404), ("tokyo_operator", 404),
                                               ("taipei_operator", 404)])
def test_team_page_is_for_organisation_admins(world, who, expected):
    assert client_for(getattr(world, who)).get("/o/secret-chips/team/").status_code == expected


@pytest.mark.django_db
def test_approval_emails_the_organisation_admins_after_commit(world, django_capture_on_commit_callbacks):
    from django.conf import settings as django_settings
    from django.core import mail

    from bridgehub.directory.models import OrganisationHub

    world.owner.language = "ja"  # the admin reads Japanese; the operator who decides reads English
    world.owner.save(update_fields=["language"])
    link = OrganisationHub.objects.create(organisation=world.organisation, hub=world.taipei, status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world.taipei_operator).post(f"/manage/taipei/applications/{link.pk}/", {"decision": "approve"})
    assert [message.to for message in mail.outbox] == [["owner@example.com"]]
    message = mail.outbox[0]
    assert "Secret Chips" in message.body and "taipei ハブ" in message.body and "taipei ハブ" in message.subject
    assert "approved" not in message.body and "樞紐" not in message.body  # one language: the reader's
    assert f"{django_settings.SITE_URL}/o/secret-chips/" in message.body  # an absolute link to act on


@pytest.mark.django_db
def test_people_search_folds_cjk_variants(world):
    from tests.factories.core import PersonFactory

    PersonFactory(name="林台湾", name_reading="Lin Taiwan")
    PersonFactory(name="Someone Else")
    page = Client().get("/people/?q=臺灣").content.decode()
    assert "林台湾" in page and "Someone Else" not in page

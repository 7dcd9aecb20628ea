import pytest

from bridgehub.directory.domain.search import DirectoryFilters, refresh_search_fields, search_directory
from bridgehub.directory.models import Sector
from tests.factories.core import (
    AskOfferFactory,
    HubFactory,
    OrganisationFactory,
    OrganisationHubFactory,
    ProfileTextFactory,
)


def make(slug, *, language="en", summary="", sectors=(), hub=None, status="approved", member_details="", **fields):
    organisation = OrganisationFactory(slug=slug, name=fields.pop("name", slug), original_language=language, **fields)
    ProfileTextFactory(organisation=organisation, language=language, tagline="", summary=summary,
                       member_details=member_details)
    organisation.sectors.set(Sector.objects.filter(code__in=sectors))
    OrganisationHubFactory(organisation=organisation, hub=hub or HubFactory(slug="tokyo"), status=status)
    refresh_search_fields(organisation)
    return organisation


def search(user=None, **filters):
    from django.contrib.auth.models import AnonymousUser

    from bridgehub.directory.models import Organisation

    ids = search_directory(user or AnonymousUser(), DirectoryFilters(**filters)).ids
    return sorted(Organisation.objects.filter(pk__in=ids).values_list("slug", flat=True))


@pytest.fixture
def directory(db):
    make("shiomi", language="ja", name="株式会社汐見プロセス", sectors=["semiconductors_equipment"],
         summary="熊本発、枚葉式メガソニック洗浄装置を開発しています。", stage="series_b")
    make("chengxi", language="zh-Hant", name="澄析光學", country="TW", sectors=["advanced_packaging"],
         summary="我們開發晶圓缺陷檢測模組。", stage="series_a")
    make("tactile", language="en", name="Tactile Robotics", country="US", sectors=["robotics"],
         summary="We make grippers for AI-driven robot arms.", stage="seed",
         member_details="secret revenue 半導體 numbers")
    make("rural-mobility", language="ja", name="里山モビリティ", sectors=["mobility_ev"],
         summary="AIで配車する地方の乗合交通です。", stage="seed")


@pytest.mark.django_db
def test_traditional_chinese_query_finds_japanese_profile_through_its_sector_tag(directory):
    # 半導體 is not in any text; the Japanese profile is tagged with a semiconductor sector.
    assert search(query="半導體") == ["chengxi", "shiomi"]


@pytest.mark.django_db
def test_japanese_and_english_spellings_of_the_same_tag_find_the_same_rows(directory):
    assert search(query="半導体") == search(query="半導體") == search(query="Semiconductor")


@pytest.mark.django_db
def test_two_character_latin_query_matches_inside_cjk_text(directory):
    assert search(query="AI") == ["rural-mobility", "tactile"]


@pytest.mark.django_db
def test_three_character_chinese_query_matches_sector_label(directory):
    assert search(query="機器人") == ["tactile"]
    assert search(query="机器人") == ["tactile"]  # Simplified input folds to the same


@pytest.mark.django_db
def test_every_word_must_match(directory):
    assert search(query="AI 機器人") == ["tactile"]
    assert search(query="AI 半導體") == []


@pytest.mark.django_db
def test_member_only_details_are_not_searchable(directory):
    assert search(query="secret revenue") == []


@pytest.mark.django_db
def test_parent_sector_filter_includes_children(directory):
    assert search(sector="semiconductors") == ["chengxi", "shiomi"]
    assert search(sector="advanced_packaging") == ["chengxi"]


@pytest.mark.django_db
def test_kind_stage_country_filters(directory):
    assert search(stage="seed") == ["rural-mobility", "tactile"]
    assert search(country="TW") == ["chengxi"]
    assert search(kind="investor") == []


@pytest.mark.django_db
def test_hub_filter_uses_approved_links_only(db):
    taipei = HubFactory(slug="taipei")
    make("approved", hub=taipei)
    make("pending", hub=taipei, status="pending")
    assert search(hub="taipei") == ["approved"]


@pytest.mark.django_db
def test_ask_and_offer_filters_use_public_items_only(directory):
    from bridgehub.directory.models import Organisation

    AskOfferFactory(organisation=Organisation.objects.get(slug="shiomi"), direction="ask", kind="funding")
    AskOfferFactory(organisation=Organisation.objects.get(slug="tactile"), direction="ask", kind="funding",
                    visibility="members")
    AskOfferFactory(organisation=Organisation.objects.get(slug="chengxi"), direction="offer", kind="funding")
    assert search(ask="funding") == ["shiomi"]
    assert search(offer="funding") == ["chengxi"]


@pytest.mark.django_db
def test_pending_organisations_are_hidden_from_anonymous_readers(db):
    make("visible")
    make("waiting", status="pending")
    assert search() == ["visible"]


@pytest.mark.django_db
def test_results_are_in_name_order_and_follow_changes_immediately(directory):
    from django.contrib.auth.models import AnonymousUser

    from bridgehub.directory.models import Organisation

    ids = search_directory(AnonymousUser(), DirectoryFilters(query="AI")).ids
    assert [Organisation.objects.get(pk=pk).slug for pk in ids] == ["tactile", "rural-mobility"]
    # A change made through the admin (no domain function) is seen by the next search.
    text = Organisation.objects.get(slug="shiomi").texts.get()
    text.summary = "AI で洗浄条件を最適化します。"
    text.save()
    assert search(query="AI") == ["rural-mobility", "shiomi", "tactile"]


@pytest.mark.django_db
def test_owner_and_reviewing_operator_find_a_pending_organisation(db):
    from tests.factories.core import HubMembershipFactory, OrganisationMembershipFactory, UserFactory

    waiting = make("waiting", status="pending", summary="pending robot")
    owner = OrganisationMembershipFactory(organisation=waiting).user
    operator = HubMembershipFactory(hub=waiting.hub_links.get().hub, user=UserFactory()).user
    assert (search(query="pending"), search(owner, query="pending"), search(operator, query="pending")) == (
        [], ["waiting"], ["waiting"])


@pytest.mark.django_db
def test_remembered_result_pages_are_rebuilt_when_a_label_changes(directory):
    from django.test import Client

    from bridgehub.directory.models import Sector

    client = Client()
    assert "機器人" in client.get("/directory/?q=Tactile", HTTP_ACCEPT_LANGUAGE="zh-hant").content.decode()
    robotics = Sector.objects.get(code="robotics")
    robotics.label_zh_hant = "機器人技術"
    robotics.save()  # nothing but the save's signal tells the remembered pages
    assert "機器人技術" in client.get("/directory/?q=Tactile", HTTP_ACCEPT_LANGUAGE="zh-hant").content.decode()


@pytest.mark.django_db
def test_search_is_the_same_without_the_memo(directory, settings):
    remembered = search(query="AI"), search(sector="semiconductors")
    settings.LISTING_MEMO_SIZE = 0
    assert (search(query="AI"), search(sector="semiconductors")) == remembered

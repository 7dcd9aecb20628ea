"""Items land linked, classified and merged; uploads land whole or not at all."""

import pytest

from bridgehub.signals.domain.ingest import ingest
from bridgehub.signals.domain.uploads import UploadError, upload_items
from bridgehub.signals.models import Alias, Item, ItemCopy, ItemLink, Source
from tests.factories.core import OrganisationFactory, OrganisationHubFactory
from tests.signals.conftest import raw

RELEASE = ("Secret Chips raises a Series B to build wafer inspection tools",
           "Secret Chips, the Tokyo maker of wafer inspection equipment, raised 3 billion yen in a Series B round "
           "led by Neighbour KK.")


@pytest.mark.django_db
def test_an_item_is_linked_classified_and_copies_merge(world):
    result = ingest(hub=world.tokyo, source=None, raw_items=[
        raw(RELEASE[0], "https://news.example.org/a", body=RELEASE[1], outlet="Example News"),
        raw(RELEASE[0] + " (update)", "https://other.example.com/b", body=RELEASE[1]),
        raw("Taipei Org opens a lab", "https://news.example.org/c"),  # Taipei Org is not in Tokyo's directory
    ])
    assert (result.added, result.copies, result.already_known) == (2, 1, 0)
    item = Item.objects.get(url="https://news.example.org/a")
    assert item.event_type == "funding" and item.evidence == RELEASE[0]
    assert item.language == "en"
    assert sorted(ItemLink.objects.filter(item=item).values_list("organisation__slug", "mention")) == [
        ("neighbour", "Neighbour KK"), ("secret-chips", "Secret Chips")]
    assert sorted(item.sectors.values_list("code", flat=True)) == ["semiconductors", "semiconductors_equipment"]
    assert list(item.copies.values_list("outlet", flat=True)) == ["Example News", "other.example.com"]
    assert not ItemLink.objects.filter(item__url="https://news.example.org/c").exists()
    again = ingest(hub=world.tokyo, source=None, raw_items=[raw(RELEASE[0], "https://news.example.org/a")])
    assert (again.added, again.copies, again.already_known) == (0, 0, 1)


@pytest.mark.django_db
def test_a_translation_of_a_story_is_one_more_copy_and_another_story_is_not(world):
    result = ingest(hub=world.tokyo, source=None, raw_items=[
        raw("Secret Chips opens a plant in Kumamoto", "https://en.example/1",
            body="The wafer inspection maker will employ 120 people at the new plant from next spring."),
        raw("Secret Chips在熊本設立新工廠", "https://zh.example/1", days=1,
            body="這家晶圓檢測設備製造商明年春天起將在新工廠僱用120名員工。"),
        raw("Secret Chips names a new chief financial officer", "https://en.example/2", days=1,
            body="The former banker joins the board and will lead the company's listing preparations."),
    ])
    assert (result.added, result.copies) == (2, 1)
    merged = Item.objects.get(url="https://en.example/1")
    assert sorted(merged.copies.values_list("language", flat=True)) == ["en", "zh-Hant"]


@pytest.mark.django_db
def test_stories_from_one_template_about_two_organisations_stay_two(world):
    body = "The start-up, a maker of wafer inspection equipment, will use the round to scale production in Kumamoto."
    result = ingest(hub=world.tokyo, source=None, raw_items=[
        raw("Secret Chips raises $5M Series A", "https://wire.example/1", body=body),
        raw("Neighbour KK raises $5M Series A", "https://wire.example/2", body=body)])
    assert (result.added, result.copies) == (2, 0)


@pytest.mark.django_db
def test_a_follow_up_is_linked_not_merged(world):
    ingest(hub=world.tokyo, source=None, raw_items=[
        raw("Secret Chips to acquire a Kyushu wafer equipment maker", "https://news.example.org/1")])
    ingest(hub=world.tokyo, source=None, raw_items=[
        raw("Secret Chips completes acquisition; regulators approve the merger", "https://news.example.org/2",
            days=20)])
    first, later = Item.objects.get(url__endswith="/1"), Item.objects.get(url__endswith="/2")
    assert later.follow_up_of == first
    assert Item.objects.count() == 2


@pytest.mark.django_db
def test_operators_aliases_link_other_names(world):
    OrganisationHubFactory(organisation=OrganisationFactory(slug="tsmc", name="台灣積體電路製造股份有限公司"),
                           hub=world.tokyo)
    Alias.objects.create(hub=world.tokyo, organisation_id=OrganisationFactory._meta.model.objects.get(slug="tsmc").pk,
                         name="TSMC")
    ingest(hub=world.tokyo, source=None, raw_items=[
        raw("TSMC opens a second fab in Kumamoto", "https://news.example.org/tsmc"),
        raw("台灣積體電路製造宣布擴產", "https://news.example.org/tsmc-zh"),  # legal form in the directory only
    ])
    assert sorted(ItemLink.objects.values_list("item__url", "organisation__slug")) == [
        ("https://news.example.org/tsmc", "tsmc"), ("https://news.example.org/tsmc-zh", "tsmc")]


CSV_GOOD = ("title,url,published,text,outlet\n"
            "Secret Chips wins an order from a carmaker,https://news.example.org/o,2026-11-03,,Nikkan\n"
            "ロボット新会社が資金調達,https://news.example.org/j,2026-11-04T10:00:00+09:00,,\n")


@pytest.mark.django_db
def test_an_upload_lands_whole(world):
    result = upload_items(user=world.tokyo_operator, hub=world.tokyo, name="news.csv",
                          content=("\ufeff" + CSV_GOOD).encode())
    assert result.added == 2
    source = Source.objects.get(hub=world.tokyo, kind="upload")
    assert source.items_added == 2
    assert Item.objects.get(url__endswith="/j").language == "ja"
    assert Item.objects.get(url__endswith="/o").event_type == "contract"


@pytest.mark.django_db
def test_a_bad_upload_names_every_row_and_field_and_adds_nothing(world):
    bad = CSV_GOOD + ",ftp://x,2026-13-01,,\n"
    with pytest.raises(UploadError) as raised:
        upload_items(user=world.tokyo_operator, hub=world.tokyo, name="news.csv", content=bad.encode())
    assert raised.value.problems == [
        "row 4, title: missing", "row 4, url: not a web address",
        "row 4, published: not a date (YYYY-MM-DD or an ISO date-time)"]
    with pytest.raises(UploadError) as raised:
        upload_items(user=world.tokyo_operator, hub=world.tokyo, name="news.json", content=b'{"title": 1}')
    assert raised.value.problems == ["The JSON file must hold a list of items."]
    with pytest.raises(UploadError) as raised:
        upload_items(user=world.tokyo_operator, hub=world.tokyo, name="news.csv", content=b"title,link\nx,y\n")
    assert raised.value.problems == ["The header row lacks: published, url."]
    assert (Item.objects.count(), ItemCopy.objects.count(), Source.objects.count()) == (0, 0, 0)


ITRI = ("工業技術研究院與東京機器人公司合作", "工業技術研究院今天宣布與東京一家機器人公司合作開發照護機器人。",
        "Industrial Technology Research Institute partners with Tokyo robot maker",
        "The Industrial Technology Research Institute announced today a partnership with a Tokyo robotics company "
        "to develop care robots.")


@pytest.mark.django_db
@pytest.mark.parametrize("english_first", [False, True])
def test_a_translation_naming_an_organisation_listed_in_the_other_script_only_joins_its_story(world, english_first):
    itri = OrganisationFactory(slug="itri", name="工業技術研究院")  # no Latin name in the directory
    OrganisationHubFactory(organisation=itri, hub=world.tokyo)
    chinese = raw(ITRI[0], "https://zh.example/itri", body=ITRI[1])
    english = raw(ITRI[2], "https://en.example/itri", body=ITRI[3], days=1)
    first, second = (english, chinese) if english_first else (chinese, english)
    ingest(hub=world.tokyo, source=None, raw_items=[first])
    result = ingest(hub=world.tokyo, source=None, raw_items=[second])
    assert (result.added, result.copies) == (0, 1)
    story = Item.objects.get()
    assert story.url == first.url
    assert sorted(story.copies.values_list("language", flat=True)) == ["en", "zh-Hant"]
    # The story names ITRI whichever side came first (the Chinese side's mention is the one recorded).
    assert list(ItemLink.objects.filter(item=story).values_list("organisation__slug", "mention")) == [
        ("itri", "工業技術研究院")]


@pytest.mark.django_db
def test_a_translation_that_shows_no_name_for_the_organisation_stays_its_own_story(world):
    tsmc = OrganisationFactory(slug="tsmc-zh", name="台積電")
    OrganisationHubFactory(organisation=tsmc, hub=world.tokyo)
    result = ingest(hub=world.tokyo, source=None, raw_items=[
        raw("台積電熊本新廠開始量產", "https://zh.example/tsmc", body="台積電在熊本的新工廠今天開始量產。"),
        raw("Kumamoto plant starts mass production", "https://en.example/tsmc", days=1,
            body="The Taiwanese chipmaker's new plant in Kumamoto began mass production today, Nikkei Asia reported."),
    ])
    # The encoder reads them as one story, but "Nikkei Asia" is not a name for 台積電: the English item
    # cannot be shown as naming it, so the two stay apart (as any two stories naming different organisations).
    assert (result.added, result.copies) == (2, 0)
    assert not ItemLink.objects.filter(item__url="https://en.example/tsmc").exists()


@pytest.mark.django_db
def test_a_latin_form_the_original_gives_in_brackets_lets_its_translation_join(world):
    # Listed in Simplified characters, which the encoder puts 0.82 from "SPIEGEL": below CARRY_THRESHOLD.
    spiegel = OrganisationFactory(slug="spiegel", name="明镜周刊")
    OrganisationHubFactory(organisation=spiegel, hub=world.tokyo)
    result = ingest(hub=world.tokyo, source=None, raw_items=[
        raw("調查員：飛機是刻意迫降", "https://zh.example/spiegel",
            body="加拿大調查員拉里萬斯告訴《明鏡周刊》（SPIEGEL），他確信其中一名駕駛員刻意讓飛機在海上迫降。"),
        raw("Investigator: the plane was ditched on purpose", "https://en.example/spiegel", days=1,
            body="Canadian investigator Larry Vance told SPIEGEL that he is convinced one of the pilots "
                 "deliberately ditched the plane at sea."),
    ])
    assert (result.added, result.copies) == (1, 1)
    assert list(ItemLink.objects.values_list("organisation__slug", flat=True)) == ["spiegel"]

"""One concept, one result: a query in Chinese (Traditional or Simplified), Japanese or English that
names a sector finds the same organisations, whatever language their profiles are written in; the most
relevant come first."""

import pytest
from django.contrib.auth.models import AnonymousUser

from bridgehub.directory.domain.concepts import alternatives
from bridgehub.directory.domain.search import DirectoryFilters, query_words, search_directory
from bridgehub.directory.models import Organisation
from tests.directory.test_search import make
from tests.factories.core import HubFactory


def found(query: str) -> list[str]:
    ids = search_directory(AnonymousUser(), DirectoryFilters(query=query)).ids
    slugs = dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "slug"))
    return [slugs[pk] for pk in ids]


@pytest.fixture
def robots(db):
    """Robot companies described in three languages, none tagged with the robotics sector, plus one
    whose name says it and one company that only mentions "fabless" (not the concept "fab")."""
    hub = HubFactory(slug="tokyo")
    make("zh-arm", language="zh-Hant", name="鴻準自動", hub=hub, summary="我們製造協作機器人與夾爪，服務電子組裝廠。")
    make("ja-picking", language="ja", name="ピッキング工房", hub=hub,
         summary="物流倉庫向けのロボットを開発しています。")
    make("en-cobot", language="en", name="Northfield Systems", hub=hub,
         summary="We build a cobot for food packing lines.")
    make("en-named", language="en", name="Robotic Hands Inc", hub=hub, summary="Grippers and end effectors.")
    make("fabless", language="en", name="Quill Silicon", hub=hub, summary="A fabless analog IC company.")
    make("bank", language="en", name="Harbour Bank", hub=hub, summary="Corporate banking for exporters.")


@pytest.mark.parametrize("query", ["robot", "robots", "ロボット", "機器人", "机器人", "Robotics"])
def test_the_same_concept_finds_the_same_organisations_in_every_language(robots, query):
    assert sorted(found(query)) == ["en-cobot", "en-named", "ja-picking", "zh-arm"]


def test_a_name_hit_ranks_before_a_mention_in_the_text(robots):
    assert found("robotic")[0] == "en-named"


def test_words_that_name_no_sector_are_searched_as_written(robots):
    assert alternatives("harbour") == ("harbour",)
    assert found("harbour") == ["bank"]
    # The concept's short forms match whole words only: the semiconductor-equipment concept ("fab")
    # does not pull in a fabless designer through its word "fab".
    assert "fab" in alternatives("wafer") and found("wafer") == []


def test_every_word_of_a_query_still_has_to_match(robots):
    assert found("ロボット 倉庫") == ["ja-picking"]
    assert query_words("機器人　夾爪") == ["機器人", "夾爪"]
    assert found("機器人　夾爪") == ["zh-arm"]

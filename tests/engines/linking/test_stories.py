"""Copies of a story merge, other stories do not; events, sectors and language are read from the text."""

import pytest

from bridgehub.engines.linking.events import read_event
from bridgehub.engines.linking.language import detect_language
from bridgehub.engines.linking.sectors import read_sectors
from bridgehub.engines.linking.stories import StoryFacts, StoryIndex, is_follow_up, signature, similarity

RELEASE = "台積電宣布在熊本設立第二座晶圓廠，預計2027年底量產，投資金額約200億美元。"


def test_a_rewritten_copy_is_found_and_another_story_is_not():
    index = StoryIndex([("tsmc", signature(RELEASE)), ("sony", signature("Sony unveils a new image sensor."))])
    simplified_copy = "台积电宣布在熊本设立第二座晶圆厂，预计2027年底量产，投资金额约200亿美元"
    assert index.copy_of(signature(simplified_copy)) == "tsmc"
    assert index.copy_of(signature("鴻海與軟銀合作在日本建設AI伺服器工廠，明年開始出貨。")) is None
    assert similarity(signature(RELEASE), signature(RELEASE + "（中央社）")) > 0.8


def test_a_follow_up_shares_organisations_and_event_within_weeks():
    announced = StoryFacts(frozenset({"7"}), "acquisition", day=100)
    assert is_follow_up(StoryFacts(frozenset({"7", "9"}), "acquisition", day=130), announced)
    assert not is_follow_up(StoryFacts(frozenset({"7"}), "funding", day=130), announced)
    assert not is_follow_up(StoryFacts(frozenset({"8"}), "acquisition", day=130), announced)
    assert not is_follow_up(StoryFacts(frozenset({"7"}), "acquisition", day=200), announced)


@pytest.mark.parametrize(("title", "event_type"), [
    ("Acme Robotics raises $20M Series B led by Foo Ventures", "funding"),
    ("エイシング、シリーズBで10億円を資金調達", "funding"),
    ("聯發科收購英國晶片設計公司", "acquisition"),
    ("ソニー、車載向け新型イメージセンサーを発売", "product_launch"),
    ("台積電宣布在熊本設立第二座晶圓廠", "facility"),
    ("Tokyo Metropolitan Government opens applications for its 2027 accelerator programme", "programme_call"),
    ("A quiet day at the office", ""),
    # English in other tenses and forms than the headline cues first written.
    ("Kyoto robotics start-up secures $12M to scale its care robots", "funding"),
    ("Hsinchu chip designer launched a 3nm AI accelerator on Tuesday", "product_launch"),
    ("Osaka sensor maker unveiled its first lidar for delivery robots", "product_launch"),
    ("Taiwanese server maker is acquiring a Japanese cooling specialist", "acquisition"),
    ("Fukuoka start-up partnered with a Kyushu utility on battery storage", "partnership"),
    ("Memory maker expanded its Hiroshima plant", "facility"),
    ("Founder stepped down as chief executive after the audit", "executive_change"),
    ("Drone maker went public on the Tokyo Stock Exchange's Growth market", "ipo_exit"),
    ("Inspection start-up secures an order from a Kumamoto chipmaker", "contract"),
    ("A new programming language for robots, explained", ""),
    ("University granted a patent on a wafer cleaning method", ""),
])
def test_event_type_is_read_with_its_evidence(title, event_type):
    reading = read_event(title, "Details follow.")
    assert reading.event_type == event_type
    assert reading.evidence == (title if event_type else "")


def test_sectors_come_from_the_matching_lexicon():
    assert read_sectors(RELEASE) == ["semiconductors_equipment"]
    assert read_sectors("A quiet day at the office") == []


@pytest.mark.parametrize(("text", "language"), [
    ("台積電宣布擴產", "zh-Hant"), ("台积电宣布扩产", "zh-Hans"), ("ソニーが発売した", "ja"), ("Sony launches", "en"),
    ("昱豐數位與碧テクノロジーズ簽署合作備忘錄", "zh-Hant"),  # a Japanese name inside Chinese prose
    ("トヨタ、新工場建設", "ja"),  # a Japanese headline without hiragana
])
def test_language_by_script(text, language):
    assert detect_language(text) == language

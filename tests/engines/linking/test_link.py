"""The linker finds directory organisations however the news writes them, and only where they stand alone."""

import json

import pytest

from bridgehub.engines.linking.batch import LinkFileError, link_files
from bridgehub.engines.linking.fold import fold, folded_text
from bridgehub.engines.linking.link import Entry, Linker
from bridgehub.engines.linking.names import name_keys, strip_legal_forms

DIRECTORY = [
    Entry("tokyu", ("株式会社東京横浜電鉄",)),
    Entry("kcr", ("九鉄公司",)),  # shinjitai in the directory, Traditional in the news
    Entry("guards", ("近卫师团",)),  # Simplified in the directory
    Entry("cuhk", ("中文大学",)),
    Entry("timbers", ("ポートランドティンバーズ",)),
    Entry("groove", ("グルーブ",)),
    Entry("centre", ("情報センタ",)),
    Entry("wizz", ("ウイズエアー",)),
    Entry("bbc", ("ＢＢＣ",)),
    Entry("un", ("UN",)),
    Entry("toyota", ("トヨタ株式会社",)),
    Entry("toei", ("東映",)),
    Entry("toei-studio", ("東映東京撮影所",)),
    Entry("embassy", ("The British Embassy",)),
    Entry("pg", ("Procter and Gamble Co.",)),
    Entry("un-zh", ("联合国",)),
    Entry("allies-ja", ("连合国",)),  # folds like 联合国 (聯 and 連 are one class); told apart by the text
    Entry("league", ("亜冠連賽",)),
    Entry("only-form", ("公司",)),  # a legal form alone names nothing
]


@pytest.fixture(scope="module")
def linker():
    return Linker(DIRECTORY)


@pytest.mark.parametrize(("text", "expected"), [
    ("こうして東京横浜電鉄が生まれた。", {"tokyu"}),  # legal form in the directory only
    ("兩鐵合併後，九鐵公司將其物業發展權轉讓。", {"kcr"}),  # 鉄 / 鐵
    ("畑中等人也試圖做近衛師團的工作。", {"guards"}),  # 衛 → 衞 under jp2t, 卫 in Simplified: one class
    ("中文大學中文系部分學者也會客串演出。", {"cuhk"}),
    ("ポートランド・ティンバーズに移籍した。", {"timbers"}),  # the middle dot
    ("グルーヴが結成された。", {"groove"}),  # ヴ as ブ
    ("情報センターに勤務。", {"centre"}),  # the final long vowel
    ("ウィズエアーの航空機を整備する。", {"wizz"}),  # small kana written big
    ("BBC reported it.", {"bbc"}),  # full width in the directory
    ("The UN said so, under pressure.", {"un"}),  # not inside "under"
    ("トヨタカップで優勝した。", set()),  # a katakana name inside a longer katakana word
    ("トヨタの新車。", {"toyota"}),
    ("東映東京撮影所で撮影された。", {"toei-studio"}),  # the longer name wins
    ("東映配給の映画。", {"toei"}),
    ("A note from the British Embassy.", {"embassy"}),  # "The" in the directory only
    ("Procter & Gamble grew.", {"pg"}),  # & / and, legal form
    ("聯合國回顧國家計劃。", {"un-zh"}),  # 聯 is closer to 联 than to 连
    ("亞冠聯賽的席位。", {"league"}),
    ("該公司宣布。", set()),
    ("2001年にBBCプロムスに出演。", set()),  # Latin letters running on into katakana: another name
])
def test_links_names_however_written_and_only_where_they_stand_alone(linker, text, expected):
    assert linker.link(text) == expected


def test_a_latin_name_written_in_lower_case_is_a_word_not_the_company():
    companies = Linker([Entry("line", ("LINE Corporation",)), Entry("freee", ("freee株式会社",))])
    assert companies.link("LINE opens an office in Taipei") == {"line"}
    assert companies.link("The production line in Kumamoto") == set()
    assert companies.link("Accounting start-up freee raised funds") == {"freee"}  # its own name is lower case


def test_a_name_several_organisations_share_links_none_of_them():
    shared = Linker([Entry("f1", ("竹科創新創投", "Zhuke Ventures")), Entry("f2", ("竹科成長創投", "Zhuke Ventures"))])
    assert shared.link("Zhuke Ventures raises a new fund") == set()
    assert shared.link("竹科成長創投宣布成立新基金") == {"f2"}


def test_a_mention_points_back_to_the_original_text(linker):
    text = "ＮＥＷＳ：ポートランド・ティンバーズが勝利"
    (mention,) = linker.mentions(text)
    assert text[mention.start:mention.end] == "ポートランド・ティンバーズ"
    assert mention.ids == frozenset({"timbers"})


def test_folding_keeps_an_origin_for_every_character():
    folded = fold("Ｕ.Ｓ. & ヴァイオリン")
    assert folded.text == "usandバイオリン"
    assert len(folded.origins) == len(folded.text)
    assert folded_text("臺灣") == folded_text("台湾")


def test_legal_forms_go_only_at_either_end():
    assert strip_legal_forms("株式会社東京横浜電鉄") == "東京横浜電鉄"
    assert strip_legal_forms("Adidas AG") == "Adidas"
    assert strip_legal_forms("The Walt Disney Co., Ltd.") == "Walt Disney"
    assert strip_legal_forms("日本公司研究会") == "日本公司研究会"
    assert name_keys("（株）") == set()


def _write(path, rows):
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def test_link_files_writes_one_line_per_item(tmp_path):
    _write(tmp_path / "directory.jsonl", [{"id": "o1", "names": ["株式会社東京横浜電鉄"], "lang": "ja"},
                                          {"id": "o2", "names": ["波音有限公司"], "lang": "zh-Hant"}])
    _write(tmp_path / "items.jsonl", [{"id": "n1", "lang": "ja", "text": "東京横浜電鉄が生まれた。"},
                                      {"id": "n2", "lang": "zh-Hant", "text": "沒有任何機構。"}])
    counts = link_files(tmp_path / "directory.jsonl", tmp_path / "items.jsonl", tmp_path / "links.jsonl")
    assert counts == {"organisations": 2, "items": 2, "links": 1, "carried_from_translations": 0}
    lines = [json.loads(line) for line in (tmp_path / "links.jsonl").read_text(encoding="utf-8").splitlines()]
    assert lines == [{"id": "n1", "orgs": ["o1"]}, {"id": "n2", "orgs": []}]


def test_link_files_names_every_bad_line_and_writes_nothing(tmp_path):
    _write(tmp_path / "directory.jsonl", [{"id": "o1", "names": []}, {"id": "o1", "names": ["A"]}])
    (tmp_path / "items.jsonl").write_text('{"id": "n1", "text": "x"}\nnot json\n{"id": "n1", "text": "y"}\n',
                                          encoding="utf-8")
    with pytest.raises(LinkFileError) as raised:
        link_files(tmp_path / "directory.jsonl", tmp_path / "items.jsonl", tmp_path / "links.jsonl")
    assert raised.value.problems == [
        "directory.jsonl line 1: names must be a non-empty list of non-empty strings",
        "items.jsonl line 2: not JSON (Expecting value)",
        "items.jsonl line 3: id 'n1' repeats an earlier line",
    ]
    assert not (tmp_path / "links.jsonl").exists()

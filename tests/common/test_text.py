from bridgehub.common.csvsafe import escape_cell
from bridgehub.common.text import fold_for_search, normalise_name, website_key


def test_fold_unifies_simplified_japanese_and_traditional_forms():
    assert fold_for_search("半导体") == "半導體"
    assert fold_for_search("半導体") == "半導體"
    assert fold_for_search("半導體") == "半導體"
    assert fold_for_search("机器人") == fold_for_search("機器人")


def test_fold_normalises_width_case_and_whitespace():
    assert fold_for_search("ＡＩ　Chips\n\tFor  EDGE") == "ai chips for edge"


def test_fold_treats_tai_variants_as_one():
    assert fold_for_search("臺灣") == fold_for_search("台湾") == "台灣"


def test_normalise_name_drops_company_forms():
    assert normalise_name("澄析光學股份有限公司") == normalise_name("澄析光學")
    assert normalise_name("株式会社汐見プロセス") == normalise_name("汐見プロセス")
    assert normalise_name("Nimbus Labs, Inc.") == "nimbuslabs"


def test_website_key_ignores_scheme_www_and_path():
    assert website_key("https://www.Example.com/about") == "example.com"
    assert website_key("example.com") == "example.com"


def test_escape_cell_neutralises_formulas_only():
    assert escape_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert escape_cell("+81 3 1234") == "'+81 3 1234"
    assert escape_cell("@SUM(A1)") == "'@SUM(A1)"
    assert escape_cell("-1") == "'-1"
    assert escape_cell("Normal text") == "Normal text"
    assert escape_cell(42) == 42

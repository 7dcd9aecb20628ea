"""`bridgehub link-news` runs the product's linker (and its translation step) over files."""

import json

import pytest
from django.core.management import CommandError, call_command

from tests.engines.linking.test_carry import ITRI_EN, ITRI_ZH


def _write(path, rows):
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def test_the_command_carries_names_to_translations_unless_told_not_to(tmp_path, capsys):
    _write(tmp_path / "directory.jsonl", [{"id": "o1", "names": ["工業技術研究院"]}])
    _write(tmp_path / "items.jsonl", [{"id": "n1", "lang": "zh-Hant", "text": ITRI_ZH},
                                      {"id": "n2", "lang": "en", "text": ITRI_EN}])
    call_command("link-news", tmp_path / "directory.jsonl", tmp_path / "items.jsonl", out=tmp_path / "a.jsonl")
    assert json.loads(capsys.readouterr().out)["carried_from_translations"] == 1
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()[1] == '{"id": "n2", "orgs": ["o1"]}'
    call_command("link-news", tmp_path / "directory.jsonl", tmp_path / "items.jsonl", out=tmp_path / "b.jsonl",
                 no_translations=True)
    assert (tmp_path / "b.jsonl").read_text(encoding="utf-8").splitlines()[1] == '{"id": "n2", "orgs": []}'


def test_a_bad_language_is_named_with_its_line(tmp_path):
    _write(tmp_path / "directory.jsonl", [{"id": "o1", "names": ["工業技術研究院"]}])
    _write(tmp_path / "items.jsonl", [{"id": "n1", "lang": "fr", "text": "Bonjour"}])
    with pytest.raises(CommandError, match="items.jsonl line 1: lang must be one of ja, zh-Hant, zh-Hans, en"):
        call_command("link-news", tmp_path / "directory.jsonl", tmp_path / "items.jsonl", out=tmp_path / "c.jsonl")
    assert not (tmp_path / "c.jsonl").exists()

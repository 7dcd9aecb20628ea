"""The token index answers exactly what testing each document with the listing's definition answers."""

from __future__ import annotations

import random

import numpy as np
import pytest

from bridgehub.common.text import searchable_words
from bridgehub.directory.domain.listing_index import _contains
from bridgehub.engines.search.token_index import TokenIndex

WORDS = ["robot", "robotics", "robots", "ai", "taiwan", "fab", "fabless", "semiconductor", "energy", "chain",
         "半導體", "半導体", "先進封裝", "機器人", "新竹", "介護", "ロボット", "介護ロボット", "蛋白質", "à", "café"]


def reference(documents: list[str], form: str, typed: bool) -> list[int]:
    return [position for position, document in enumerate(documents) if _contains(document, form, typed=typed)]


def found(index: TokenIndex, documents: list[str], form: str, typed: bool) -> list[int]:
    mask = index.matching([form], typed=typed,
                          verify=lambda form, position: _contains(documents[position], form, typed=typed))
    return np.flatnonzero(mask).tolist()


def test_latin_prefix_whole_word_and_cjk_substring():
    documents = [searchable_words(text) for text in (
        "Robotics for Taiwan fabs", "fabless AI chips", "半導體製造設備 (新竹)", "介護ロボットの開発",
        "AI-driven energy")]
    index = TokenIndex(documents)
    assert found(index, documents, "robot", typed=True) == [0]
    assert found(index, documents, "ai", typed=True) == [1, 4]  # not inside "taiwan"
    assert found(index, documents, "fab", typed=False) == []  # a concept's form is a whole word: not "fabs"
    assert found(index, documents, "fabless", typed=False) == [1]
    assert found(index, documents, "半導", typed=True) == [2]
    assert found(index, documents, "製造設備", typed=True) == [2]
    assert found(index, documents, "ロボット", typed=True) == [3]
    assert found(index, documents, "竹", typed=True) == [2]
    assert found(index, documents, "ai driven", typed=False) == [4]
    assert found(index, documents, "energy ai", typed=False) == []


@pytest.mark.parametrize("seed", range(5))
def test_random_documents_and_forms_agree_with_the_definition(seed):
    rng = random.Random(seed)
    glue = ["", " ", "・", "、", "-"]
    documents = [searchable_words("".join(rng.choice(WORDS) + rng.choice(glue) for _ in range(rng.randint(0, 12))))
                 for _ in range(300)]
    index = TokenIndex(documents)
    forms = set(WORDS)
    for word in WORDS:  # prefixes, inner pieces and single characters of every word
        forms.update({word[:cut] for cut in range(1, len(word))} | {word[1:], word[-1]})
    forms.discard("")  # query words are never empty
    forms.update(["robot ai", "半導體 新竹", "ai energy", "zzz", "半導體製造設備"])
    for form in sorted(forms):
        for typed in (True, False):
            assert found(index, documents, form, typed) == reference(documents, form, typed), (form, typed)


def test_several_forms_at_once_match_where_any_does():
    documents = [searchable_words(text) for text in ("advanced packaging lines", "chiplet 先進封裝", "packaging", "")]
    index = TokenIndex(documents)
    forms = ["advanced packaging", "先進封裝", "cowos"]
    mask = index.matching(forms, typed=False, verify=lambda form, position: _contains(documents[position], form,
                                                                                       typed=False))
    assert np.flatnonzero(mask).tolist() == [0, 1]
    with pytest.raises(ValueError, match="verify"):
        index.matching(forms, typed=False)


def test_empty_directory_and_unknown_words():
    index = TokenIndex([])
    assert found(index, [], "ai", typed=True) == []
    index = TokenIndex([" only latin words"])
    assert found(index, [" only latin words"], "半導", typed=True) == []
    assert found(index, [" only latin words"], "lat", typed=True) == [0]

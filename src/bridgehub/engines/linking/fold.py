"""Text folded so that the ways a directory and the news write one name meet, with offsets kept.

Pure Python (no Django). News and directories write the same organisation differently: full-width
letters (ＢＢＣ), Traditional, Simplified or Japanese shinjitai characters (九鐵 / 九铁 / 九鉄), katakana
spellings (グルーヴ / グルーブ, センター / センタ, ウィズ / ウイズ), punctuation (ポートランド・ティンバーズ /
ポートランドティンバーズ, U.S. / US, & / and) and case. `fold` maps a text to one spelling of all of these
and remembers, for every folded character, where in the original it came from, so that a match can be
checked against the original's word boundaries.

Character forms are folded one character at a time: every character OpenCC converts into another
(Traditional ↔ Simplified, Traditional ↔ Japanese shinjitai) falls into one class with it, and each
class is written by one of its members. Chaining conversions is not enough: shinjitai 衛 becomes the
old form 衞 under jp2t and stays so under t2s, and 聯 becomes 連 under t2jp although nothing maps 連
back. Phrase conversion would change lengths and lose the offsets, and a name is a string of
characters, not a phrase to be translated.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

# ヴ-row syllables as the バ-row, which is how registered names and older spellings write them.
_VU_SYLLABLES = {"ヴァ": "バ", "ヴィ": "ビ", "ヴェ": "ベ", "ヴォ": "ボ", "ヴュ": "ビュ", "ヴ": "ブ"}
_VU = re.compile("|".join(sorted(_VU_SYLLABLES, key=len, reverse=True)))
_SMALL_KANA = str.maketrans("ァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎ",
                            "アイウエオツヤユヨワカケあいうえおつやゆよわ")
# The long-vowel mark is written or left out at the end of loanword elements (センター / センタ).
DROPPED_MARKS = frozenset("ーｰ〜～")


@lru_cache(maxsize=2)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


_CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
_CONVERSIONS = ("t2s", "s2t", "jp2t", "t2jp")


@lru_cache(maxsize=1)
def _character_classes() -> dict[str, str]:
    """For every CJK character with variants, the member that writes its class (about 0.3 s, once)."""
    parent: dict[str, str] = {}

    def root(char: str) -> str:
        while parent.get(char, char) != char:
            parent[char] = parent.get(parent[char], parent[char])
            char = parent[char]
        return char

    converters = [opencc.OpenCC(config) for config in _CONVERSIONS]
    for low, high in _CJK_RANGES:
        for code in range(low, high):
            char = chr(code)
            for converter in converters:
                other = converter.convert(char)
                if len(other) == 1 and other != char:
                    first, second = root(char), root(other)
                    if first != second:
                        parent[max(first, second)] = min(first, second)
    return {char: root(char) for char in parent}


@lru_cache(maxsize=65536)
def fold_char(char: str, classes: bool = True) -> str:
    """One character's folded form: possibly empty (punctuation), possibly several characters (&).

    Without `classes`, a CJK character only goes through OpenCC's shinjitai → Traditional → Simplified
    chain: two names that fold alike (联合国, 连合国) are told apart by the one closer to the text.
    """
    text = unicodedata.normalize("NFKC", char).casefold()
    out = []
    for piece in text:
        if piece in DROPPED_MARKS:
            continue
        if piece == "&":
            out.append("and")
            continue
        category = unicodedata.category(piece)
        if category[0] in "PZC" or piece in "=+|~^`":
            continue
        piece = piece.translate(_SMALL_KANA)
        if "\u3400" <= piece <= "\u9fff" or "\uf900" <= piece <= "\ufaff":
            piece = (_character_classes().get(piece, piece) if classes
                     else _converter("t2s").convert(_converter("jp2t").convert(piece)))
        out.append(piece)
    return "".join(out)


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each of its characters, the index of the original character it came from."""

    text: str
    origins: tuple[int, ...]


def fold(text: str) -> Folded:
    """`text` folded (see the module docstring), each folded character mapped back to the original."""
    chars: list[str] = []
    origins: list[int] = []
    position = 0
    for vu in _VU.finditer(text):
        _fold_span(text, position, vu.start(), chars, origins)
        for piece in _VU_SYLLABLES[vu.group()]:
            chars.append(piece)
            origins.append(vu.start())
        position = vu.end()
    _fold_span(text, position, len(text), chars, origins)
    return Folded("".join(chars), tuple(origins))


def _fold_span(text: str, start: int, end: int, chars: list[str], origins: list[int]) -> None:
    for index in range(start, end):
        for piece in fold_char(text[index]):
            chars.append(piece)
            origins.append(index)


def folded_text(text: str) -> str:
    """Only the folded text (names in the directory need no offsets)."""
    return fold(text).text


def closer_fold(text: str) -> str:
    """`text` folded like `fold` but CJK characters only through OpenCC's chain (see `fold_char`)."""
    return "".join(fold_char(char, classes=False) for char in text)


def is_latin_word_char(char: str) -> bool:
    """A letter or digit that continues a Latin-script word (full-width ones included)."""
    folded = unicodedata.normalize("NFKC", char)
    return bool(folded) and folded[0].isascii() and folded[0].isalnum()


def is_katakana(char: str) -> bool:
    """Katakana (and the long-vowel mark), full or half width: a katakana word continues through it."""
    folded = unicodedata.normalize("NFKC", char)
    return bool(folded) and ("\u30a1" <= folded[0] <= "\u30fa" or folded[0] == "ー")

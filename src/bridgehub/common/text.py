"""Normalisation of multilingual text for search.

Both the indexed document and the query pass through the same fold, so a query written in
Simplified Chinese, Japanese shinjitai or Traditional Chinese finds the same rows
(半导体 / 半導体 / 半導體), and full-width Latin matches half-width (ＡＩ → ai).
"""

from __future__ import annotations

import functools
import re
import unicodedata

import opencc

_WHITESPACE = re.compile(r"\s+")
# Variants OpenCC leaves apart but readers treat as one character.
_VARIANT_FOLD = str.maketrans({"臺": "台", "裏": "裡", "綫": "線"})


@functools.cache
def _converters() -> tuple[opencc.OpenCC, opencc.OpenCC]:
    return opencc.OpenCC("s2t"), opencc.OpenCC("jp2t")


def fold_for_search(text: str) -> str:
    """NFKC, case-fold, Simplified and Japanese kanji to Traditional, collapse whitespace."""
    if not text:
        return ""
    simplified_to_traditional, japanese_to_traditional = _converters()
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = japanese_to_traditional.convert(simplified_to_traditional.convert(folded))
    folded = folded.translate(_VARIANT_FOLD)
    return _WHITESPACE.sub(" ", folded).strip()


_SCRIPT_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])(?=[a-z0-9])")
_NOT_WORD = re.compile(r"[^\w]+")


def searchable_words(text: str) -> str:
    """Folded text cut into words: at punctuation, and where Latin letters meet CJK script.

    The result starts with a space so that " " + word finds a Latin word *prefix* (robot →
    robotics, but AI not inside "taiwan"), while CJK words, which have no boundaries, are
    matched as plain substrings.
    """
    folded = _SCRIPT_BOUNDARY.sub(" ", fold_for_search(text))
    return " " + _NOT_WORD.sub(" ", folded).strip()


def is_latin_word(word: str) -> bool:
    return word.isascii()


def normalise_name(name: str) -> str:
    """Key for duplicate detection: folded, without company-form words and punctuation."""
    folded = fold_for_search(name)
    for suffix in (
        "股份有限公司", "有限公司", "株式會社", "合同會社", "inc.", "inc", "co., ltd.", "co.,ltd.",
        "ltd.", "ltd", "llc", "corp.", "corporation", "k.k.", "pte. ltd.", "pte ltd", "(股)",
    ):
        folded = folded.replace(suffix, " ")
    return re.sub(r"[\W_]+", "", folded)


def website_key(url: str) -> str:
    """Host of a website without scheme and www., for duplicate detection."""
    host = re.sub(r"^[a-z]+://", "", (url or "").strip().casefold())
    host = host.split("/", 1)[0]
    return host.removeprefix("www.")


def whole_percent(share: float) -> str:
    """A share (0.1234) as a whole percentage ("12%"), the same on pages, in exports and in reports."""
    return f"{round(100 * float(share))}%"

"""Normalisation before encoding and keyword features: one form for every way of writing a text.

NFKC folds full-width letters and digits (ＡＩ → AI, １２ → 12); OpenCC turns Simplified Chinese into
Traditional (Taiwan usage), so 半导体 and 半導體 read the same; case is folded. Long texts are cut
into overlapping windows of sentences for the encoder (multilingual-e5 reads 512 tokens at most).
"""

from __future__ import annotations

import functools
import re
import unicodedata

import opencc

SENTENCE_END = re.compile(r"(?<=[。！？!?；;\n])|(?<=\.)\s+")


@functools.cache
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def has_kana(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" for ch in text)


def has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def detect_language(text: str) -> str:
    """zh-Hant / ja / en by script: kana means Japanese, Han without kana Chinese, else English."""
    if has_kana(text):
        return "ja"
    if has_han(text):
        return "zh-Hant"
    return "en"


def normalise(text: str) -> str:
    """NFKC, Simplified → Traditional for Chinese (never for Japanese: it would change kanji), lower case."""
    folded = unicodedata.normalize("NFKC", text)
    if has_han(folded) and not has_kana(folded):
        folded = _to_traditional().convert(folded)
    return folded.casefold()


def sentences(text: str) -> list[str]:
    parts = [part.strip(" -・•*\t") for part in SENTENCE_END.split(text)]
    return [part for part in parts if len(part) > 1]


def windows(text: str, max_chars: int = 400) -> list[str]:
    """Consecutive sentences packed into windows of at most `max_chars` (one window for short texts)."""
    out: list[str] = []
    current = ""
    for sentence in sentences(text) or [text]:
        if current and len(current) + len(sentence) > max_chars:
            out.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
    if current:
        out.append(current)
    return out or [text]


def _weighted_length(text: str) -> int:
    """Length in Latin-letter equivalents: a Han, kana or hangul character says about as much as two."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


def too_short(text: str) -> bool:
    """Too little to match on: under ~60 Latin letters' worth, or one line of under ~160. Such a
    profile gets a prompt to add a description instead of matches read from a tagline."""
    body = normalise(text).strip()
    length = _weighted_length(body)
    if length < 60:
        return True
    return len(sentences(body)) < 2 and length < 160

"""The language of a news item by its script: ja, zh-Hant, zh-Hans or en.

Pure Python (no Django). Hiragana means Japanese, and so does katakana in a text without Chinese function
words (a Chinese article may write a Japanese company's name in katakana); other Han text is Chinese,
Traditional or Simplified
by which of OpenCC's two directions would change more of its characters; anything else is read as
English (the hub's third language; other Latin-script languages are rare in its feeds).
"""

from __future__ import annotations

from functools import lru_cache

import opencc

LANGUAGES = ("ja", "zh-Hant", "zh-Hans", "en")
# Characters that Chinese prose uses all the time and Japanese prose almost never writes as such.
_CHINESE_FUNCTION_WORDS = frozenset("的與与在是了將将於于和這这們们為为")


@lru_cache(maxsize=2)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def detect_language(text: str) -> str:
    """One of `LANGUAGES` for `text` (see the module docstring)."""
    hiragana = any("\u3041" <= char <= "\u309f" for char in text)
    katakana = any("\u30a1" <= char <= "\u30ff" for char in text)
    han = [char for char in text if "\u4e00" <= char <= "\u9fff"]
    if hiragana or (katakana and not _CHINESE_FUNCTION_WORDS.intersection(han)):
        return "ja"
    if not han:
        return "en"
    sample = "".join(han[:2000])
    simplified_changes = sum(a != b for a, b in zip(sample, _converter("t2s").convert(sample), strict=False))
    traditional_changes = sum(a != b for a, b in zip(sample, _converter("s2t").convert(sample), strict=False))
    return "zh-Hans" if traditional_changes > simplified_changes else "zh-Hant"

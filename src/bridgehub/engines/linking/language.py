"""The language of a news item by its script: ja, zh-Hant, zh-Hans or en.

Pure Python (no Django). Kana means Japanese; Han without kana is Chinese, Traditional or Simplified
by which of OpenCC's two directions would change more of its characters; anything else is read as
English (the hub's third language; other Latin-script languages are rare in its feeds).
"""

from __future__ import annotations

from functools import lru_cache

import opencc

LANGUAGES = ("ja", "zh-Hant", "zh-Hans", "en")


@lru_cache(maxsize=2)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def detect_language(text: str) -> str:
    """One of `LANGUAGES` for `text` (see the module docstring)."""
    kana = sum(1 for char in text if "\u3040" <= char <= "\u30ff")
    han = [char for char in text if "\u4e00" <= char <= "\u9fff"]
    if kana and kana * 10 >= len(han):
        return "ja"
    if not han:
        return "en"
    sample = "".join(han[:2000])
    simplified_changes = sum(a != b for a, b in zip(sample, _converter("t2s").convert(sample), strict=False))
    traditional_changes = sum(a != b for a, b in zip(sample, _converter("s2t").convert(sample), strict=False))
    return "zh-Hans" if traditional_changes > simplified_changes else "zh-Hant"

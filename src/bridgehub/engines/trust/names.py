"""Organisation names and web domains folded so that look-alikes collide.

Pure Python (no Django). `fold_name` reduces a name to the part a reader recognises: full-width
forms and Unicode look-alike letters (Cyrillic "е" for Latin "e") become plain Latin, Japanese
shinjitai and simplified Chinese become traditional characters (国際 and 国际 read as 國際),
legal forms (株式会社, 股份有限公司, "Inc.", "Co., Ltd.") and punctuation go. The lookalike check
and the sanctions screen both compare folded names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc
from confusable_homoglyphs import confusables

LEGAL_FORMS = re.compile(
    r"株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|\(株\)|（株）|㈱|"
    r"股份有限公司|有限責任公司|有限公司|公司|株式會社|有限會社|合同會社|"
    r"\b(incorporated|inc|corporation|corp|company|co|ltd|limited|llc|llp|lp|gmbh|pte|plc|kk|k\.k|ag|sa|bv)\b\.?",
)
PUNCTUATION = re.compile(r"[\s\-_.,;:'\"`·・()（）\[\]「」『』&＆/+]+")


@lru_cache(maxsize=4)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@lru_cache(maxsize=8192)
def _latin_skeleton(char: str) -> str:
    """The plain Latin letter a non-Latin look-alike stands for (Cyrillic а → a), else the char."""
    if char.isascii() or not char.isalpha():
        return char
    found = confusables.is_confusable(char, preferred_aliases=["latin"])
    if found:
        for glyph in found[0]["homoglyphs"]:
            if glyph["c"].isascii() and glyph["c"].isalpha():
                return str(glyph["c"])
    return char


def skeleton(text: str) -> str:
    """NFKC, look-alike letters as Latin, lower case: "Ｓеquоia" and "sequoia" become equal."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(_latin_skeleton(char) for char in text).lower()


def fold_name(name: str) -> str:
    """The comparable core of an organisation's name (see the module docstring)."""
    text = LEGAL_FORMS.sub(" ", skeleton(name))
    text = _converter("jp2t").convert(text)
    text = _converter("s2t").convert(text)
    text = LEGAL_FORMS.sub(" ", text)
    return PUNCTUATION.sub("", text)


# Second-level labels under a country code (example.co.jp, example.com.tw): the name is one further left.
_SECOND_LEVEL = frozenset({"co", "com", "or", "org", "ne", "net", "ac", "go", "gov", "edu", "ltd", "idv"})


def domain_label(domain: str) -> str:
    """The label an organisation chose in its domain: "sequoiacap" for mail.sequoiacap.com.tw."""
    parts = [part for part in skeleton(domain.strip().rstrip(".")).split(".") if part]
    if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2:
        parts = parts[:-2]
    elif len(parts) >= 2:
        parts = parts[:-1]
    return parts[-1] if parts else ""


def latin_tokens(text: str) -> tuple[str, ...]:
    """Words of a Latin-script name, sorted (family-name-first and given-name-first forms agree)."""
    folded = LEGAL_FORMS.sub(" ", skeleton(text))
    return tuple(sorted(re.findall(r"[a-z0-9]+", folded)))

"""A directory name reduced to the part the news writes: legal forms, "The" and punctuation gone, folded.

Pure Python (no Django). A directory says 株式会社東京横浜電鉄, 波音有限公司 or "The British Embassy"
where a sentence says 東京横浜電鉄, 波音, "British Embassy": the legal form is registry paperwork,
not part of the name a reader recognises, and it may stand before or after the name. Only whole
legal forms at either end go (never words such as グループ or 工業 that tell near-namesakes apart).
"""

from __future__ import annotations

import re
import unicodedata

from .fold import folded_text

_CJK_LEGAL_FORMS = (
    "株式会社", "株式會社", "有限会社", "有限會社", "合同会社", "合同會社", "合資会社", "合名会社",
    "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人", "(株)", "(有)", "㈱", "㈲",
    "股份有限公司", "有限責任公司", "有限责任公司", "有限公司", "公司", "集團", "集团",
)
_LATIN_LEGAL_FORMS = (
    "incorporated", "inc", "corporation", "corp", "company", "co", "ltd", "limited", "llc", "llp", "plc",
    "gmbh", "ag", "kg", "se", "sa", "s.a", "sas", "s.a.s", "srl", "s.r.l", "bv", "nv", "kk", "k.k", "pte", "pty",
    "oy", "oyj", "ab", "asa", "spa", "s.p.a",
)
_CJK_AT_START = re.compile("^(?:" + "|".join(re.escape(form) for form in _CJK_LEGAL_FORMS) + r")\s*")
_CJK_AT_END = re.compile(r"\s*(?:" + "|".join(re.escape(form) for form in _CJK_LEGAL_FORMS) + ")$")
_LATIN_AT_END = re.compile(r"[\s,]+(?:" + "|".join(re.escape(form) for form in _LATIN_LEGAL_FORMS) + r")\.?$",
                           re.IGNORECASE)
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)

# A folded key this short names too many things to be an alert on its own (one letter, one kanji).
MIN_KEY_LENGTH = 2


def strip_legal_forms(name: str) -> str:
    """`name` without legal forms at either end and without a leading English article."""
    text = unicodedata.normalize("NFKC", name).strip()
    while True:
        stripped = _ARTICLE.sub("", _LATIN_AT_END.sub("", _CJK_AT_END.sub("", _CJK_AT_START.sub("", text))))
        stripped = stripped.strip(" ,")
        if stripped == text or not stripped:
            return stripped
        text = stripped


def name_keys(name: str) -> set[str]:
    """The folded forms under which a sentence may write `name` (with and without its legal form)."""
    core = strip_legal_forms(name)
    if not core:  # a name that is only a legal form ("公司") names nothing in particular
        return set()
    keys = {folded_text(name), folded_text(core)}
    return {key for key in keys if len(key) >= MIN_KEY_LENGTH and not (key.isascii() and len(key) < 2)}

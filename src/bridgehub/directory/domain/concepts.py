"""Search by concept: a query word that names a sector stands for every way of saying it.

"robot", "ロボット" and "機器人" are one concept; so are "eldercare", "介護" and "長照". A word that is a
sector's label or synonym (taxonomy) or one of its specific cue words (the matching lexicon, weight 3
and up) expands to all of that sector's forms in the three languages, so the same concept finds the
same organisations whatever language the query and the profiles are written in. Words that name no
sector are searched as written.
"""

from __future__ import annotations

from functools import cache

from bridgehub.common.text import searchable_words
from bridgehub.directory.taxonomy import SECTORS
from bridgehub.engines.matching.lexicon import SECTOR_CUES

SPECIFIC_CUE = 3  # weaker cues ("設備", "software") name too much to stand for a sector
MIN_FORM_LENGTH = {True: 3, False: 2}  # Latin forms from 3 letters, CJK from 2 characters


def _form(text: str) -> str:
    """A surface form folded like the search documents ("医療機器" → "醫療機器", "AI 軟體" → "ai 軟體")."""
    return searchable_words(text).strip()


def _long_enough(form: str) -> bool:
    return len(form) >= MIN_FORM_LENGTH[form.isascii()]


@cache
def _forms_by_sector() -> dict[str, frozenset[str]]:
    forms: dict[str, set[str]] = {}
    for spec in SECTORS:
        names = [spec.zh_hant, spec.ja, spec.en, *spec.synonyms.split()]
        forms.setdefault(spec.code, set()).update(_form(name) for name in names)
    for code, cues in SECTOR_CUES.items():
        forms.setdefault(code, set()).update(_form(cue) for cue, weight in cues.items() if weight >= SPECIFIC_CUE)
    return {code: frozenset(form for form in found if form and _long_enough(form)) for code, found in forms.items()}


@cache
def _sectors_by_form() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for code, forms in _forms_by_sector().items():
        for form in forms:
            index.setdefault(form, set()).add(code)
    return {form: frozenset(codes) for form, codes in index.items()}


def alternatives(word: str) -> tuple[str, ...]:
    """The forms a folded query word stands for: itself first, then its concept's other forms."""
    index = _sectors_by_form()
    codes = index.get(word, frozenset())
    if not codes and word.isascii() and word.endswith("s"):
        codes = index.get(word[:-1], frozenset())  # an English plural: "robots", "wafers"
    others = sorted({form for code in codes for form in _forms_by_sector()[code]} - {word})
    return (word, *others)

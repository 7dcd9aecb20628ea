"""Content languages (what owners write in) and how they map to interface languages."""

from __future__ import annotations

ZH_HANT = "zh-Hant"
JA = "ja"
EN = "en"
CONTENT_LANGUAGES = (ZH_HANT, JA, EN)
# Endonyms: each language is named in itself, the same in every interface language.
CONTENT_LANGUAGE_CHOICES = [(ZH_HANT, "繁體中文"), (JA, "日本語"), (EN, "English")]

# Django's interface language codes are lower-case; content language tags follow BCP 47.
_UI_TO_CONTENT = {"zh-hant": ZH_HANT, "zh-tw": ZH_HANT, "ja": JA, "en": EN}


def content_language_for_ui(ui_language: str | None) -> str:
    """The content language a reader of this interface language prefers."""
    return _UI_TO_CONTENT.get((ui_language or EN).lower(), EN)


def label_field_for_ui(ui_language: str | None) -> str:
    """Suffix of the per-language label columns (label_zh_hant / label_ja / label_en)."""
    return {ZH_HANT: "zh_hant", JA: "ja", EN: "en"}[content_language_for_ui(ui_language)]


def pick_language(available: list[str], ui_language: str | None, original: str) -> str | None:
    """Which written version a reader sees: theirs if written, else the original, else any.

    With no interface language (API listings), the original comes first.
    """
    wanted = content_language_for_ui(ui_language) if ui_language else original
    for language in (wanted, original):
        if language in available:
            return language
    return available[0] if available else None

"""Template helpers: multilingual labels, language badges and times with zones named."""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from html import escape

from django import template
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from bridgehub.common.languages import CONTENT_LANGUAGE_CHOICES, content_language_for_ui
from bridgehub.common.text import whole_percent
from bridgehub.common.timezones import zone_name

register = template.Library()
_LANGUAGE_NAMES = {**dict(CONTENT_LANGUAGE_CHOICES), "zh-Hans": "简体中文"}  # news may come in Simplified Chinese


@register.filter
def zone_label(zone: str) -> str:
    """A time zone as people read it ("東京", "Taipei"), in the interface language."""
    return zone_name(zone)


@register.filter
def label(obj) -> str:
    """obj.label_for / name_for in the active interface language."""
    method = getattr(obj, "label_for", None) or obj.name_for
    return method(translation.get_language())


@register.simple_tag
def language_badge(language: str, ui_language: str | None = None) -> str:
    """Marks content shown in a language other than the interface's (it is never translated)."""
    if language == content_language_for_ui(ui_language or translation.get_language()):
        return ""
    name = _LANGUAGE_NAMES.get(language, language)
    return format_html('<span class="lang-badge" lang="{}" title="{}">{}</span>', language,
                       _("Written in this language by its owner"), name)


@register.simple_tag(takes_context=True)
def zoned(context, moment: datetime | None, hub=None) -> str:
    """A time in the viewer's zone with that zone named, and the hub's local time beside it."""
    if moment is None:
        return ""
    viewer_zone = timezone.get_current_timezone()
    local = timezone.localtime(moment, viewer_zone)
    text = format_html('<time datetime="{}">{} ({})</time>', moment.isoformat(),
                       date_format(local, "Y-m-d H:i"), zone_name(str(viewer_zone)))
    if hub is not None and str(viewer_zone) != hub.time_zone:
        hub_local = timezone.localtime(moment, zoneinfo.ZoneInfo(hub.time_zone))
        text = format_html('{} <span class="muted">· {}</span>', text,
                           _("%(time)s hub time (%(zone)s)") % {
                               "time": date_format(hub_local, "Y-m-d H:i"), "zone": zone_name(hub.time_zone)})
    return text


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (for paging and facet links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()


@register.simple_tag
def language_name_local(language: str) -> str:
    return _LANGUAGE_NAMES.get(language, language)


@register.filter
def grouped(value) -> str:
    """A count or amount with the reader's locale's digit grouping (10,000 in zh-Hant, ja and en).

    Why a filter and not USE_THOUSAND_SEPARATOR: that setting would also group ids in links and
    years ("2,019"); only numbers people read as quantities are grouped.
    """
    if value is None or value == "":
        return ""
    return number_format(value, force_grouping=True)


@register.filter
def percent(share) -> str:
    """A share (0.1234) as a whole percentage ("12%"); empty for none."""
    if share is None or share == "":
        return ""
    return whole_percent(share)


@register.simple_tag
def select_options(choices, selected: str = "", child_marker: str = "— ") -> str:
    """<option> tags for (value, label) or (value, label, is_child) choices, in Python.

    Why: a directory page has ~70 options; template loops with an `if` per option cost
    more than the search itself, and so did format_html per option (the standard library's
    escape does the same five replacements).
    """
    parts = []
    for choice in choices:
        value, label_text = choice[0], choice[1]
        prefix = child_marker if len(choice) > 2 and choice[2] else ""
        parts.append(f'<option value="{escape(str(value))}"{" selected" if value == selected else ""}>'
                     f"{escape(prefix + str(label_text))}</option>")
    return mark_safe("".join(parts))  # noqa: S308 - every value and label was escaped above


@register.filter
def in_zone(moment: datetime | None, zone_name: str) -> str:
    """A time shown in a named zone (a round's or a participant's), as "2026-12-10 10:00"."""
    if moment is None:
        return ""
    return date_format(timezone.localtime(moment, zoneinfo.ZoneInfo(zone_name)), "Y-m-d H:i")


@register.filter
def time_in(moment: datetime | None, zone_name: str) -> str:
    """Clock time ("10:00") of a moment in a named zone, whatever zone the page is rendered in."""
    if moment is None:
        return ""
    return date_format(timezone.localtime(moment, zoneinfo.ZoneInfo(zone_name)), "H:i")


@register.filter
def screen_reasons(codes: list[str]) -> list[str]:
    """A screened note's reason codes as readable reasons in the reader's language."""
    from bridgehub.common.trust_texts import reason_texts

    return reason_texts(codes or [])


def _list_separator() -> str:
    """Chinese and Japanese list items with the ideographic comma, English with a comma and a space."""
    return "、" if (translation.get_language() or "en").lower() in ("zh-hant", "ja") else ", "


@register.filter
def spoken_languages(codes) -> str:
    """Spoken-language codes (zh, ja, en) as words of the interface language: "中文、日本語"."""
    from bridgehub.exchanges.enums import SpokenLanguage

    names = dict(SpokenLanguage.choices)
    return _list_separator().join(str(names.get(code, code)) for code in codes or [])


@register.filter
def subject_kind(code: str) -> str:
    """A matching subject kind (startup, investor, corporate, talent) in the interface language."""
    from bridgehub.matchmaking.enums import SubjectKind

    return str(dict(SubjectKind.choices).get(code, code))


def _cjk() -> bool:
    return (translation.get_language() or "en").lower() in ("zh-hant", "ja")


@register.simple_tag
def colon() -> str:
    """The colon after a label: full-width in Chinese and Japanese ("語言：日本語"), ": " in English."""
    return "：" if _cjk() else ": "


@register.filter
def value_at(mapping, key):
    """mapping[key], or an empty list when the key is missing (a per-card lookup in a loop)."""
    return mapping.get(key, []) if mapping else []


@register.filter
def quoted(text) -> str:
    """Quoted words: 「…」 in Chinese and Japanese, “…” in English (escaped)."""
    return format_html("「{}」", text) if _cjk() else format_html("“{}”", text)

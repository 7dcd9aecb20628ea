"""Time zones people pick from, named the way people read them (東京 / 台北 / Tokyo), with the
identifier beside the name for the few who look for it."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.utils.translation import get_language

# (zone, zh-Hant, ja, en): the cities of the hubs' members first.
ZONES: tuple[tuple[str, str, str, str], ...] = (
    ("Asia/Taipei", "台北", "台北", "Taipei"),
    ("Asia/Tokyo", "東京", "東京", "Tokyo"),
    ("Asia/Seoul", "首爾", "ソウル", "Seoul"),
    ("Asia/Hong_Kong", "香港", "香港", "Hong Kong"),
    ("Asia/Shanghai", "上海", "上海", "Shanghai"),
    ("Asia/Singapore", "新加坡", "シンガポール", "Singapore"),
    ("Asia/Kuala_Lumpur", "吉隆坡", "クアラルンプール", "Kuala Lumpur"),
    ("Asia/Manila", "馬尼拉", "マニラ", "Manila"),
    ("Asia/Bangkok", "曼谷", "バンコク", "Bangkok"),
    ("Asia/Ho_Chi_Minh", "胡志明市", "ホーチミン", "Ho Chi Minh City"),
    ("Asia/Jakarta", "雅加達", "ジャカルタ", "Jakarta"),
    ("Asia/Kolkata", "印度", "インド", "India"),
    ("Europe/London", "倫敦", "ロンドン", "London"),
    ("Europe/Paris", "巴黎", "パリ", "Paris"),
    ("Europe/Berlin", "柏林", "ベルリン", "Berlin"),
    ("America/New_York", "紐約", "ニューヨーク", "New York"),
    ("America/Chicago", "芝加哥", "シカゴ", "Chicago"),
    ("America/Los_Angeles", "洛杉磯／舊金山", "ロサンゼルス／サンフランシスコ", "Los Angeles / San Francisco"),
    ("UTC", "UTC", "UTC", "UTC"),
)
_COLUMN = {"zh-hant": 1, "ja": 2, "en": 3}


def zone_name(zone: str, language: str | None = None) -> str:
    """A zone's city name in the reading language (the identifier for a zone not in the list)."""
    column = _COLUMN.get((language or get_language() or "en").lower(), 3)
    for row in ZONES:
        if row[0] == zone:
            return row[column]
    return zone


def _offset(zone: str) -> str:
    offset = dt.datetime.now(zoneinfo.ZoneInfo(zone)).utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_choices(current: str | None = None, language: str | None = None) -> list[tuple[str, str]]:
    """Choices for a zone select: "東京 (UTC+9)"; a current zone outside the list is kept, first."""
    zones = [row[0] for row in ZONES]
    if current and current not in zones:
        zones.insert(0, current)
    return [(zone, f"{zone_name(zone, language)} ({_offset(zone)})") for zone in zones]

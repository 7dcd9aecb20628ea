"""What kind of event a news item reports, and the sentence that says so.

Pure Python (no Django). Cue phrases per event type in the hub's three languages (Traditional Chinese,
Japanese, English; Simplified Chinese is folded to Traditional first); a phrase's weight says how
surely it names the event ("raised a Series B" is funding, "investment" alone hardly). The type with
the highest total wins when it reaches `MIN_SCORE`; the evidence is the sentence holding its strongest
cue. A headline counts twice: news states its event there.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

EVENT_TYPES = ("funding", "acquisition", "partnership", "product_launch", "facility", "contract",
               "executive_change", "ipo_exit", "programme_call")

EVENT_CUES: dict[str, dict[str, float]] = {
    "funding": {
        "募資": 3, "融資": 2, "輪融資": 3, "a輪": 3, "b輪": 3, "c輪": 3, "種子輪": 3, "天使輪": 3, "完成": 0.5,
        "億元": 0.5,
        "資金調達": 3, "新ファンド": 3, "ファンドを組成": 3, "新基金": 3, "new fund": 3, "closes a": 1, "fund": 1,
        "シリーズa": 3, "シリーズb": 3, "シリーズc": 3, "第三者割当増資": 3, "出資を受け": 3,
        "調達": 2,
        "raised": 2, "raises": 2, "funding round": 3, "series a": 3, "series b": 3, "series c": 3, "seed round": 3,
        "led by": 1, "fund closes": 3, "closed its": 2, "venture capital": 1,
        # English news writes its verbs in every tense; a Latin cue matches whole words only, so each form
        # is listed ("secures" alone is weak: "secures an order" is a contract).
        "raising": 2, "secures": 1, "secured": 1, "funding": 1, "funded": 1,
    },
    "acquisition": {
        "收購": 3, "併購": 3, "合併": 2, "買下": 2, "買収": 3, "子会社化": 3, "経営統合": 3, "合併する": 2, "取得": 1,
        "acquire": 3, "acquires": 3, "acquired": 3, "acquiring": 3, "acquisition": 3, "merger": 3, "buys": 2,
        "bought": 2, "takeover": 3,
    },
    "partnership": {
        "合作": 2, "策略聯盟": 3, "簽署合作": 3, "備忘錄": 3, "mou": 3, "聯手": 2, "提携": 3, "業務提携": 3,
        "資本業務提携": 3,
        "協業": 3, "共同開発": 2, "連携": 2, "partnership": 3, "partners with": 3, "teams up": 3, "collaboration": 2,
        "memorandum of understanding": 3, "joint development": 2, "alliance": 2, "partnered with": 3,
        "partnering with": 3, "partner with": 3, "team up": 3, "teamed up": 3,
    },
    "product_launch": {
        "推出": 2, "發表": 2, "發布": 2, "上市": 1, "新品": 2, "發售": 2, "発売": 3, "発表": 1, "リリース": 2,
        "提供開始": 3,
        "launch": 3, "launches": 3, "launched": 3, "launching": 2, "unveils": 3, "unveiled": 3, "unveil": 3,
        "introduces": 2, "introduced": 2, "releases": 2, "released": 2, "new product": 2, "debuts": 3, "debuted": 3,
        "rolls out": 2, "rolled out": 2,
    },
    "facility": {
        "設廠": 3, "建廠": 3, "新廠": 3, "擴廠": 3, "晶圓廠": 2, "工廠": 2, "研發中心": 2, "據點": 2, "辦公室": 1,
        "進駐": 2,
        "新工場": 3, "工場": 2, "拠点": 2, "開設": 2, "進出": 2, "建設": 1, "fab": 2, "plant": 2, "factory": 2,
        "opens office": 3, "opens an office": 3, "opened an office": 3, "new office": 2, "expansion": 2,
        "expands": 2, "expanded": 2, "expanding": 2, "facility": 2, "plants": 2, "factories": 2, "fabs": 2,
    },
    "contract": {
        "訂單": 3, "接獲": 2, "得標": 3, "採購": 2, "簽約": 2, "合約": 2, "受注": 3, "受託": 2, "採用": 2, "契約": 2,
        "order": 2, "orders": 2, "contract": 3, "contracts": 3, "awarded": 3, "wins deal": 3, "supply agreement": 3,
        "selected by": 2,
    },
    "executive_change": {
        "執行長": 2, "總經理": 2, "董事長": 2, "接任": 3, "上任": 3, "卸任": 3, "人事": 2, "社長": 2, "就任": 3,
        "退任": 3,
        "代表取締役": 2, "ceo": 2, "appoints": 3, "appointed": 3, "steps down": 3, "stepped down": 3, "names new": 3,
        "named new": 3, "resigns": 3, "resigned": 3,
        "chief executive": 2,
    },
    "ipo_exit": {
        "ipo": 3, "上市櫃": 3, "掛牌": 3, "興櫃": 3, "上場": 3, "新規上場": 3, "東証": 2, "グロース市場": 3,
        "listing": 2, "goes public": 3, "went public": 3, "going public": 3, "public offering": 3, "nasdaq": 2,
        "exit": 1,
    },
    "programme_call": {
        "徵件": 3, "徵選": 3, "招募": 2, "計畫": 1, "補助": 2, "申請": 1, "公募": 3, "募集": 2, "アクセラレーター": 2,
        "プログラム": 1, "補助金": 3, "call for": 3, "applications open": 3, "accelerator": 2, "grant": 2,
        "programme": 1, "program": 1, "open innovation": 2,
    },
}
MIN_SCORE = 2.0
_SENTENCE_END = re.compile(r"(?<=[。！？!?])|(?<=\.)\s+|\n+")


@dataclass(frozen=True)
class EventReading:
    """The event type of an item ("" when none is clear), its score and its evidence sentence."""

    event_type: str
    score: float
    evidence: str


@lru_cache(maxsize=1)
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def _normalise(text: str) -> str:
    return _to_traditional().convert(unicodedata.normalize("NFKC", text)).casefold()


def _cue_found(cue: str, text: str) -> bool:
    if cue.isascii():  # a Latin cue is a word or phrase, not letters inside another word
        return re.search(rf"(?<![a-z0-9]){re.escape(cue)}(?![a-z0-9])", text) is not None
    return cue in text


def read_event(title: str, body: str = "") -> EventReading:
    """The event `title` and `body` report (see the module docstring)."""
    sentences = [title] + [part.strip() for part in _SENTENCE_END.split(body) if part and part.strip()]
    scores: dict[str, float] = {}
    strongest: dict[str, tuple[float, str]] = {}
    for index, sentence in enumerate(sentences):
        normalised = _normalise(sentence)
        weight = 2.0 if index == 0 else 1.0
        for event_type, cues in EVENT_CUES.items():
            for cue, cue_weight in cues.items():
                if _cue_found(cue, normalised):
                    scores[event_type] = scores.get(event_type, 0.0) + weight * cue_weight
                    if cue_weight * weight > strongest.get(event_type, (0.0, ""))[0]:
                        strongest[event_type] = (cue_weight * weight, sentence)
    if not scores:
        return EventReading("", 0.0, "")
    best = max(EVENT_TYPES, key=lambda event_type: scores.get(event_type, 0.0))
    if scores.get(best, 0.0) < MIN_SCORE:
        return EventReading("", scores.get(best, 0.0), "")
    return EventReading(best, round(scores[best], 2), strongest[best][1])

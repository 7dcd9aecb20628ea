"""The demo hub's news: three months of invented stories about its own organisations, in three languages.

Each story names a demo organisation the way the news would (a Japanese company without 株式会社, a
Taiwanese one by its romanised name in English), so the demo shows the linker at work; about a third
of the stories come twice, from a second outlet that rewrote the headline, and are merged; a few
deals have a follow-up weeks later; a few policy calls concern whole sectors. Every outlet and link is
fictitious (example domains).
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import Organisation
from bridgehub.hubs.models import Hub
from bridgehub.signals.domain.ingest import RawItem, ingest
from bridgehub.signals.enums import SourceKind
from bridgehub.signals.models import Item, Source

OUTLETS = {
    "ja": [("日刊ディープテック", "https://news.example.jp"), ("テック東京", "https://tech-tokyo.example.jp")],
    "zh-Hant": [("科技新報（示範）", "https://tech.example.tw"), ("產業日報（示範）", "https://industry.example.tw")],
    "en": [("Asia Deep Tech Wire", "https://wire.example.com"), ("Bridge Startup Daily", "https://daily.example.com")],
}

# (event, headline, body) per language; {name}, {other}, {sector}, {amount}, {city} filled in.
STORIES = {
    "ja": [
        ("funding", "{name}、シリーズAで{amount}億円を資金調達",
         "{name}は{sector}分野のスタートアップ。調達資金で量産体制を整える。"),
        ("facility", "{name}、{city}に新工場を開設", "{name}は{sector}の需要拡大に対応し、{city}に生産拠点を設ける。"),
        ("partnership", "{name}と{other}が業務提携", "両社は{sector}分野で共同開発を進め、来年度の実証を目指す。"),
        ("contract", "{name}、大手自動車メーカーから検査システムを受注", "{name}の{sector}技術が採用された。"),
        ("product_launch", "{name}、{sector}向け新製品を発売", "{name}は新製品の提供開始を発表した。"),
    ],
    "zh-Hant": [
        ("funding", "{name}完成A輪募資{amount}億元", "{name}專注{sector}領域，資金將用於擴大產能與海外布局。"),
        ("facility", "{name}宣布在{city}設廠", "為因應{sector}需求，{name}將在{city}建廠並設立研發中心。"),
        ("partnership", "{name}與{other}簽署合作備忘錄", "雙方將在{sector}領域共同開發，明年啟動驗證。"),
        ("contract", "{name}接獲日本車廠訂單", "{name}的{sector}技術獲日本大廠採用。"),
        ("product_launch", "{name}推出{sector}新產品", "{name}發表新一代產品，預計下季上市。"),
    ],
    "en": [
        ("funding", "{name} raises ${amount}M Series A",
         "{name}, a {sector} start-up, will use the round to scale production."),
        ("facility", "{name} opens a new factory in {city}", "{name} expands to meet demand in {sector}."),
        ("partnership", "{name} partners with {other}", "The companies will run a joint {sector} PoC next year."),
        ("contract", "{name} wins an order from a Japanese carmaker", "The order covers {sector} systems."),
        ("product_launch", "{name} launches a new {sector} product", "{name} unveils its next generation."),
    ],
}
# Funds announce funds, not rounds of their own.
FUND_STORIES = {
    "ja": ("funding", "{name}、{amount}0億円の新ファンドを組成", "{sector}分野のスタートアップに投資する。"),
    "zh-Hant": ("funding", "{name}宣布成立{amount}0億元新基金", "新基金將投資{sector}領域的新創。"),
    "en": ("funding", "{name} closes a ${amount}0M fund", "The fund backs {sector} start-ups in Asia."),
}
FOLLOW_UPS = {
    "ja": "{name}と{other}、提携の第一弾として共同実証を開始",
    "zh-Hant": "{name}與{other}合作首波成果出爐，啟動聯合驗證",
    "en": "{name} and {other} start their first joint PoC under the partnership",
}
REWRITES = {"ja": "【速報】{title}", "zh-Hant": "{title}（快訊）", "en": "Breaking: {title}"}
SECTOR_CALLS = [
    ("ja", "経済産業省、介護ロボット導入補助の公募を開始", "介護ロボットの実証を行う事業者を募集する。"),
    ("zh-Hant", "國科會啟動先進封裝研發補助計畫徵件", "鼓勵半導體先進封裝與 chiplet 技術的產學合作。"),
    ("en", "Tokyo opens applications for its AI software accelerator", "The programme funds AI software start-ups."),
    ("ja", "NEDO、次世代半導体製造装置の研究開発を公募", "ウェーハ検査装置など前工程の技術を支援する。"),
]
CITIES = {"ja": ["熊本", "仙台", "つくば"], "zh-Hant": ["熊本", "台南", "新竹"], "en": ["Kumamoto", "Sendai", "Tainan"]}
LABEL_FIELD = {"ja": "label_ja", "zh-Hant": "label_zh_hant", "en": "label_en"}


def _language_and_name(organisation: Organisation, rng: random.Random) -> tuple[str, str]:
    """The language a story about it is written in, and the name that story uses."""
    local = {"JP": "ja", "TW": "zh-Hant"}.get(organisation.country)
    if local and (rng.random() < 0.7 or not organisation.name_reading):
        return local, organisation.name.replace("株式会社", "")
    return "en", (organisation.name_reading or organisation.name).removesuffix(" Inc.")


def build_signals_demo(seed: int = 20261204) -> int:
    """The Tokyo hub's news; returns how many stories (copies merged) it holds."""
    rng = random.Random(seed)  # noqa: S311 - invented news, not secrets
    hub = Hub.objects.get(slug="tokyo")
    organisations = list(Organisation.objects.filter(
        hub_links__hub=hub, hub_links__status=ApprovalStatus.APPROVED, kind__in=["startup", "corporate", "investor"])
        .prefetch_related("sectors").order_by("pk"))
    chosen = rng.sample(organisations, min(45, len(organisations)))
    source = Source.objects.create(hub=hub, kind=SourceKind.UPLOAD, name="Demo news (fictitious outlets)")
    now = timezone.now()
    raw: list[RawItem] = []
    for number, organisation in enumerate(chosen):
        language, name = _language_and_name(organisation, rng)
        other = chosen[(number + 7) % len(chosen)]
        sector = organisation.sectors.first()
        values = {"name": name, "other": _language_and_name(other, rng)[1] if language != "en" else
                  (other.name_reading or other.name).removesuffix(" Inc."),
                  "sector": getattr(sector, LABEL_FIELD[language]) if sector else "deep tech",
                  "amount": rng.choice([3, 5, 8, 12]), "city": rng.choice(CITIES[language])}
        event, headline, body = (FUND_STORIES[language] if organisation.kind == "investor"
                                 else rng.choice(STORIES[language]))
        when = now - dt.timedelta(days=rng.randint(1, 80), hours=rng.randint(0, 20))
        outlets = rng.sample(OUTLETS[language], 2)
        title = headline.format(**values)
        raw.append(RawItem(title=title, url=f"{outlets[0][1]}/{number}", published_at=when,
                           body=body.format(**values), outlet=outlets[0][0]))
        if rng.random() < 0.35:  # a second outlet rewrote the headline: one story, two sources
            raw.append(RawItem(title=REWRITES[language].format(title=title), url=f"{outlets[1][1]}/{number}",
                               published_at=when + dt.timedelta(hours=3), body=body.format(**values),
                               outlet=outlets[1][0]))
        if event == "partnership" and when < now - dt.timedelta(days=20):
            raw.append(RawItem(title=FOLLOW_UPS[language].format(**values), url=f"{outlets[0][1]}/{number}-next",
                               published_at=when + dt.timedelta(days=rng.randint(8, 18)),
                               body=STORIES[language][2][2].format(**values), outlet=outlets[0][0]))
    for number, (language, title, body) in enumerate(SECTOR_CALLS):
        raw.append(RawItem(title=title, url=f"{OUTLETS[language][0][1]}/calls/{number}",
                           published_at=now - dt.timedelta(days=3 + 9 * number), body=body,
                           outlet=OUTLETS[language][0][0]))
    raw.sort(key=lambda item: item.published_at)
    ingest(hub=hub, source=source, raw_items=raw)
    return Item.objects.filter(hub=hub).count()

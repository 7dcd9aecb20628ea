"""A deterministic, realistic trilingual demo hub: 154 organisations, ~90 people, four hubs.

Everything is invented. The same seed always builds the same directory, so screenshots,
benchmarks and matching experiments can refer to it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from django.db import transaction
from stdnum.jp import cn as japan_corporate_number
from stdnum.tw import ubn as taiwan_ubn

from bridgehub.directory.demo import content_names as names
from bridgehub.directory.demo import content_templates as t
from bridgehub.directory.demo.content_sectors import FOCUS, PRODUCTS
from bridgehub.directory.domain.search import refresh_search_fields
from bridgehub.directory.enums import ApprovalStatus, AskOfferKind, Direction, Stage
from bridgehub.directory.models import AskOffer, Organisation, OrganisationHub, ProfileText, Sector
from bridgehub.hubs.models import Hub

SEED = 20261124
HUBS = [
    ("tokyo", "東京創新樞紐", "東京イノベーションハブ", "Tokyo Innovation Hub", "Asia/Tokyo", "JPY", "JP"),
    ("taipei", "台北創新樞紐", "台北イノベーションハブ", "Taipei Innovation Hub", "Asia/Taipei", "TWD", "TW"),
    ("silicon-valley", "矽谷創新樞紐", "シリコンバレー・イノベーションハブ", "Silicon Valley Innovation Hub",
     "America/Los_Angeles", "USD", "US"),
    ("singapore", "新加坡創新樞紐", "シンガポール・イノベーションハブ", "Singapore Innovation Hub",
     "Asia/Singapore", "SGD", "SG"),
]
STAGES = list(Stage.values)
CURRENCY_BY_COUNTRY = {"TW": "TWD", "JP": "JPY"}
# Typical round sizes in USD by stage; amounts are shown in the company's own currency.
ROUND_USD = {"pre_seed": 300_000, "seed": 1_000_000, "series_a": 5_000_000, "series_b": 15_000_000,
             "growth": 40_000_000}
USD_RATE = {"USD": 1, "TWD": 32, "JPY": 150, "SGD": 1.35}
SECTOR_WEIGHTS = {"semiconductors_equipment": 5, "semiconductor_design": 4, "advanced_packaging": 4,
                  "ai_software": 5, "ai_hardware": 3, "robotics": 5, "eldercare_tech": 5,
                  "healthtech_medical_devices": 4}


@dataclass
class DemoResult:
    organisations: int = 0
    people: int = 0
    logins: list[tuple[str, str, str]] = field(default_factory=list)


def _money(amount_usd: float, currency: str) -> int:
    value = amount_usd * USD_RATE[currency]
    magnitude = 10 ** max(len(str(int(value))) - 2, 0)
    return int(round(value / magnitude) * magnitude)


def _money_text(amount: int, currency: str, language: str) -> str:
    if language == "en":
        return f"{currency} {amount:,}"
    if amount >= 100_000_000:
        unit = "億" if language == "ja" else "億"
        return f"{amount / 100_000_000:g}{unit}{'円' if currency == 'JPY' else ' ' + currency}"
    unit = "万" if language == "ja" else "萬"
    return f"{amount / 10_000:g}{unit}{'円' if currency == 'JPY' else ' ' + currency}"


class DemoBuilder:
    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.hubs: dict[str, Hub] = {}
        self.sectors = {sector.code: sector for sector in Sector.objects.all()}
        self.used_names: set[str] = set()
        self.orgs: list[Organisation] = []

    # --- names and numbers -------------------------------------------------------------------
    def _unique(self, make) -> tuple[str, str]:
        for _attempt in range(200):
            name, reading = make()
            if name not in self.used_names:
                self.used_names.add(name)
                return name, reading
        raise RuntimeError("ran out of demo names")

    def _company_name(self, country: str, sector: str | None = None) -> tuple[str, str]:
        """A plausible company name whose suffix fits its sector (no "半導體" eldercare start-up)."""
        rng = self.rng
        tw_suffixes = [s for s in names.TW_SUFFIX if names.suffix_fits(s[0], sector)]
        jp_suffixes = [s for s in names.JP_SUFFIX if names.suffix_fits(s[0], sector)]
        en_suffixes = [s for s in names.EN_SUFFIX if names.suffix_fits(s, sector)]
        if country == "TW":
            def make():
                (a, ra), (b, rb) = rng.sample(names.TW_PARTS, 2)
                suffix, rsuffix = rng.choice(tw_suffixes)
                return f"{a}{b}{suffix}", f"{ra}{rb.lower()} {rsuffix}"
        elif country == "JP":
            def make():
                part, reading = rng.choice(names.JP_PARTS)
                suffix, rsuffix = rng.choice(jp_suffixes)
                return f"株式会社{part}{suffix}", f"{reading} {rsuffix} Inc."
        else:
            def make():
                return f"{rng.choice(names.EN_PARTS)} {rng.choice(en_suffixes)}", ""
        return self._unique(make)

    def _registry_number(self, country: str) -> str:
        module = {"TW": taiwan_ubn, "JP": japan_corporate_number}.get(country)
        if module is None:
            return ""
        length = 8 if country == "TW" else 13
        while True:
            candidate = "".join(str(self.rng.randrange(10)) for _ in range(length))
            if module.is_valid(candidate):
                return candidate

    def _city(self, country: str) -> dict[str, str]:
        """One city per organisation, named in each language."""
        if country == "TW":
            local, english = self.rng.choice(names.TW_CITIES)
        elif country == "JP":
            local, english = self.rng.choice(names.JP_CITIES)
        else:
            local = english = self.rng.choice(names.EN_CITIES[country])
        return {"zh-Hant": local, "ja": local, "en": english}

    def _languages_for(self, country: str) -> list[str]:
        primary = {"TW": "zh-Hant", "JP": "ja"}.get(country, "en")
        languages = [primary]
        if primary != "en" and self.rng.random() < 0.3:
            languages.append("en")
        elif primary == "zh-Hant" and self.rng.random() < 0.1:
            languages.append("ja")
        return languages

    def _sector_code(self) -> str:
        codes = list(PRODUCTS)
        return self.rng.choices(codes, weights=[SECTOR_WEIGHTS.get(code, 2) for code in codes])[0]

    # --- structure ---------------------------------------------------------------------------
    def build_hubs(self) -> None:
        for slug, zh, ja, en, zone, currency, country in HUBS:
            self.hubs[slug], _created = Hub.objects.update_or_create(
                slug=slug, defaults={"name_zh_hant": zh, "name_ja": ja, "name_en": en, "time_zone": zone,
                                     "currency": currency, "country": country})

    def _hubs_for(self, country: str) -> list[str]:
        home = {"TW": "taipei", "JP": "tokyo", "US": "silicon-valley"}.get(country, "singapore")
        hubs = [home]
        if home != "tokyo" and (country == "TW" or self.rng.random() < 0.4):
            hubs.append("tokyo")
        return hubs

    def _save(self, organisation: Organisation, sector_codes: list[str], texts: dict[str, tuple[str, str]],
              items: list[AskOffer], pending: bool = False) -> Organisation:
        organisation.registry_number = self._registry_number(organisation.country)
        organisation.slug = f"demo-{len(self.orgs) + 1:03d}"
        organisation.original_language = next(iter(texts))
        organisation.save()
        organisation.sectors.set([self.sectors[code] for code in sector_codes])
        for language, (tagline, summary) in texts.items():
            details = {"zh-Hant": "（會員限定）近期客戶與營收細節可於會談時提供。",
                       "ja": "（会員限定）主要顧客と売上の詳細は面談時にご説明します。",
                       "en": "(Members only) Customer names and revenue details are available in meetings."}[language]
            ProfileText.objects.create(organisation=organisation, language=language, tagline=tagline,
                                       summary=summary, member_details=details)
        for item in items:
            item.organisation = organisation
            item.save()
        # A pending organisation is waiting for the Tokyo operators, so the back office has work.
        for slug in set(self._hubs_for(organisation.country)) | ({"tokyo"} if pending else set()):
            status = ApprovalStatus.PENDING if pending and slug == "tokyo" else ApprovalStatus.APPROVED
            OrganisationHub.objects.create(organisation=organisation, hub=self.hubs[slug], status=status)
        self.orgs.append(organisation)
        return organisation

    def build_startup(self, country: str, pending: bool = False) -> Organisation:
        rng = self.rng
        sector = self._sector_code()
        product = rng.choice(PRODUCTS[sector])
        stage = rng.choice(STAGES)
        currency = CURRENCY_BY_COUNTRY.get(country, "USD")
        amount = _money(ROUND_USD[stage], currency)
        market = "JP" if country != "JP" else "TW"
        role = rng.choice(list(t.ROLE_NAMES))
        traction = rng.choice(names.TRACTION)
        wants = ["funding"] if rng.random() < 0.85 else []
        wants += rng.sample(["poc_partner", "distribution", "talent", "manufacturing", "rnd_collaboration"],
                            rng.randint(1, 2))
        name, reading = self._company_name(country, sector)
        cities = self._city(country)
        texts = {}
        for language in self._languages_for(country):
            index = {"zh-Hant": 0, "ja": 1, "en": 2}[language]
            city = cities[language]
            asks = t.SEPARATOR[language].join(
                t.ASK_SENTENCES[want][language].format(
                    stage=t.STAGE_NAMES[stage][language], amount=_money_text(amount, currency, language),
                    market=t.MARKET_NAMES[market][language], role=t.ROLE_NAMES[role][language])
                for want in wants) + t.END[language]
            focus = FOCUS[sector][index]
            summary = t.STARTUP[language].format(city=city, focus=focus, product=product[index],
                                                 traction=traction[index], asks=asks)
            texts[language] = (t.STARTUP_TAGLINE[language].format(focus=focus, city=city), summary)
        items = []
        for want in wants:
            item = AskOffer(direction=Direction.ASK, kind=want)
            if want == "funding":
                item.amount_min, item.amount_max, item.currency = int(amount * 0.8), amount, currency
            elif want == "distribution":
                item.market = market
            elif want == "talent":
                item.talent_role = role
            items.append(item)
        organisation = Organisation(name=name, name_reading=reading, kind="startup", country=country, stage=stage,
                                    founded_year=rng.randint(2015, 2025), team_size=rng.randint(3, 80),
                                    website=f"https://{(reading or name).split()[0].lower()}.example")
        return self._save(organisation, [sector], texts, items, pending=pending)

    def _fund_name(self, country: str) -> tuple[str, str]:
        rng = self.rng
        if country == "TW":
            base, reading = rng.choice(names.TW_FUNDS)
            return f"{base}{rng.choice(['創新', '成長', '科技', '未來'])}創投", f"{reading} Ventures"
        if country == "JP":
            base, reading = rng.choice(names.JP_FUNDS)
            return f"{base}{rng.choice(['イノベーション', 'ディープテック', 'グロース'])}キャピタル", f"{reading} Capital"
        return f"{rng.choice(names.EN_FUNDS)} {rng.choice(['Ventures', 'Capital', 'Partners'])}", ""

    def build_investor(self, country: str) -> Organisation:
        rng = self.rng
        investor_type = rng.choice(["vc", "vc", "corporate_vc", "university_vc", "angel", "institutional"])
        sectors = rng.sample(list(FOCUS), rng.randint(2, 3))
        low = rng.randrange(0, 3)
        stages = STAGES[low:low + rng.randint(2, 3)]
        currency = CURRENCY_BY_COUNTRY.get(country, "USD")
        ticket_low, ticket_high = _money(ROUND_USD[stages[0]] * 0.2, currency), _money(
            ROUND_USD[stages[-1]] * 0.3, currency)
        geo = rng.choice(["TWJP", "ASIA", country if country in ("TW", "JP") else "ASIA"])
        name, reading = self._unique(lambda: self._fund_name(country))
        texts = {}
        for language in self._languages_for(country):
            index = {"zh-Hant": 0, "ja": 1, "en": 2}[language]
            focus = "、".join(FOCUS[code][index] for code in sectors) if language != "en" else \
                ", ".join(FOCUS[code][index] for code in sectors)
            stage_words = "–".join(t.STAGE_NAMES[stage][language] for stage in (stages[0], stages[-1]))
            ticket = f"{_money_text(ticket_low, currency, language)}–{_money_text(ticket_high, currency, language)}"
            summary = t.INVESTOR[language].format(focus=focus, type=t.INVESTOR_TYPE[investor_type][language],
                                                  stages=stage_words, ticket=ticket, geo=t.GEO[geo][language])
            texts[language] = (focus, summary)
        item = AskOffer(direction=Direction.OFFER, kind=AskOfferKind.FUNDING, amount_min=ticket_low,
                        amount_max=ticket_high, currency=currency)
        organisation = Organisation(name=name, name_reading=reading, kind="investor", investor_type=investor_type,
                                    country=country, founded_year=rng.randint(1995, 2022),
                                    team_size=rng.randint(3, 40))
        return self._save(organisation, sectors, texts, [item])

    def build_corporate(self, country: str) -> Organisation:
        rng = self.rng
        sectors = rng.sample(list(FOCUS), rng.randint(1, 2))
        offers = rng.sample(["poc_partner", "distribution", "manufacturing", "market_entry"], rng.randint(1, 2))
        market = country if country in ("TW", "JP") else "SG"
        name, reading = self._company_name(country, sectors[0])
        cities = self._city(country)
        texts = {}
        for language in self._languages_for(country):
            index = {"zh-Hant": 0, "ja": 1, "en": 2}[language]
            offer_text = t.SEPARATOR[language].join(
                t.OFFER_SENTENCES[offer][language].format(market=t.MARKET_NAMES[market][language]) for offer in offers)
            focus = FOCUS[sectors[0]][index]
            texts[language] = (focus, t.CORPORATE[language].format(city=cities[language], focus=focus,
                                                                   offers=offer_text))
        items = [AskOffer(direction=Direction.OFFER, kind=offer,
                          market=market if offer in ("distribution", "market_entry") else "") for offer in offers]
        organisation = Organisation(name=name.replace("株式会社", "") + ("工業" if country == "JP" else ""),
                                    name_reading=reading, kind="corporate", country=country,
                                    founded_year=rng.randint(1950, 2005), team_size=rng.randint(300, 20000))
        return self._save(organisation, sectors, texts, items)

    def build_university(self, country: str, name: str, reading: str) -> Organisation:
        sectors = self.rng.sample(list(FOCUS), 2)
        language = {"TW": "zh-Hant", "JP": "ja"}.get(country, "en")
        index = {"zh-Hant": 0, "ja": 1, "en": 2}[language]
        texts = {language: (FOCUS[sectors[0]][index],
                            t.UNIVERSITY[language].format(name=name, focus=FOCUS[sectors[0]][index]))}
        items = [AskOffer(direction=Direction.OFFER, kind=AskOfferKind.RND_COLLABORATION)]
        self.used_names.add(name)
        return self._save(Organisation(name=name, name_reading=reading, kind="university", country=country),
                          sectors, texts, items)

    def build_support(self, kind: str, country: str, name: str, reading: str) -> Organisation:
        language = {"TW": "zh-Hant", "JP": "ja"}.get(country, "en")
        market = "JP" if country == "TW" else "TW" if country == "JP" else "SG"
        template = t.AGENCY if kind == "public_agency" else t.SERVICE
        texts = {language: ("", template[language].format(market=t.MARKET_NAMES[market][language]))}
        items = [AskOffer(direction=Direction.OFFER, kind=AskOfferKind.MARKET_ENTRY, market=market)]
        self.used_names.add(name)
        return self._save(Organisation(name=name, name_reading=reading, kind=kind, country=country), [], texts, items)


UNIVERSITIES = [
    ("TW", "國立清華大學半導體研究中心", "NTHU Semiconductor Research Center"),
    ("TW", "國立成功大學智慧製造研究院", "NCKU Smart Manufacturing Institute"),
    ("TW", "國立陽明交通大學智慧醫療實驗室", "NYCU Smart Healthcare Lab"),
    ("TW", "工業技術研究院機器人中心", "ITRI Robotics Center"),
    ("TW", "國立台灣大學人工智慧研究中心", "NTU AI Research Center"),
    ("JP", "東北先端材料研究所", "Tohoku Advanced Materials Institute"),
    ("JP", "熊本半導体イノベーションセンター", "Kumamoto Semiconductor Innovation Center"),
    ("JP", "筑波ロボティクス研究機構", "Tsukuba Robotics Research Organization"),
    ("JP", "京都エイジテック研究所", "Kyoto Age-Tech Institute"),
    ("JP", "大阪医工連携センター", "Osaka Medical Engineering Center"),
    ("JP", "九州先端パッケージング研究所", "Kyushu Advanced Packaging Institute"),
    ("US", "Bay Area Institute for Edge AI", ""),
]
SUPPORT = [
    ("public_agency", "TW", "台日產業合作推動辦公室", "Taiwan-Japan Industrial Collaboration Office"),
    ("public_agency", "JP", "日台スタートアップ交流センター", "Japan-Taiwan Startup Exchange Center"),
    ("public_agency", "SG", "Singapore Deep Tech Gateway", ""),
    ("public_agency", "US", "Pacific Innovation Bridge Office", ""),
    ("service_provider", "JP", "東京クロスボーダー法律事務所", "Tokyo Cross-Border Law Office"),
    ("service_provider", "TW", "台北跨境會計師事務所", "Taipei Cross-Border Accounting"),
    ("service_provider", "JP", "株式会社アジアタレントブリッジ", "Asia Talent Bridge K.K."),
    ("service_provider", "SG", "Lion City Market Entry Partners", ""),
]
STARTUP_COUNTRIES = ["TW"] * 30 + ["JP"] * 30 + ["US"] * 5 + ["SG"] * 4 + ["TH"] * 1 + ["VN"] * 2
INVESTOR_COUNTRIES = ["TW"] * 13 + ["JP"] * 14 + ["US"] * 4 + ["SG"] * 4
CORPORATE_COUNTRIES = ["TW"] * 10 + ["JP"] * 12 + ["US"] * 2 + ["SG"] * 1


@transaction.atomic
def build_demo(seed: int = SEED) -> DemoResult:
    """Build the demo directory into an empty database. Side effects: every demo row."""
    from bridgehub.directory.demo.people import build_notes, build_people, ensure_logins

    builder = DemoBuilder(seed)
    builder.build_hubs()
    for index, country in enumerate(STARTUP_COUNTRIES):
        builder.build_startup(country, pending=index % 17 == 5)
    for country in INVESTOR_COUNTRIES:
        builder.build_investor(country)
    for country in CORPORATE_COUNTRIES:
        builder.build_corporate(country)
    for country, name, reading in UNIVERSITIES:
        builder.build_university(country, name, reading)
    for kind, country, name, reading in SUPPORT:
        builder.build_support(kind, country, name, reading)
    people = build_people(builder)
    logins = ensure_logins(builder)
    build_notes(builder)
    for organisation in builder.orgs:
        refresh_search_fields(organisation)
    return DemoResult(organisations=len(builder.orgs), people=people, logins=logins)


def demo_is_loaded() -> bool:
    return Hub.objects.filter(slug="tokyo").exists() and Organisation.objects.filter(slug="demo-001").exists()


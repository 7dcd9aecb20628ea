"""A small Tokyo market written in three languages, read and encoded by the real engine.

A Taiwanese packaging start-up (Chinese) raising a Series A, a Japanese packaging fund (Japanese), a
Japanese biotech fund (no fit), a Japanese corporate offering PoCs, a Taiwanese start-up that is not
raising (one-sided), an engineer open to roles (English) and a one-line profile.
"""

from dataclasses import dataclass

import pytest

from bridgehub.directory.models import AskOffer, Person
from bridgehub.matchmaking.domain.lists import rebuild_hub
from bridgehub.matchmaking.domain.refresh import profile_for, refresh_profile
from bridgehub.matchmaking.models import MatchProfile
from tests.factories.core import (
    HubMembershipFactory,
    OrganisationFactory,
    OrganisationHubFactory,
    OrganisationMembershipFactory,
    ProfileTextFactory,
    UserFactory,
)

TEXTS = {
    "startup": ("startup", "TW", "zh-Hant", "先進封裝新創",
                "我們是新竹的先進封裝新創，開發晶圓級扇出型封裝與 chiplet 整合製程，已與兩家 OSAT 廠完成驗證。"
                "目前正在進行 A輪募資，目標 300 萬美元，希望在日本找到策略投資人與 PoC 夥伴。"
                "我們也在招募一位製程工程師。"),
    "fund": ("investor", "JP", "ja", "先端パッケージング特化VC",
             "半導体と先端パッケージングに特化したベンチャーキャピタルです。シリーズAからシリーズBのスタートアップに投資し、"
             "日本と台湾の企業を対象としています。1社あたり1億円から5億円を出資します。"),
    "biofund": ("investor", "JP", "ja", "創薬ファンド",
                "創薬とバイオテックに特化したファンドです。シードからシリーズAの日本の創薬スタートアップに投資します。"
                "大学発の研究成果の事業化を支援します。"),
    "corporate": ("corporate", "JP", "ja", "電子部品メーカー",
                  "大手電子部品メーカーです。先端パッケージング技術を持つスタートアップとの PoC を歓迎します。"
                  "量産工場と評価ラボを提供できます。"),
    "not_raising": ("startup", "TW", "zh-Hant", "封裝檢測",
                    "我們是台中的先進封裝檢測新創，提供 chiplet 封裝的光學檢測服務。目前營收穩定，沒有募資計畫，"
                    "正在尋找日本的代理商。"),
    "short": ("startup", "JP", "ja", "AIの会社", "AIの会社です。"),
}
TALENT_BIO = ("Process engineer with ten years of thin film and CVD process integration at a wafer fab, and advanced "
              "packaging experience. Looking for a role at a start-up.")


@dataclass
class Market:
    world: object
    orgs: dict
    users: dict
    profiles: dict  # name → MatchProfile (refreshed)
    talent_user: object

    def reload(self):
        for name, profile in self.profiles.items():
            self.profiles[name] = MatchProfile.objects.get(pk=profile.pk)


def read_all(profiles) -> None:
    for profile in profiles:
        refresh_profile(profile.pk, rebuild=False)


@pytest.fixture
def market(world):
    orgs, users, profiles = {}, {}, {}
    for name, (kind, country, language, tagline, summary) in TEXTS.items():
        org = OrganisationFactory(slug=name.replace("_", "-"), name=name.title(), kind=kind, country=country,
                                  investor_type="vc" if kind == "investor" else "", original_language=language)
        ProfileTextFactory(organisation=org, language=language, tagline=tagline, summary=summary,
                           member_details="MEMBERSONLY-SECRET 売上 revenue 營收")
        OrganisationHubFactory(organisation=org, hub=world.tokyo)
        user = UserFactory(email=f"{name}@example.com")
        OrganisationMembershipFactory(organisation=org, user=user)
        orgs[name], users[name] = org, user
    AskOffer.objects.create(organisation=orgs["startup"], direction="ask", kind="funding", amount_min=2_000_000,
                            amount_max=3_000_000, currency="USD")
    AskOffer.objects.create(organisation=orgs["fund"], direction="offer", kind="funding", amount_min=100_000_000,
                            amount_max=500_000_000, currency="JPY")
    talent_user = UserFactory(email="engineer@example.com")
    HubMembershipFactory(hub=world.tokyo, user=talent_user, role="member")
    person = Person.objects.create(user=talent_user, name="Engineer", bio={"en": TALENT_BIO}, original_language="en",
                                   open_to_roles=True, sought_role="process_engineer", based_in="TW")
    for name, org in orgs.items():
        profiles[name] = profile_for(organisation=org)
    profiles["talent"] = profile_for(person=person)
    read_all(profiles.values())
    rebuild_hub(world.tokyo.pk)
    market = Market(world, orgs, users, profiles, talent_user)
    market.reload()
    return market

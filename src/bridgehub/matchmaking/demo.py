"""The demo hub's matching: people open to roles, every profile read and encoded, lists built.

`make demo` must show recommendations from the first page load, so the demo does synchronously what
the background worker does later (read and encode each profile, build each hub's lists). A few
introductions and saved matches give the operator page and the feedback something to show.
"""

from __future__ import annotations

import random

from bridgehub.accounts.models import User
from bridgehub.directory.models import OrganisationMembership, Person
from bridgehub.hubs.enums import HubRole
from bridgehub.hubs.models import Hub, HubMembership
from bridgehub.matchmaking.domain.feedback import give_feedback
from bridgehub.matchmaking.domain.intros import answer_introduction, default_contact_for, request_introduction
from bridgehub.matchmaking.domain.lists import rebuild_all
from bridgehub.matchmaking.domain.refresh import refresh_everything
from bridgehub.matchmaking.models import MatchProfile, Recommendation

DEMO_TALENT = "talent@people.bridgehub.example"
# (name, reading, country, role, languages: bio) — written by hand, one per role the start-ups hire.
TALENTS = [
    ("林佳穎", "Lin Chia-ying", "TW", "ml_engineer", {
        "zh-Hant": "機器學習工程師，在智慧製造領域有七年經驗，做過工廠瑕疵檢測與預測維護模型。正在尋找新創公司的新職位，也願意常駐東京。",
        "en": "Machine learning engineer with seven years in smart manufacturing: defect inspection and predictive "
              "maintenance models. Looking for a role at a start-up; happy to relocate to Tokyo."}),
    ("佐藤 大輝", "Sato Daiki", "JP", "bd_japan", {
        "ja": "半導体商社で12年、日本市場の事業開発を担当してきました。台湾のスタートアップの日本進出を支える新しい役割を探しています。"
              "大手電機メーカーとのネットワークがあります。"}),
    ("陳冠宇", "Chen Kuan-yu", "TW", "ic_design_engineer", {
        "zh-Hant": "IC設計工程師，專長類比設計與 RTL 驗證，參與過 AI 加速器晶片的設計定案。希望加入 IC 設計新創。"}),
    ("鈴木 美咲", "Suzuki Misaki", "JP", "clinical_affairs", {
        "ja": "医療機器メーカーで薬事・臨床開発を8年担当。PMDA 申請の実務経験があります。ヘルステックや介護テックのスタートアップで働きたいです。",
        "en": "Eight years of regulatory and clinical affairs at a medical device maker, including PMDA filings. "
              "Looking to join a healthtech or eldercare start-up."}),
    ("Priya Raman", "", "SG", "firmware_engineer", {
        "en": "Firmware engineer (embedded C, MCU, motor control) with six years on service robots. I want to join "
              "a robotics start-up in Japan or Taiwan."}),
    ("王雅婷", "Wang Ya-ting", "TW", "process_engineer", {
        "zh-Hant": "半導體製程工程師，十年晶圓廠薄膜與 CVD 製程整合經驗，熟悉先進封裝。正在尋找設備或封裝新創的職位。"}),
]


def _talents(hub: Hub) -> int:
    made = 0
    for index, (name, reading, country, role, bio) in enumerate(TALENTS):
        email = DEMO_TALENT if index == 1 else f"talent{index}@people.bridgehub.example"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create(email=email, display_name=name)
            user.set_unusable_password()
            user.save()
        HubMembership.objects.get_or_create(hub=hub, user=user, defaults={"role": HubRole.MEMBER})
        language = next(iter(bio))
        Person.objects.update_or_create(user=user, defaults={
            "name": name, "name_reading": reading, "original_language": language, "bio": bio,
            "open_to_roles": True, "sought_role": role, "based_in": country, "languages": list(bio),
            "title": ""})
        made += 1
    return made


def build_matching_demo(seed: int = 20261125) -> dict[str, int]:
    rng = random.Random(seed)
    hub = Hub.objects.get(slug="tokyo")
    talents = _talents(hub)
    refresh_everything()
    for investor in MatchProfile.objects.filter(kind="investor").order_by("pk")[:6]:
        investor.monthly_capacity = rng.choice([5, 8, 10])
        investor.save(update_fields=["monthly_capacity"])
    _activity(hub, rng)
    states = rebuild_all()
    return {"talents": talents, "profiles": MatchProfile.objects.count(),
            "recommendations": Recommendation.objects.count(), "hubs": len(states)}


def _activity(hub: Hub, rng: random.Random) -> None:
    """A few start-ups save matches, ask for introductions, and some are answered."""
    startups = list(MatchProfile.objects.filter(kind="startup", recommendations__hub=hub).distinct().order_by("pk"))
    for reader in rng.sample(startups, min(12, len(startups))):
        member = OrganisationMembership.objects.filter(organisation_id=reader.organisation_id).first()
        if member is None:
            continue
        picks = list(reader.recommendations.filter(hub=hub).select_related("target").order_by("rank")[:3])
        for number, row in enumerate(picks):
            if number == 0:
                intro = request_introduction(user=member.user, reader=reader, target=row.target, hub=hub,
                                             note="")
                answerer = _member_of(row.target)
                if answerer is not None and rng.random() < 0.7:
                    answer_introduction(user=answerer, introduction=intro, accept=rng.random() < 0.75,
                                        reason="no_capacity", contact=_demo_contact(answerer, row.target))
            elif number == 1:
                give_feedback(user=member.user, reader=reader, target=row.target, signal="saved")


def _demo_contact(answerer: User, target: MatchProfile) -> str:
    website = target.organisation.website if target.organisation_id else ""
    return default_contact_for(answerer) or website or answerer.public_name


def _member_of(profile: MatchProfile) -> User | None:
    if profile.person_id:
        return profile.person.user
    member = OrganisationMembership.objects.filter(organisation_id=profile.organisation_id).first()
    return member.user if member else None

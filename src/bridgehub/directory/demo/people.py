"""Demo people, logins and operator notes, built on the organisations of `builder`."""

from __future__ import annotations

import secrets

from bridgehub.accounts.domain.addresses import mark_address_verified
from bridgehub.accounts.models import User
from bridgehub.common.visibility import Visibility
from bridgehub.directory.demo import content_names as names
from bridgehub.directory.demo import content_templates as t
from bridgehub.directory.demo.builder import DemoBuilder
from bridgehub.directory.demo.content_sectors import FOCUS
from bridgehub.directory.enums import OrgRole
from bridgehub.directory.models import Affiliation, OperatorNote, Organisation, OrganisationMembership, Person
from bridgehub.hubs.enums import HubRole
from bridgehub.hubs.models import HubMembership

ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LANGUAGE_INDEX = {"zh-Hant": 0, "ja": 1, "en": 2}


def _person_name(builder: DemoBuilder, country: str) -> tuple[str, str]:
    rng = builder.rng
    if country == "TW":
        def make():
            (surname, rs), (given, rg) = rng.choice(names.TW_SURNAMES), rng.choice(names.TW_GIVEN)
            return f"{surname}{given}", f"{rg} {rs}"
    elif country == "JP":
        def make():
            (surname, rs), (given, rg) = rng.choice(names.JP_SURNAMES), rng.choice(names.JP_GIVEN)
            return f"{surname} {given}", f"{rs} {rg}"
    else:
        def make():
            return f"{rng.choice(names.EN_GIVEN)} {rng.choice(names.EN_SURNAMES)}", ""
    return builder._unique(make)


def build_person(builder: DemoBuilder, organisation: Organisation) -> Person:
    rng = builder.rng
    name, reading = _person_name(builder, organisation.country)
    spoken = {"TW": ["zh-Hant", "en"], "JP": ["ja", "en"]}.get(organisation.country, ["en"])
    if rng.random() < 0.35:
        spoken.append("ja" if "ja" not in spoken else "zh-Hant")
    written = [spoken[0]] + (["en"] if "en" in spoken[1:] and rng.random() < 0.3 else [])
    focus_code = next((sector.code for sector in organisation.sectors.all()), rng.choice(list(FOCUS)))
    bio = {}
    for language in written:
        index = LANGUAGE_INDEX[language]
        words = t.LANGUAGE_WORDS[language]
        separator = "、" if language != "en" else ", "
        bio[language] = t.PERSON_BIO[language].format(
            org=organisation.name, title=t.TITLES[organisation.kind][language], focus=FOCUS[focus_code][index],
            languages=separator.join(words[code] for code in spoken))
    visibility = rng.choices([Visibility.PUBLIC, Visibility.MEMBERS], weights=[4, 1])[0]
    slug = (reading or name).split()[0].lower()
    person = Person.objects.create(
        name=name, name_reading=reading, title=t.TITLES[organisation.kind][written[0]], languages=spoken,
        original_language=written[0], bio=bio, contact_email=f"{slug}.{organisation.slug}@example.com",
        profile_visibility=visibility, contact_visibility=Visibility.MEMBERS,
    )
    Affiliation.objects.create(person=person, organisation=organisation, role=t.TITLES[organisation.kind][written[0]])
    return person


def build_people(builder: DemoBuilder) -> int:
    count = 0
    for index, organisation in enumerate(builder.orgs):
        wanted = 1 if index % 3 else 2
        if organisation.kind in ("public_agency", "service_provider") and index % 2:
            wanted = 0
        for _ in range(wanted):
            build_person(builder, organisation)
            count += 1
    return count


DEMO_LOGINS = [
    ("operator@tokyo.bridgehub.example", "Tokyo hub operator", "tokyo", None),
    ("operator@taipei.bridgehub.example", "Taipei hub operator", "taipei", None),
    ("founder@startup.bridgehub.example", "Start-up founder (Taiwan)", None, "startup-TW"),
    ("partner@investor.bridgehub.example", "Investor (Japan)", None, "investor-JP"),
    ("talent@people.bridgehub.example", "Talent open to roles (Japan)", None, None),
]
# Each login reads the site (and its e-mails) in the language and time zone such a person would pick.
DEMO_LOGIN_LOCALES = {
    "operator@tokyo.bridgehub.example": ("ja", "Asia/Tokyo"),
    "operator@taipei.bridgehub.example": ("zh-hant", "Asia/Taipei"),
    "founder@startup.bridgehub.example": ("zh-hant", "Asia/Taipei"),
    "partner@investor.bridgehub.example": ("ja", "Asia/Tokyo"),
    "talent@people.bridgehub.example": ("en", "Asia/Tokyo"),
}


def ensure_logins(builder: DemoBuilder | None) -> list[tuple[str, str, str]]:
    """Create (or reset) the demo logins with fresh random passwords; returns (email, password, role)."""
    logins = []
    for email, role, hub_slug, org_hint in DEMO_LOGINS:
        password = "".join(secrets.choice(ALPHABET) for _ in range(12))
        user = User.objects.filter(email=email).first() or User(email=email, display_name=role)
        user.set_password(password)
        user.language, user.time_zone = DEMO_LOGIN_LOCALES[email]
        user.save()
        mark_address_verified(user)
        if hub_slug:
            from bridgehub.hubs.models import Hub
            HubMembership.objects.update_or_create(hub=Hub.objects.get(slug=hub_slug), user=user,
                                                   defaults={"role": HubRole.OPERATOR})
        if org_hint and not OrganisationMembership.objects.filter(user=user).exists():
            kind, country = org_hint.split("-")
            organisation = Organisation.objects.filter(kind=kind, country=country).order_by("slug").first()
            if organisation is not None:
                OrganisationMembership.objects.create(organisation=organisation, user=user, role=OrgRole.ADMIN)
                person = organisation.affiliations.select_related("person").first()
                if person is not None and person.person.user_id is None:
                    Person.objects.filter(pk=person.person_id).update(user=user)
        logins.append((email, password, role))
    return logins


def build_notes(builder: DemoBuilder) -> None:
    tokyo_operator = User.objects.get(email=DEMO_LOGINS[0][0])
    taipei_operator = User.objects.get(email=DEMO_LOGINS[1][0])
    notes = [
        ("tokyo", tokyo_operator, "熊本の装置メーカー2社に紹介済み。次回ラウンドで再面談予定。"),
        ("tokyo", tokyo_operator, "Strong team; asked for an interpreter (zh↔ja) at the next round."),
        ("taipei", taipei_operator, "已介紹給兩家晶圓廠，等待PoC回覆。"),
    ]
    taipei_orgs = [org for org in builder.orgs if org.country == "TW" and org.kind == "startup"]
    for (slug, author, text), organisation in zip(notes, taipei_orgs, strict=False):
        hub = builder.hubs[slug]
        OperatorNote.objects.create(hub=hub, organisation=organisation, author=author, text=text)

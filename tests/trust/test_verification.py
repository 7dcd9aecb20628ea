"""Badges people can see, lookalikes held for review, sanctions lists, per-hub screening settings."""

import re

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from bridgehub.directory.models import OrganisationHub
from bridgehub.trust.domain import sanctions, verification
from bridgehub.trust.domain.screening import screen_note
from bridgehub.trust.models import Case, SanctionsEntry, TrustSettings
from tests.conftest import client_for
from tests.factories.core import (
    OrganisationFactory,
    OrganisationHubFactory,
    OrganisationMembershipFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def test_domain_proof_by_mail_gives_badges(world, django_capture_on_commit_callbacks):
    organisation = world.organisation
    organisation.website = "https://www.secretchips.jp/about"
    organisation.save()
    client = client_for(world.owner)
    refused = client.post("/o/secret-chips/verify-domain/", {"email": "owner@gmail.com"})
    assert "@secretchips.jp" in refused.content.decode() and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/o/secret-chips/verify-domain/", {"email": "ceo@secretchips.jp"})
    assert mail.outbox[-1].to == ["ceo@secretchips.jp"]
    token = re.search(r"/verify-domain/([\w-]+)/", mail.outbox[-1].body).group(1)
    assert not verification.badges(organisation, world.tokyo)
    assert client_for(None).get(f"/verify-domain/{token}/").status_code == 200  # a page, not a proof yet
    assert not verification.badges(organisation, world.tokyo)
    assert client_for(None).post(f"/verify-domain/{token}/").status_code == 302
    assert [b.code for b in verification.badges(organisation, world.tokyo)] == ["domain", "website"]
    page = client_for(world.tokyo_member).get("/o/secret-chips/").content.decode()
    assert "Domain proved" in page and "secretchips.jp" in page
    # Moving the website to another domain voids the proof.
    organisation.website = "https://elsewhere.example"
    organisation.save()
    assert verification.badges(organisation, world.tokyo) == []
    # Someone else's member cannot ask for a proof.
    assert client_for(world.tokyo_member).get("/o/secret-chips/verify-domain/").status_code == 404


def test_vetting_and_registry_confirmation_make_the_sender_verified(world):
    organisation = world.organisation
    organisation.registry_number = "5835678256246"
    organisation.save()
    assert not verification.is_verified(organisation, world.tokyo)
    operator = client_for(world.tokyo_operator)
    operator.post("/manage/tokyo/vet/secret-chips/", {"registry": "1"})
    assert [b.code for b in verification.badges(organisation, world.tokyo)] == ["registry"]
    assert not verification.is_verified(organisation, world.tokyo)  # registry alone is not enough
    operator.post("/manage/tokyo/vet/secret-chips/", {"vetted": "1"})
    assert verification.is_verified(organisation, world.tokyo)
    assert not verification.is_verified(organisation, world.taipei)  # vetting is per hub
    organisation.name = "Secret Chips Renamed"
    organisation.save()
    codes = [b.code for b in verification.badges(organisation, world.tokyo)]
    assert "registry" not in codes and "registry_checked" in codes  # the confirmation was for the old name
    assert client_for(world.taipei_operator).post("/manage/tokyo/vet/secret-chips/", {"vetted": "1"}).status_code == 404


def test_a_lookalike_of_a_vetted_organisation_is_held_with_the_original_named(world,
                                                                              django_capture_on_commit_callbacks):
    real = OrganisationFactory(slug="sequoia", name="Sequoia Capital", kind="investor", website="https://sequoiacap.com")
    OrganisationHubFactory(organisation=real, hub=world.tokyo)
    client_for(world.tokyo_operator).post("/manage/tokyo/vet/sequoia/", {"vetted": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        fake = OrganisationFactory(slug="fake", name="Ѕequoia Capital Partners Asia", kind="investor")
        OrganisationHubFactory(organisation=fake, hub=world.tokyo)
    case = Case.objects.get(kind="lookalike")
    assert (case.subject_organisation, case.original, case.hub) == (fake, real, world.tokyo)
    assert OrganisationHub.objects.get(organisation=fake).status == "pending"  # held until reviewed
    page = client_for(world.tokyo_operator).get(f"/manage/tokyo/trust/{case.pk}/").content.decode()
    assert "Sequoia Capital" in page
    # Dismissed once, not raised again on the next edit.
    client_for(world.tokyo_operator).post(f"/manage/tokyo/trust/{case.pk}/", {"action": "dismiss"})
    with django_capture_on_commit_callbacks(execute=True):
        fake.name_reading = "Sequoia Capital Partners Asia"
        fake.save()
    assert Case.objects.filter(kind="lookalike").count() == 1
    # An unrelated new organisation opens nothing.
    with django_capture_on_commit_callbacks(execute=True):
        OrganisationHubFactory(organisation=OrganisationFactory(name="Northern Lights Robotics"), hub=world.tokyo)
    assert Case.objects.filter(kind="lookalike").count() == 1


SANCTIONS = ("list,id,name,aliases,country\n"
             "TEST-UN,1,\"IVANOV, Pavel\",Павел Иванов,RU\n"
             "TEST-UN,2,Dongfang Trading Co. Ltd.,東方貿易有限公司|东方贸易,HK\n").encode()


def test_sanctions_file_is_loaded_whole_and_matches_open_cases(world):
    listed = OrganisationFactory(slug="dongfang", name="东方贸易有限公司", country="HK")
    OrganisationHubFactory(organisation=listed, hub=world.tokyo)
    person = PersonFactory(name="Pavel Ivanov")
    person.affiliations.create(organisation=world.organisation, role="advisor")
    result = sanctions.load(hub=world.tokyo, content=SANCTIONS)
    assert (result.entries, result.cases) == (2, 2)
    refs = set(Case.objects.filter(kind="sanctions").values_list("evidence_ref", "reason"))
    assert refs == {(f"organisation:{listed.pk}", "TEST-UN:2"), (f"person:{person.pk}", "TEST-UN:1")}
    assert sanctions.load(hub=world.tokyo, content=SANCTIONS).cases == 0  # nothing raised twice
    assert not Case.objects.filter(hub=world.taipei).exists()


def test_a_bad_sanctions_file_names_row_and_field_and_changes_nothing(world, tmp_path):
    sanctions.load(hub=world.tokyo, content=SANCTIONS)
    bad = tmp_path / "bad.csv"
    bad.write_text("list,id,name,aliases,country\nTEST-UN,9,,x,RU\nTEST-UN,10,Someone,,Russia\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("load-sanctions", str(bad), hub="tokyo")
    assert "row 2, name: empty" in str(error.value) and "row 3, country" in str(error.value)
    assert SanctionsEntry.objects.count() == 2


def test_hub_settings_switch_rules_and_thresholds(world):
    operator = client_for(world.tokyo_operator)
    note = "Please pay the due diligence fee of USD 3,000 before we wire the investment."
    before = screen_note(text=note, user=world.tokyo_member, organisation=None, hub=world.tokyo,
                         recipient_kind="startup")
    assert before.outcome in ("caution", "held") and "upfront_fee" in before.verdict.reasons
    refused = operator.post("/manage/tokyo/trust/settings/", {"caution_at": "0.9", "hold_at": "0.5"})
    assert refused.status_code == 200 and not TrustSettings.objects.exists()
    data = {"caution_at": "0.5", "hold_at": "", "weight_upfront_fee": "0.75"}
    data |= {f"on_{code}": "on" for code in ("off_platform", "crypto_payment", "guaranteed_return")}
    assert operator.post("/manage/tokyo/trust/settings/", data).status_code == 302
    settings = TrustSettings.objects.get()
    assert settings.hold_at is None and "upfront_fee" in settings.disabled_rules
    after = screen_note(text=note, user=world.tokyo_member, organisation=None, hub=world.tokyo,
                        recipient_kind="startup")
    assert "upfront_fee" not in after.verdict.reasons
    other_hub = screen_note(text=note, user=world.tokyo_member, organisation=None, hub=world.taipei,
                            recipient_kind="startup")
    assert "upfront_fee" in other_hub.verdict.reasons


def test_a_member_reports_a_profile_in_a_hub_they_share(world):
    fake = OrganisationFactory(slug="fake-fund", name="Fake Fund", kind="investor")
    OrganisationHubFactory(organisation=fake, hub=world.tokyo)
    OrganisationMembershipFactory(organisation=fake)
    page = client_for(world.owner).get("/o/fake-fund/").content.decode()
    assert 'name="kind" value="organisation"' in page
    assert client_for(world.owner).post("/report/", {"kind": "organisation", "subject": fake.pk, "hub": "tokyo",
                                                     "reason": "not_who_they_claim"}).status_code == 302
    assert Case.objects.get().subject_organisation == fake
    assert client_for(world.taipei_member).post("/report/", {"kind": "organisation", "subject": fake.pk,
                                                             "hub": "tokyo", "reason": "spam"}).status_code == 404


def test_badges_of_a_card_list_are_those_of_each_card(world):
    """badge_map (two statements for a whole list) against badges() one organisation at a time:
    vetted with the operator's name, registry confirmed, a domain proved twice (the latest counts),
    none at all; and an empty list."""
    from django.utils import timezone

    from bridgehub.trust.models import DomainProof, Vetting

    now = timezone.now()
    vetted = OrganisationFactory(registry_number="5835678256246", website="https://vetted.example")
    proved = OrganisationFactory(website="https://www.proved.example/about")
    plain = OrganisationFactory()
    Vetting.objects.create(organisation=vetted, hub=world.tokyo, vetted_by=world.tokyo_operator, vetted_at=now,
                           registry_confirmed_by=world.tokyo_operator, registry_confirmed_at=now,
                           registry_number=vetted.registry_number, confirmed_name=vetted.name)
    for days, domain in ((9, "old.example"), (2, "proved.example")):
        DomainProof.objects.create(organisation=proved, domain=domain, email=f"ceo@{domain}", token_hash=domain,
                                   verified_at=now - timezone.timedelta(days=days))
    DomainProof.objects.create(organisation=plain, domain="plain.example", email="a@plain.example",
                               token_hash="unverified")
    pairs = [(vetted, world.tokyo), (proved, world.tokyo), (plain, None)]
    together = verification.badge_map(pairs)
    for organisation, hub in pairs[:2]:
        assert together[organisation.pk] == verification.badges(organisation, hub)
    assert [b.code for b in together[vetted.pk]] == ["vetted", "registry"]
    assert together[vetted.pk][0].by == world.tokyo_operator.public_name
    # Vetting is per hub: in Taipei the number is only checked.
    assert verification.badge_map([(vetted, world.taipei)])[vetted.pk] == verification.badges(vetted, world.taipei)
    assert [b.code for b in verification.badges(vetted, world.taipei)] == ["registry_checked"]
    assert [b.code for b in together[proved.pk]] == ["domain", "website"]
    assert together[plain.pk] == [] and verification.badge_map([]) == {}

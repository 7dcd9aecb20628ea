import pytest
from django.core.management import call_command

from bridgehub.directory.demo.builder import build_demo
from bridgehub.directory.models import Organisation, Person, ProfileText
from bridgehub.exchanges.models import MeetingRequest
from bridgehub.hubs.models import Hub
from bridgehub.trust.models import Vetting
from tests.exchanges.demo_checks import check_the_exchange_and_pipeline_demo


@pytest.mark.django_db
def test_demo_is_large_trilingual_and_deterministic():
    result = build_demo()
    assert result.organisations >= 150
    assert Person.objects.count() >= 60
    assert sorted(Hub.objects.values_list("slug", flat=True)) == ["silicon-valley", "singapore", "taipei", "tokyo"]
    languages = {language: ProfileText.objects.filter(language=language).count()
                 for language in ("zh-Hant", "ja", "en")}
    assert min(languages.values()) >= 30
    bilingual = Organisation.objects.filter(texts__language="en").filter(texts__language__in=["ja", "zh-Hant"])
    assert bilingual.count() >= 10
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert {"startup", "investor", "corporate", "university", "public_agency", "service_provider"} <= kinds
    assert Organisation.objects.filter(hub_links__status="pending").exists()
    for organisation in Organisation.objects.exclude(registry_number="").filter(country__in=["TW", "JP"])[:20]:
        organisation.full_clean()  # registry numbers follow their country's rule
    first = list(Organisation.objects.order_by("slug").values_list("name", flat=True)[:10])
    Organisation.objects.all().delete()
    Person.objects.all().delete()
    build_demo()
    assert list(Organisation.objects.order_by("slug").values_list("name", flat=True)[:10]) == first


@pytest.mark.django_db
def test_demo_command_prints_logins_and_is_rerunnable(capsys):
    call_command("demo")
    first = capsys.readouterr().out
    assert "operator@tokyo.bridgehub.example" in first and "password: " in first
    check_the_exchange_and_pipeline_demo(first)
    # The trust picture: vetted organisations, an impostor's held note and a reported caution.
    assert "2 cases in the Tokyo review queue" in first
    held = MeetingRequest.objects.get(screen_outcome="held")
    assert held.recipient.user.email == "founder@startup.bridgehub.example"
    assert Vetting.objects.exclude(vetted_at=None).count() == 8
    call_command("demo")
    second = capsys.readouterr().out
    assert "already loaded" in second
    assert Organisation.objects.count() >= 150

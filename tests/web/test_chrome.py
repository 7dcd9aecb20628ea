"""The page chrome (web/chrome.py): the top bar in the reader's language, the current entry, the unread
count, the back-office link for operators only; the reads behind it against their querysets."""

import re

import pytest
from django.utils import timezone

from bridgehub.accounts.domain.inbox import notify, unread_count
from bridgehub.accounts.models import Notification
from bridgehub.directory.domain.queries import own_organisation_roles
from bridgehub.directory.models import OrganisationHub, OrganisationMembership
from bridgehub.hubs.domain.queries import operated_hub_ids
from bridgehub.hubs.models import HubMembership
from bridgehub.matchmaking.domain.refresh import hub_ids_of
from bridgehub.matchmaking.models import MatchProfile
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def topbar(page: str) -> str:
    return page.split('<header class="topbar">')[1].split("</header>")[0]


def nav_labels(page: str) -> list[str]:
    nav = topbar(page).split('<nav class="mainnav"')[1].split("</nav>")[0]
    return [re.sub(r"<span.*?</span>", "", label).strip() for label in re.findall(r"<a [^>]*>(.*?)</a>", nav)]


@pytest.mark.parametrize(("language", "words"), [
    ("en", ["Dashboard", "Inbox", "Matches", "Relationships", "Signals", "Exchange rounds", "Directory", "People"]),
    ("ja", ["ダッシュボード", "受信箱", "マッチ", "関係", "シグナル", "交流ラウンド", "ディレクトリ", "人物"]),
    ("zh-hant", ["儀表板", "收件匣", "媒合", "合作關係", "訊號", "交流場次", "名錄", "人物"]),
])
def test_the_top_bar_is_in_the_readers_language_and_marks_the_page(world, language, words):
    world.owner.language = language
    world.owner.save(update_fields=["language"])
    page = client_for(world.owner).get("/directory/").content.decode()
    assert nav_labels(page) == words
    current = re.findall(r'<a href="([^"]+)" aria-current="page">', topbar(page))
    assert current == ["/directory/"]
    assert re.search(rf'<option value="{language}" selected>', page)
    assert f'<html lang="{language}">' in page


def test_the_unread_count_says_how_many_with_a_plural(world):
    client = client_for(world.owner)
    assert 'class="count"' not in topbar(client.get("/dashboard/").content.decode())
    notify([world.owner.pk], "introduction_requested", "/matches/", name="A")
    notify([world.owner.pk], "introduction_requested", "/matches/", name="B")
    bar = topbar(client.get("/dashboard/").content.decode())
    assert '<span class="count" aria-label="2 unread">2</span>' in bar


def test_only_operators_see_the_back_office_and_a_manage_page_marks_it(world):
    assert "/manage/" not in topbar(client_for(world.owner).get("/directory/").content.decode())
    page = client_for(world.tokyo_operator).get("/manage/tokyo/").content.decode()
    assert re.findall(r'<a href="([^"]+)" aria-current="page">', topbar(page)) == ["/manage/"]


def test_a_visitor_gets_log_in_and_sign_up_and_one_csrf_token_per_form(client):
    page = client.get("/directory/?q=<x>&sector=ai").content.decode()
    bar = topbar(page)
    assert nav_labels(page) == ["Directory", "People"] and "Log in" in bar and "Sign up" in bar
    assert 'value="/directory/?q=%3Cx%3E&amp;sector=ai"' in bar  # the path back, escaped
    assert bar.count('name="csrfmiddlewaretoken"') == 1  # the language switch (no logout form)


def test_the_chromes_reads_are_the_querysets_they_replace(world):
    """operated_hub_ids, own_organisation_roles, unread_count and hub_ids_of run as statements."""
    for user in (world.owner, world.tokyo_member, world.tokyo_operator, world.taipei_member):
        user = type(user).objects.get(pk=user.pk)  # nothing remembered on the instance
        assert operated_hub_ids(user) == frozenset(
            HubMembership.objects.filter(user=user, role="operator").values_list("hub_id", flat=True))
        assert own_organisation_roles(user) == dict(
            OrganisationMembership.objects.filter(user=user).values_list("organisation_id", "role"))
    assert operated_hub_ids(world.tokyo_operator) == {world.tokyo.pk}
    neighbour = OrganisationMembership.objects.get(user=world.tokyo_member).organisation_id
    assert own_organisation_roles(world.tokyo_member) == {neighbour: "member"}
    notify([world.owner.pk], "introduction_requested", "/matches/", name="A")
    notify([world.owner.pk], "introduction_requested", "/matches/", name="B")
    Notification.objects.filter(pk=Notification.objects.filter(user=world.owner).first().pk).update(
        read_at=timezone.now())
    assert unread_count(world.owner) == Notification.objects.filter(
        user=world.owner, read_at__isnull=True).count() == 1
    assert unread_count(world.tokyo_member) == 0
    OrganisationHub.objects.create(organisation=world.organisation, hub=world.taipei, status="pending")
    profile = MatchProfile.objects.get_or_create(organisation=world.organisation, defaults={"kind": "startup"})[0]
    assert hub_ids_of(profile) == set(OrganisationHub.objects.filter(
        organisation=world.organisation, status="approved").values_list("hub_id", flat=True)) == {world.tokyo.pk}
